/** How long after start a page may keep filling in before we stop re-reading it. */
const WATCH_FOR_MS = 15_000;
const DEBOUNCE_MS = 250;

/**
 * Calls `onSettled` after each burst of DOM changes, for a page that is still
 * loading content. Stops by itself, or when `signal` aborts (extension reload).
 */
export function watchForLateContent(
  signal: AbortSignal,
  doc: Document,
  onSettled: () => void,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(onSettled, DEBOUNCE_MS);
  });
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  const deadline = setTimeout(stop, WATCH_FOR_MS);
  signal.addEventListener('abort', () => {
    clearTimeout(deadline);
    stop();
  });
}
