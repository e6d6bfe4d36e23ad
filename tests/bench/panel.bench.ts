// `npm run bench`: how fast the card shows its headline, how fast the view beside the page
// draws a tab's report from cache, how long the story's timeline takes for a long thread, and
// how big the content script is. The card's timings start when the content script's work starts;
// the background injecting it after the page's load event is timed on its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MARKS } from '../../components/marks';
import { VIEW_MARKS } from '../../components/view/marks';
import { buildTimeline, type StoryMaterial } from '../../utils/story/timeline';
import { clearStore, EXTENSION_DIR, type Harness, launch, openPage } from '../e2e/harness';
import { newestTabId, openView } from '../e2e/view';
import { marksOf } from './marks';
import { median, report } from './results';

const PAGE = 'https://petition.parliament.uk/archived/petitions/591092';
const RUNS = 15;
/** Well after a cached card is drawn here (its page's load, its injection, and its own work). */
const CARD_DRAWN_MS = 500;

interface PanelTimes {
  /** The card module's code starting → the card drawn with its live and related answers:
   * reading the page, the round trips to the background, the render. */
  shown: number;
  /** The end of the page's load event → the content script's work starting: the background
   * hearing the tab has loaded, and injecting and compiling the script. */
  afterLoad: number;
}

async function timeOnePanel(harness: Harness): Promise<PanelTimes> {
  const { page } = await openPage(harness, PAGE);
  // Asked only once the card is most likely up: the first evaluation in a page sets up
  // Playwright's own script there, which would otherwise run while the card is being drawn.
  // Not a wait for the card: `marksOf` waits for its marks however long they take.
  await page.waitForTimeout(CARD_DRAWN_MS);
  const [start, shown] = await marksOf(page, [MARKS.start, MARKS.cardShown]);
  const loaded = (await page.evaluate(
    '(() => { const [entry] = performance.getEntriesByType("navigation"); return performance.timeOrigin + entry.loadEventEnd; })()',
  )) as number;
  await page.close();
  return { shown: shown - start, afterLoad: start - loaded };
}

/**
 * The content script sending the tab's report → the view beside it drawn (title and story): a
 * view already open on an empty tab, which then loads the page.
 */
async function timeOneView(harness: Harness): Promise<number> {
  const tab = await harness.context.newPage();
  const view = await openView(harness, await newestTabId(harness));
  await view.locator('main').waitFor();
  // The view's wait is set before the page loads, so nothing of the bench runs in the view
  // while it draws.
  const drawn = marksOf(view, [VIEW_MARKS.drawn]);
  await tab.goto(PAGE);
  const [reported] = await marksOf(tab, [VIEW_MARKS.reported]);
  const [drawnAt] = await drawn;
  await view.close();
  await tab.close();
  return drawnAt - reported;
}

/** The story of a page with a thread of 200 pages around it, each related too, with notes. */
function timelineOf200(): number {
  const context = {
    kind: 'debate' as const,
    url: 'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding',
    key: 'debate:6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71',
    title: 'Special Educational Needs and Disabilities Funding',
    links: [],
    unread: [],
    debateId: '6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71',
    house: 'Commons' as const,
    sittingDate: '2026-11-16',
    location: 'Westminster Hall',
    petitionNumbers: [],
  };
  const pages = Array.from({ length: 200 }, (_, i) => ({
    key: `petition:${700000 + i}`,
    kind: 'petition' as const,
    url: `https://petition.parliament.uk/petitions/${700000 + i}`,
    title: `Petition ${700000 + i} on SEND funding`,
  }));
  const material: StoryMaterial = {
    context,
    petitions: [],
    consultation: null,
    // Half the thread's pages were also found as related items, with dates.
    related: pages.slice(0, 100).map((page, i) => ({
      ...page,
      date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      state: 'open',
      signatureCount: 1000 + i,
      responded: i % 2 === 0,
      debated: false,
      location: null,
      reasons: ['shares key terms'],
      explicit: false,
      score: 3,
    })),
    thread: pages.map((page) => ({ ...page, reason: 'links here' })),
    annotations: pages.flatMap((page, i) =>
      Array.from({ length: 3 }, (_, n) => ({
        id: `${page.key}-${n}`,
        kind: n === 0 ? ('bookmark' as const) : ('highlight' as const),
        pageKey: page.key,
        pageUrl: page.url,
        pageTitle: page.title,
        pageKind: 'petition' as const,
        target: {
          quote: {
            type: 'TextQuoteSelector' as const,
            exact: `Passage ${i} ${n}`,
            prefix: '',
            suffix: '',
          },
          position: { type: 'TextPositionSelector' as const, start: 0, end: 10 },
        },
        bookmark: n === 0 ? { label: 'Government response', date: null } : undefined,
        note: '',
        tags: [],
        colour: 'yellow' as const,
        createdAt: 1,
        updatedAt: 1,
      })),
    ),
    now: Date.parse('2026-12-01T12:00:00Z'),
  };
  const start = performance.now();
  buildTimeline(material);
  return performance.now() - start;
}

timelineOf200(); // warm-up: the JIT, as for the browser runs
const timelineRuns = Array.from({ length: 25 }, timelineOf200);

const harness = await launch();
try {
  await timeOnePanel(harness); // warm-up: the browser's own caches, the service worker
  const cold: PanelTimes[] = [];
  const cached: PanelTimes[] = [];
  for (let run = 0; run < RUNS; run++) {
    await clearStore(harness, 'cache');
    cold.push(await timeOnePanel(harness));
    cached.push(await timeOnePanel(harness));
  }
  await timeOneView(harness); // warm-up: fills the cache the view then draws from
  const views: number[] = [];
  for (let run = 0; run < RUNS; run++) views.push(await timeOneView(harness));
  const medianOf = (runs: PanelTimes[], figure: keyof PanelTimes) =>
    Math.round(median(runs.map((times) => times[figure])) * 10) / 10;
  // What a page's content-script world runs: its one script, which the background injects after
  // the load event (one file each, per site and for consultation documents: it imports no
  // chunk). The largest counts.
  const gzipKb = (file: string) => {
    const code = readFileSync(join(EXTENSION_DIR, file), 'utf8');
    if (/\bimport\s*\(|^import\s/m.test(code))
      throw new Error(`${file} imports another file: count it in content_script_gzip_kb`);
    return gzipSync(code).length / 1024;
  };
  const sites = Object.fromEntries(
    readdirSync(EXTENSION_DIR)
      .flatMap((file) => file.match(/^content-(.+)\.js$/)?.[1] ?? [])
      .map((site) => [site.replace(/-/g, '_'), gzipKb(`content-${site}.js`)]),
  );
  report(
    {
      card_from_cache_ms: medianOf(cached, 'shown'),
      card_cold_ms: medianOf(cold, 'shown'),
      panel_after_load_ms: medianOf([...cached, ...cold], 'afterLoad'),
      view_from_cache_ms: Math.round(median(views) * 10) / 10,
      timeline_build_ms: Math.round(median(timelineRuns) * 100) / 100,
      content_script_gzip_kb: Math.round(Math.max(...Object.values(sites)) * 10) / 10,
      ...Object.fromEntries(
        Object.entries(sites).map(([site, kb]) => [
          `content_${site}_gzip_kb`,
          Math.round(kb * 10) / 10,
        ]),
      ),
    },
    {
      card_from_cache_ms: '≤ 16 (median)',
      view_from_cache_ms: '≤ 16 (median)',
      timeline_build_ms: '≤ 16 (200-page thread, median)',
      content_script_gzip_kb: '≤ 20 (the largest site script)',
      panel_after_load_ms: 'the background injecting the script after the load event',
    },
  );
} finally {
  await harness.close();
}
