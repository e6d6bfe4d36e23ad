// `npm run bench`: how fast the card shows its headline, and how big the content script is.
// The card's timings start when its module's code starts; loading the module after the
// page has loaded is timed on its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MARKS } from '../../components/panel/marks';
import { clearStore, EXTENSION_DIR, type Harness, launch, openPage } from '../e2e/harness';
import { median, report } from './results';

const PAGE = 'https://petition.parliament.uk/archived/petitions/591092';
const RUNS = 15;

interface PanelTimes {
  /** The card module's code starting → the card drawn with its live and related answers:
   * reading the page, the round trips to the background, the render. */
  shown: number;
  /** The content script asking for the panel module → its code starting: the fetch, compile
   * and run of the module, which waits until after the page's load event. */
  moduleLoad: number;
}

async function timeOnePanel(harness: Harness): Promise<PanelTimes> {
  const { page } = await openPage(harness, PAGE);
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const handle = await page.waitForFunction(
    (marks) => {
      const [asked] = performance.getEntriesByName(marks.loadPanel);
      const [start] = performance.getEntriesByName(marks.start);
      const [shown] = performance.getEntriesByName(marks.cardShown);
      return asked && start && shown
        ? {
            shown: shown.startTime - start.startTime,
            moduleLoad: start.startTime - asked.startTime,
          }
        : null;
    },
    MARKS,
    { polling: 5 },
  );
  const times = (await handle.jsonValue()) as PanelTimes;
  await page.close();
  return times;
}

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
  const medianOf = (runs: PanelTimes[], figure: keyof PanelTimes) =>
    Math.round(median(runs.map((times) => times[figure])) * 10) / 10;
  // What a page's content-script world runs: the script injected at document_start, and the
  // card module it imports after the load event (one file: it imports no chunk).
  if (
    /\bimport\s*\(|^import\s/m.test(readFileSync(join(EXTENSION_DIR, 'content-panel.js'), 'utf8'))
  )
    throw new Error('content-panel.js imports another file: count it in content_script_gzip_kb');
  const gzipKb = (file: string) => gzipSync(readFileSync(join(EXTENSION_DIR, file))).length / 1024;
  const boot = gzipKb('content-boot.js');
  const panel = gzipKb('content-panel.js');
  report(
    {
      card_from_cache_ms: medianOf(cached, 'shown'),
      card_cold_ms: medianOf(cold, 'shown'),
      panel_module_load_ms: medianOf([...cached, ...cold], 'moduleLoad'),
      content_boot_gzip_kb: Math.round(boot * 10) / 10,
      content_script_gzip_kb: Math.round((boot + panel) * 10) / 10,
    },
    {
      card_from_cache_ms: '<= 16 (median)',
      content_script_gzip_kb: '<= 20 (both files)',
    },
  );
} finally {
  await harness.close();
}
