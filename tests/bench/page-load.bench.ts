// `npm run bench`: what the extension adds to the time a page takes to load. The SENCO
// petition is loaded in three browsers started side by side: with the extension, with the
// extension's content scripts emptied (what injecting any content script costs: the background
// still injects them, after the page's load event) and without an extension. Loads alternate,
// in a rotating order, and the medians of navigation start → end of the `load` event are compared.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { EXTENSION_DIR, launchBrowser } from '../e2e/harness';
import { median, report } from './results';

const PAGE = 'https://petition.parliament.uk/archived/petitions/591092';
const RUNS = 61;
// Each load is timed as a fresh visit: the extension's work for the previous page (its API
// requests, ranking, storage) has finished before the next load starts.
const SETTLE_MS = 1000;

async function timeToLoad(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  await page.goto(PAGE, { waitUntil: 'load' });
  const loaded = await page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
  );
  await page.waitForTimeout(SETTLE_MS);
  await page.close();
  return loaded;
}

const emptied = mkdtempSync(join(tmpdir(), 'civic-thread-empty-script-'));
cpSync(EXTENSION_DIR, emptied, { recursive: true });
for (const file of readdirSync(emptied).filter((name) => /^content-.*\.js$/.test(name)))
  writeFileSync(join(emptied, file), '');

const browsers = await Promise.all([
  launchBrowser(EXTENSION_DIR),
  launchBrowser(emptied),
  launchBrowser(null),
]);
try {
  // Warm-up: each browser's own caches, the extension's service worker and database.
  for (const { context } of browsers) await timeToLoad(context);
  const times: number[][] = browsers.map(() => []);
  for (let run = 0; run < RUNS; run++) {
    for (let step = 0; step < browsers.length; step++) {
      const which = (run + step) % browsers.length;
      times[which]?.push(await timeToLoad((browsers[which] ?? browsers[0]).context));
    }
  }
  const [withExtension, emptyScript, without] = times.map(median) as [number, number, number];
  const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
  report(
    {
      page_load_with_extension_ms: round(withExtension, 1),
      page_load_empty_content_script_ms: round(emptyScript, 1),
      page_load_without_extension_ms: round(without, 1),
      page_load_overhead_ratio: round(withExtension / without, 3),
      page_load_empty_content_script_ratio: round(emptyScript / without, 3),
      page_load_vs_empty_script_ratio: round(withExtension / emptyScript, 3),
    },
    {
      page_load_overhead_ratio: '<= 1.05 (with / without, medians, same run)',
      page_load_empty_content_script_ratio: 'the floor: any content script on this page',
      page_load_vs_empty_script_ratio: '<= 1.02 (with / empty content script, same run)',
    },
  );
} finally {
  await Promise.all(browsers.map((browser) => browser.close()));
  rmSync(emptied, { recursive: true, force: true });
}
