import type { CivicThreadDB } from './db';

/**
 * What a page's first story was built from, as stored now, in one read-only transaction:
 * whether the cache still holds each answer as it was fetched then (found by its `fetchedAt`
 * in the index, so no answer's body is read), and the page's notes as text to compare.
 */
export async function storedInputs(
  db: CivicThreadDB,
  answers: { url: string; fetchedAt: number }[],
  pageKey: string,
): Promise<{ answersKept: boolean; notes: string }> {
  const tx = db.transaction(['cache', 'annotations'], 'readonly');
  const byFetchedAt = tx.objectStore('cache').index('byFetchedAt');
  const [kept, notes] = await Promise.all([
    Promise.all(
      answers.map(async ({ url, fetchedAt }) =>
        (await byFetchedAt.getAllKeys(IDBKeyRange.only(fetchedAt))).includes(url),
      ),
    ),
    tx.objectStore('annotations').index('byPage').getAll(pageKey),
  ]);
  return { answersKept: kept.every(Boolean), notes: JSON.stringify(notes) };
}
