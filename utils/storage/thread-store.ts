import type { PageContext } from '../pages/context';
import type { CivicThreadDB } from './db';
import { LinkRecord, PageRecord } from './records';

/**
 * Records a visit: the page's latest context and its outbound links, in one
 * transaction so the thread never holds a page without its links.
 */
export async function recordVisit(
  db: CivicThreadDB,
  { context, visitId, now }: { context: PageContext; visitId: string; now: number },
): Promise<PageRecord> {
  // Validate everything before the first write, so a bad link cannot leave half a visit behind.
  const linkRecords = context.links.map((link) =>
    LinkRecord.parse({
      from: context.key,
      to: link.key,
      kind: link.kind,
      url: link.url,
      label: link.label,
    }),
  );
  const tx = db.transaction(['pages', 'links'], 'readwrite');
  const pages = tx.objectStore('pages');
  const links = tx.objectStore('links');
  const stored = PageRecord.safeParse(await pages.get(context.key));
  const previous = stored.success ? stored.data : null;
  const record = PageRecord.parse({
    key: context.key,
    kind: context.kind,
    url: context.url,
    title: context.title,
    context,
    firstVisitedAt: previous?.firstVisitedAt ?? now,
    lastVisitedAt: now,
    visitCount: (previous?.visitCount ?? 0) + (previous?.lastVisitId === visitId ? 0 : 1),
    lastVisitId: visitId,
  });
  await pages.put(record);
  // The page's links replace the ones stored on the last visit.
  await links.delete(IDBKeyRange.bound([context.key], [context.key, []]));
  for (const link of linkRecords) await links.put(link);
  await tx.done;
  return record;
}
