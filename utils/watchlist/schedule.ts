/** How often a followed item is checked while its site answers. */
export const CHECK_EVERY_MS = 3 * 60 * 60_000;
/** The longest wait after repeated failures. */
export const MAX_BACKOFF_MS = 24 * 60 * 60_000;
/** Checks of different items are spread over this window, so they do not all fire together. */
export const STAGGER_MS = 20 * 60_000;
/** The alarm that runs due checks, and how often it wakes. */
export const WATCH_ALARM = 'civic-thread:watch';
export const ALARM_PERIOD_MINUTES = 15;
/** At most this many items are checked per alarm, so one wake-up sends a few requests, not many. */
export const CHECKS_PER_ALARM = 5;

/** A fixed offset per item (a string hash), so an item keeps its place in the spread. */
export function staggerFor(key: string): number {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % STAGGER_MS;
}

/** When to check an item next: the usual interval, doubled per consecutive failure, capped. */
export function nextCheckAt(key: string, now: number, failures: number): number {
  const wait = Math.min(MAX_BACKOFF_MS, CHECK_EVERY_MS * 2 ** Math.min(failures, 8));
  return now + wait + staggerFor(key);
}
