import { MARKS } from '../marks';

// Set in the content script's own world (pages cannot see it): the background may inject the
// script twice into one document (its load-time fallback, a page back from the back/forward
// cache), and the second must do nothing.
const STARTED = Symbol.for('civic-thread:started');

/**
 * Runs a content script's `start` once per document (entrypoints/content-*.ts), which the
 * background injects once the page has loaded (ARCHITECTURE.md, "Why the background injects
 * the content script").
 */
export function runOnce(start: () => void): void {
  const world = globalThis as { [STARTED]?: true };
  if (world[STARTED]) return;
  world[STARTED] = true;
  // Timeline marks for `npm run bench` and the E2E tests; they carry no data.
  performance.mark(MARKS.start);
  start();
}
