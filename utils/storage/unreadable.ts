import { z } from '../zod';
import type { CivicThreadDB } from './db';
import { Annotation, Follow, LinkRecord, PageRecord, WatchEvent } from './records';
import { ResponseDraft } from './response-draft';

/**
 * The stores of the user's own records, each with the schema a record must pass to be read.
 * A record written by a damaged or older build fails it; it is skipped wherever records are read,
 * counted here, and removed only when the user asks.
 */
const CHECKED = {
  annotations: Annotation,
  pages: PageRecord,
  links: LinkRecord,
  follows: Follow,
  events: WatchEvent,
  responses: ResponseDraft,
} as const;
type CheckedStore = keyof typeof CHECKED;
const STORES = Object.keys(CHECKED) as CheckedStore[];

const Count = z.number().check(z.int(), z.nonnegative());
export const UnreadableCounts = z.object({
  annotations: Count,
  pages: Count,
  links: Count,
  follows: Count,
  events: Count,
  responses: Count,
});
export type UnreadableCounts = z.infer<typeof UnreadableCounts>;

/** Walks every checked store and calls `onUnreadable` with each record that fails its schema. */
async function eachUnreadable(
  db: CivicThreadDB,
  mode: IDBTransactionMode,
  onUnreadable: (store: CheckedStore, remove: () => Promise<void>) => Promise<void> | void,
): Promise<void> {
  const tx = db.transaction(STORES, mode);
  for (const store of STORES) {
    let cursor = await tx.objectStore(store).openCursor();
    while (cursor) {
      const current = cursor;
      if (!CHECKED[store].safeParse(current.value).success) {
        // `delete` exists on a cursor of a readwrite transaction only.
        await onUnreadable(store, async () => current.delete?.());
      }
      cursor = await current.continue();
    }
  }
  await tx.done;
}

/** How many records in each store can no longer be read. */
export async function countUnreadable(db: CivicThreadDB): Promise<UnreadableCounts> {
  const counts: UnreadableCounts = {
    annotations: 0,
    pages: 0,
    links: 0,
    follows: 0,
    events: 0,
    responses: 0,
  };
  await eachUnreadable(db, 'readonly', (store) => {
    counts[store] += 1;
  });
  return counts;
}

/** Deletes every record that can no longer be read, in one transaction; returns how many. */
export async function removeUnreadable(db: CivicThreadDB): Promise<number> {
  let removed = 0;
  await eachUnreadable(db, 'readwrite', async (_store, remove) => {
    await remove();
    removed += 1;
  });
  return removed;
}
