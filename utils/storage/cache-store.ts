import type { CivicThreadDB } from './db';
import { dropOldest } from './drop-oldest';
import { CacheEntry } from './records';

/** A cached answer, or null when there is none or it no longer reads as a cache entry. */
export async function getCached(db: CivicThreadDB, url: string): Promise<CacheEntry | null> {
  const parsed = CacheEntry.safeParse(await db.get('cache', url));
  return parsed.success ? parsed.data : null;
}

export async function putCached(db: CivicThreadDB, entry: CacheEntry): Promise<void> {
  await db.put('cache', CacheEntry.parse(entry));
}

/**
 * An answer not fetched again for this long goes. The longest freshness is a day (Hansard's),
 * so any answer this old is long stale: what it still gives is the page shown offline, and a
 * page not read for a month is not one the user needs the moment a fetch fails. Followed items
 * are fetched every few hours by their checks, so theirs never get this old.
 */
export const CACHE_MAX_AGE_MS = 30 * 24 * 60 * 60_000;

/**
 * At most this many answers are kept, the most recently fetched: a page visit caches up to
 * nine (its record and eight searches), so this is the last hundred-odd pages' even when read
 * within the month.
 */
export const MAX_CACHED_ANSWERS = 1_000;

/** Removes the answers past the cache's bounds, in one transaction; how many went. */
export async function trimCache(db: CivicThreadDB, now: number): Promise<number> {
  const tx = db.transaction('cache', 'readwrite');
  const removed = await dropOldest(tx.store, {
    fetchedBefore: now - CACHE_MAX_AGE_MS,
    maxRows: MAX_CACHED_ANSWERS,
  });
  await tx.done;
  return removed;
}
