import type { CivicThreadDB } from './db';

/** An answer as it was fetched; `fetchedAt` null: there was none in the cache. */
export interface AnswerRead {
  url: string;
  fetchedAt: number | null;
}

/** The reads of the cache store `answersIn` makes, in whichever transaction. */
interface CacheReads {
  getKey(url: string): Promise<string | undefined>;
  index(name: 'byFetchedAt'): { getAllKeys(query: IDBKeyRange): Promise<string[]> };
}

/**
 * Whether the cache still holds each answer as it was read: one with `fetchedAt` found by it in
 * the index, a missing one by its absent key, so no answer's body is read (or cloned) again.
 */
function answersIn(cache: CacheReads, answers: AnswerRead[]): Promise<boolean> {
  const byFetchedAt = cache.index('byFetchedAt');
  return Promise.all(
    answers.map(async ({ url, fetchedAt }) =>
      fetchedAt === null
        ? (await cache.getKey(url)) === undefined
        : (await byFetchedAt.getAllKeys(IDBKeyRange.only(fetchedAt))).includes(url),
    ),
  ).then((kept) => kept.every(Boolean));
}

/** Whether the cache still holds `answers` as they were read, in one read-only transaction. */
export function answersKept(db: CivicThreadDB, answers: AnswerRead[]): Promise<boolean> {
  return answersIn(db.transaction('cache', 'readonly').store, answers);
}

/**
 * What a page's first story was built from, as stored now, in one read-only transaction:
 * whether the cache still holds each answer as it was fetched then (`answersIn`), and the
 * page's notes as text to compare.
 */
export async function storedInputs(
  db: CivicThreadDB,
  answers: { url: string; fetchedAt: number }[],
  pageKey: string,
): Promise<{ answersKept: boolean; notes: string }> {
  const tx = db.transaction(['cache', 'annotations'], 'readonly');
  const [kept, notes] = await Promise.all([
    answersIn(tx.objectStore('cache'), answers),
    tx.objectStore('annotations').index('byPage').getAll(pageKey),
  ]);
  return { answersKept: kept, notes: JSON.stringify(notes) };
}
