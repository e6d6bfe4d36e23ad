// `npm run bench`: how fast the panel shows live data, and how big the content script is.
// The panel's timings start when its module's code starts, as they did when it was the
// content script; loading the module after the page has loaded is timed on its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MARKS } from '../../components/panel/marks';
import { clearStore, EXTENSION_DIR, type Harness, launch, openPage } from '../e2e/harness';
import { median, report } from './results';

const PAGE = 'https://petition.parliament.uk/archived/petitions/591092';
const RUNS = 15;

interface PanelTimes {
  /** The panel module's code starting → live data on screen: reading the page, the round trip
   * to the background, the first render. */
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
      const [shown] = performance.getEntriesByName(marks.liveShown);
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
  // panel module it imports after the load event.
  const gzipKb = (file: string) => gzipSync(readFileSync(join(EXTENSION_DIR, file))).length / 1024;
  const boot = gzipKb('content-boot.js');
  const panel = gzipKb('content-panel.js');
  report(
    {
      panel_from_cache_ms: medianOf(cached, 'shown'),
      panel_cold_ms: medianOf(cold, 'shown'),
      panel_module_load_ms: medianOf([...cached, ...cold], 'moduleLoad'),
      content_boot_gzip_kb: Math.round(boot * 10) / 10,
      content_script_gzip_kb: Math.round((boot + panel) * 10) / 10,
    },
    {
      panel_from_cache_ms: '< 50 (median)',
      content_script_gzip_kb: '< 40 (both files)',
    },
  );
} finally {
  await harness.close();
}
