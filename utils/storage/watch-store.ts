import { detectChanges } from '../watchlist/changes';
import { nextCheckAt } from '../watchlist/schedule';
import type { CivicThreadDB } from './db';
import { Follow, WatchEvent } from './records';
import type { Snapshot } from './snapshot';

export async function getFollow(db: CivicThreadDB, pageKey: string): Promise<Follow | null> {
  const parsed = Follow.safeParse(await db.get('follows', pageKey));
  return parsed.success ? parsed.data : null;
}

export async function putFollow(db: CivicThreadDB, follow: Follow): Promise<Follow> {
  const valid = Follow.parse(follow);
  await db.put('follows', valid);
  return valid;
}

/** Stops following an item and forgets its changes, in one transaction. */
export async function unfollow(db: CivicThreadDB, pageKey: string): Promise<void> {
  const tx = db.transaction(['follows', 'events'], 'readwrite');
  await tx.objectStore('follows').delete(pageKey);
  const events = tx.objectStore('events');
  for (const id of await events.index('byPage').getAllKeys(pageKey)) await events.delete(id);
  await tx.done;
}

/**
 * Followed items whose next check is due, soonest first. Unreadable records are passed over, not
 * counted against `limit`: they are never rescheduled, so they would otherwise fill every batch.
 */
export async function dueFollows(db: CivicThreadDB, now: number, limit: number): Promise<Follow[]> {
  const due: Follow[] = [];
  let cursor = await db
    .transaction('follows')
    .store.index('byNextCheck')
    .openCursor(IDBKeyRange.upperBound(now));
  while (cursor && due.length < limit) {
    const parsed = Follow.safeParse(cursor.value);
    if (parsed.success) due.push(parsed.data);
    cursor = await cursor.continue();
  }
  return due;
}

/** A check that got no answer: nothing is learnt, the next try waits longer. */
export async function recordFailedCheck(db: CivicThreadDB, pageKey: string, now: number) {
  const tx = db.transaction('follows', 'readwrite');
  const parsed = Follow.safeParse(await tx.store.get(pageKey));
  if (parsed.success) {
    const failures = parsed.data.failures + 1;
    await tx.store.put({
      ...parsed.data,
      failures,
      nextCheckAt: nextCheckAt(pageKey, now, failures),
    });
  }
  await tx.done;
}

/**
 * A check that got an answer: the changes since the last snapshot become
 * events and the snapshot moves on, in one transaction. An event whose id is
 * already stored is not written again, so a check repeated after the service
 * worker was killed, or the browser restarted, tells nothing twice.
 * Returns the events that are new.
 */
export async function recordCheck(
  db: CivicThreadDB,
  pageKey: string,
  snapshot: Snapshot,
  now: number,
): Promise<WatchEvent[]> {
  const tx = db.transaction(['follows', 'events'], 'readwrite');
  const follows = tx.objectStore('follows');
  const events = tx.objectStore('events');
  const parsed = Follow.safeParse(await follows.get(pageKey));
  if (!parsed.success) {
    await tx.done;
    return [];
  }
  const follow = parsed.data;
  const changes = follow.snapshot
    ? detectChanges(follow.snapshot, snapshot, { milestones: follow.milestones, now })
    : [];
  const added: WatchEvent[] = [];
  for (const change of changes) {
    const id = `${pageKey}|${change.id}`;
    if (await events.get(id)) continue;
    const event = WatchEvent.parse({
      id,
      pageKey,
      kind: follow.kind,
      pageTitle: follow.title,
      url: follow.url,
      text: change.text,
      link: change.link,
      at: now,
      seen: false,
    });
    await events.put(event);
    added.push(event);
  }
  await follows.put(
    Follow.parse({
      ...follow,
      snapshot,
      lastCheckedAt: now,
      failures: 0,
      nextCheckAt: nextCheckAt(pageKey, now, 0),
    }),
  );
  await tx.done;
  return added;
}

/** Every followed item with its changes, newest first, and how many followed items are unreadable. */
export async function watchlist(db: CivicThreadDB): Promise<{
  items: { follow: Follow; events: WatchEvent[] }[];
  skipped: number;
}> {
  const [follows, events] = await Promise.all([db.getAll('follows'), db.getAll('events')]);
  const valid = events.flatMap((row) => {
    const parsed = WatchEvent.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
  const readable = follows.flatMap((row) => {
    const parsed = Follow.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
  return {
    items: readable
      .sort((a, b) => b.followedAt - a.followedAt)
      .map((follow) => ({
        follow,
        events: valid.filter((e) => e.pageKey === follow.pageKey).sort((a, b) => b.at - a.at),
      })),
    skipped: follows.length - readable.length,
  };
}

export async function unseenCount(db: CivicThreadDB): Promise<number> {
  return (await db.getAll('events')).filter((row) => WatchEvent.safeParse(row).data?.seen === false)
    .length;
}

/** Marks every change seen (the user has looked at the watchlist). */
export async function markAllSeen(db: CivicThreadDB): Promise<void> {
  const tx = db.transaction('events', 'readwrite');
  for (const row of await tx.store.getAll()) {
    if (row.seen === false) await tx.store.put({ ...row, seen: true });
  }
  await tx.done;
}

export async function getEvent(db: CivicThreadDB, id: string): Promise<WatchEvent | null> {
  const parsed = WatchEvent.safeParse(await db.get('events', id));
  return parsed.success ? parsed.data : null;
}
