// `npm run bench`: how fast the panel shows live data, and how big the content script is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MARKS } from '../../components/panel/marks';
import { clearStore, EXTENSION_DIR, type Harness, launch, openPage } from '../e2e/harness';
import { median, report } from './results';

const PAGE = 'https://petition.parliament.uk/archived/petitions/591092';
const RUNS = 15;

/** Milliseconds from the content script's start to the live data on screen, for one page load. */
async function timeOnePanel(harness: Harness): Promise<number> {
  const { page } = await openPage(harness, PAGE);
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const handle = await page.waitForFunction(
    (marks) => {
      const [start] = performance.getEntriesByName(marks.start);
      const [shown] = performance.getEntriesByName(marks.liveShown);
      return start && shown ? shown.startTime - start.startTime : null;
    },
    MARKS,
    { polling: 5 },
  );
  const elapsed = (await handle.jsonValue()) as number;
  await page.close();
  return elapsed;
}

const harness = await launch();
try {
  await timeOnePanel(harness); // warm-up: the browser's own caches, the service worker
  const cold: number[] = [];
  const cached: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await clearStore(harness, 'cache');
    cold.push(await timeOnePanel(harness));
    cached.push(await timeOnePanel(harness));
  }
  const script = readFileSync(join(EXTENSION_DIR, 'content-scripts', 'content.js'));
  report(
    {
      panel_from_cache_ms: Math.round(median(cached) * 10) / 10,
      panel_cold_ms: Math.round(median(cold) * 10) / 10,
      content_script_gzip_kb: Math.round((gzipSync(script).length / 1024) * 10) / 10,
    },
    { panel_from_cache_ms: '< 50 (median)', content_script_gzip_kb: '< 40' },
  );
} finally {
  await harness.close();
}
