// The benches' clock: performance marks the extension makes in its pages.
import type { Page } from 'playwright-core';

/**
 * When each of `names` was marked in `page` (ms since the epoch, the clock all pages share),
 * once all are. Evaluated once and woken by a PerformanceObserver, not polled: a poll is a
 * script the browser runs in the page, and one landing in the work being timed delayed it by
 * milliseconds (seen in a trace of the view).
 */
export function marksOf<const Names extends readonly string[]>(
  page: Page,
  names: Names,
): Promise<{ [K in keyof Names]: number }> {
  // A string, not a function: tsx would wrap a function's inner helpers in one the page lacks.
  return page.evaluate(`new Promise((resolve) => {
    const names = ${JSON.stringify(names)};
    const check = () => {
      const found = names.map((name) => performance.getEntriesByName(name)[0]);
      if (found.every(Boolean)) resolve(found.map((entry) => performance.timeOrigin + entry.startTime));
    };
    new PerformanceObserver(check).observe({ type: 'mark', buffered: true });
    check();
  })`) as Promise<{ [K in keyof Names]: number }>;
}
