// `npm run bench`: what the extension adds to the time a page takes to load. The SENCO
// petition is loaded in browsers started side by side: with the extension, with the
// extension's content scripts emptied (what injecting any content script costs: the background
// still injects them, after the page's load event) and without an extension, two of each, as a
// browser started once can run faster or slower than another all run long. Loads alternate, in
// a rotating order, and the medians of navigation start → end of the `load` event are compared.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { VIEW_MARKS } from '../../components/view/marks';
import { EXTENSION_DIR, launchBrowser } from '../e2e/harness';
import { marksOf } from './marks';
import { median, report } from './results';

const PAGE = 'https://petition.parliament.uk/archived/petitions/591092';
/** Loads per kind of browser. */
const RUNS = 102;
/**
 * Each load is timed as a fresh visit: the extension's work for the previous page (its last
 * step, the report to the view, then what the worker does with it) is over before the next
 * load starts. Every browser waits as long after it, extension or not.
 */
const SETTLE_MS = 300;

async function timeToLoad(context: BrowserContext, withScript: boolean): Promise<number> {
  const page = await context.newPage();
  await page.goto(PAGE, { waitUntil: 'load' });
  const loaded = await page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
  );
  if (withScript) await marksOf(page, [VIEW_MARKS.reported]);
  await page.waitForTimeout(SETTLE_MS);
  await page.close();
  return loaded;
}

const emptied = mkdtempSync(join(tmpdir(), 'civic-thread-empty-script-'));
cpSync(EXTENSION_DIR, emptied, { recursive: true });
for (const file of readdirSync(emptied).filter((name) => /^content-.*\.js$/.test(name)))
  writeFileSync(join(emptied, file), '');

const kinds = [EXTENSION_DIR, emptied, null] as const;
const browsers = await Promise.all(
  [...kinds, ...kinds].map(async (dir, index) => ({
    kind: index % kinds.length,
    ...(await launchBrowser(dir)),
  })),
);
try {
  const timeOn = (browser: (typeof browsers)[number]) =>
    timeToLoad(browser.context, browser.kind === 0);
  // Warm-up: each browser's own caches, the extension's service worker and database.
  for (const browser of browsers) await timeOn(browser);
  const times: number[][] = kinds.map(() => []);
  for (let run = 0; run < RUNS / 2; run++) {
    for (let step = 0; step < browsers.length; step++) {
      const browser = browsers[(run + step) % browsers.length];
      if (browser) times[browser.kind]?.push(await timeOn(browser));
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
