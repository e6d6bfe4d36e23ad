/** How long after the page's HTML is read the panel waits for the page's own images and scripts. */
export const LOAD_WAIT_LIMIT_MS = 1000;

/**
 * Calls `start` once, in a task of its own after the page's `load` event (so nothing is added to
 * the page's own load time), or `limitMs` after DOMContentLoaded if a slow resource is holding
 * the load event back.
 */
export function afterPageLoad(view: Window, start: () => void, limitMs = LOAD_WAIT_LIMIT_MS): void {
  const doc = view.document;
  if (doc.readyState === 'complete') {
    view.setTimeout(start);
    return;
  }
  let started = false;
  let limit: number | undefined;
  const once = () => {
    if (started) return;
    started = true;
    view.clearTimeout(limit);
    start();
  };
  const startLimit = () => {
    limit = view.setTimeout(once, limitMs);
  };
  if (doc.readyState === 'loading')
    doc.addEventListener('DOMContentLoaded', startLimit, { once: true });
  else startLimit();
  view.addEventListener('load', () => view.setTimeout(once), { once: true });
}
