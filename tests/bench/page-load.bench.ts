// `npm run bench`: what the extension adds to the time a page takes to load. The SENCO
// petition is loaded in two browsers started side by side, one with the extension and one
// without, alternately, and the medians of navigation start → `load` event are compared.
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '../e2e/harness';
import { median, report } from './results';

const PAGE = 'https://petition.parliament.uk/archived/petitions/591092';
const RUNS = 21;

async function timeToLoad(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  await page.goto(PAGE, { waitUntil: 'load' });
  const loaded = await page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
  );
  await page.close();
  return loaded;
}

const [withExtension, without] = await Promise.all([launchBrowser(true), launchBrowser(false)]);
try {
  // Warm-up: each browser's own caches, the extension's service worker and database.
  await timeToLoad(withExtension.context);
  await timeToLoad(without.context);
  const times = { with: [] as number[], without: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    times.with.push(await timeToLoad(withExtension.context));
    times.without.push(await timeToLoad(without.context));
  }
  const ratio = median(times.with) / median(times.without);
  report(
    {
      page_load_with_extension_ms: Math.round(median(times.with) * 10) / 10,
      page_load_without_extension_ms: Math.round(median(times.without) * 10) / 10,
      page_load_overhead_ratio: Math.round(ratio * 1000) / 1000,
    },
    { page_load_overhead_ratio: '<= 1.05 (with / without, medians, same run)' },
  );
} finally {
  await Promise.all([withExtension.close(), without.close()]);
}
