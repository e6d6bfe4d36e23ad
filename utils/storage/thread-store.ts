import { type PageContext, PageKind, SupportedPageUrl } from '../pages/context';
import { z } from '../zod';
import type { CivicThreadDB } from './db';
import { LinkRecord, PageRecord } from './records';

/** A page from the user's own history that links here, or that this page links to. */
export const ThreadItem = z.object({
  key: z.string(),
  kind: PageKind,
  url: SupportedPageUrl,
  title: z.nullable(z.string()),
  reason: z.string(),
});
export type ThreadItem = z.infer<typeof ThreadItem>;

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

/** A visited page, or null when the user has not been there (or its record is unreadable). */
export async function visitedPage(db: CivicThreadDB, key: string): Promise<PageRecord | null> {
  const parsed = PageRecord.safeParse(await db.get('pages', key));
  return parsed.success ? parsed.data : null;
}

/**
 * The user's own thread around a page: where they came from, the visited
 * pages that link to it, and the visited pages it links to. Most recent first.
 * `skipped` counts the pages in it whose stored records can no longer be read.
 */
export async function threadAround(
  db: CivicThreadDB,
  key: string,
  cameFrom: string | null,
  limit = 6,
): Promise<{ items: ThreadItem[]; skipped: number }> {
  const inbound = (await db.getAllFromIndex('links', 'byTo', key)).map((link) => link.from);
  const outbound = (await db.getAll('links', IDBKeyRange.bound([key], [key, []]))).map(
    (link) => link.to,
  );
  const reasons = new Map<string, string>();
  if (cameFrom && cameFrom !== key) reasons.set(cameFrom, 'you came here from this page');
  for (const from of inbound)
    if (!reasons.has(from)) reasons.set(from, 'you read it; it links here');
  for (const to of outbound) {
    if (!reasons.has(to)) reasons.set(to, 'this page links to it; you read it');
  }
  let skipped = 0;
  const visited = await Promise.all(
    [...reasons].map(async ([page, reason]) => {
      const stored = await db.get('pages', page);
      const parsed = PageRecord.safeParse(stored);
      if (stored !== undefined && !parsed.success) skipped++;
      return { page: parsed.success ? parsed.data : null, reason };
    }),
  );
  const items = visited
    .flatMap(({ page, reason }) =>
      page && page.key !== key
        ? [
            {
              key: page.key,
              kind: page.kind,
              url: page.url,
              title: page.title,
              reason,
              at: page.lastVisitedAt,
            },
          ]
        : [],
    )
    .sort(
      (a, b) =>
        Number(b.reason.startsWith('you came')) - Number(a.reason.startsWith('you came')) ||
        b.at - a.at,
    )
    .slice(0, limit)
    .map(({ at, ...item }) => item);
  return { items, skipped };
}
