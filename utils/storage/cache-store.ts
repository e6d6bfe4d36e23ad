import type { CivicThreadDB } from './db';
import { CacheEntry } from './records';

/** A cached answer, or null when there is none or it no longer reads as a cache entry. */
export async function getCached(db: CivicThreadDB, url: string): Promise<CacheEntry | null> {
  const parsed = CacheEntry.safeParse(await db.get('cache', url));
  return parsed.success ? parsed.data : null;
}

export async function putCached(db: CivicThreadDB, entry: CacheEntry): Promise<void> {
  await db.put('cache', CacheEntry.parse(entry));
}
