import type { CivicThreadDB } from './db';
import { dropOldest } from './drop-oldest';
import {
  GroupNotesEntry,
  PublishedNote,
  ShareJob,
  ShareQueueState,
  SharingConnection,
} from './sharing-records';

// Records of `settings` other than the user's settings: one name each.
const CONNECTION = 'hypothesis';
const QUEUE_STATE = 'share-queue';

const EMPTY_STATE: ShareQueueState = { stopped: null, writes: [], lastError: null };

/** The connected account, or null (none, or a record that no longer validates). */
export async function getConnection(db: CivicThreadDB): Promise<SharingConnection | null> {
  return SharingConnection.safeParse((await db.get('settings', CONNECTION))?.value).data ?? null;
}

export async function putConnection(
  db: CivicThreadDB,
  connection: SharingConnection,
): Promise<SharingConnection> {
  const value = SharingConnection.parse(connection);
  await db.put('settings', { name: CONNECTION, value });
  return value;
}

export async function getQueueState(db: CivicThreadDB): Promise<ShareQueueState> {
  return (
    ShareQueueState.safeParse((await db.get('settings', QUEUE_STATE))?.value).data ?? EMPTY_STATE
  );
}

/** Changes the queue's state in one transaction. */
export async function updateQueueState(
  db: CivicThreadDB,
  change: (state: ShareQueueState) => ShareQueueState,
): Promise<ShareQueueState> {
  const tx = db.transaction('settings', 'readwrite');
  const current =
    ShareQueueState.safeParse((await tx.store.get(QUEUE_STATE))?.value).data ?? EMPTY_STATE;
  const value = ShareQueueState.parse(change(current));
  await Promise.all([tx.store.put({ name: QUEUE_STATE, value }), tx.done]);
  return value;
}

/**
 * Asks for `op` on each note, in one transaction. A note already queued keeps its place, its
 * `sent` record and its backoff; its op is replaced. Deleting a note that is neither in the
 * group nor maybe posted needs no request, so its job goes.
 */
export async function enqueue(
  db: CivicThreadDB,
  noteIds: string[],
  op: ShareJob['op'],
  now: number,
): Promise<void> {
  const tx = db.transaction(['shareQueue', 'published'], 'readwrite');
  const queue = tx.objectStore('shareQueue');
  for (const noteId of new Set(noteIds)) {
    const existing = ShareJob.safeParse(await queue.get(noteId)).data;
    const published = await tx.objectStore('published').get(noteId);
    if (op === 'delete' && !published && !existing?.sent) {
      if (existing) await queue.delete(noteId);
      continue;
    }
    const job: ShareJob = existing
      ? { ...existing, op, revision: existing.revision + 1 }
      : {
          noteId,
          op,
          queuedAt: now,
          revision: 0,
          attempts: 0,
          notBefore: now,
          sent: null,
          lastError: null,
        };
    await queue.put(ShareJob.parse(job));
  }
  await tx.done;
}

/** Every readable job, oldest ask first. */
export async function listJobs(db: CivicThreadDB): Promise<ShareJob[]> {
  const rows = await db.getAllFromIndex('shareQueue', 'byQueued');
  return rows.flatMap((row) => ShareJob.safeParse(row).data ?? []);
}

/** Writes a job's progress, unless it was re-asked or dropped meanwhile (its revision moved). */
export async function updateJob(db: CivicThreadDB, job: ShareJob): Promise<boolean> {
  const tx = db.transaction('shareQueue', 'readwrite');
  const stored = ShareJob.safeParse(await tx.store.get(job.noteId)).data;
  const same = stored?.revision === job.revision;
  if (same) await tx.store.put(ShareJob.parse(job));
  await tx.done;
  return same;
}

/**
 * Ends a job that is done. A job re-asked while its request was out stays, with what this
 * one learnt (`sent` cleared once the post is known), so the new ask runs after.
 */
export async function finishJob(db: CivicThreadDB, job: ShareJob): Promise<void> {
  const tx = db.transaction('shareQueue', 'readwrite');
  const stored = ShareJob.safeParse(await tx.store.get(job.noteId)).data;
  if (stored?.revision === job.revision) await tx.store.delete(job.noteId);
  else if (stored) await tx.store.put({ ...stored, sent: null, attempts: 0, lastError: null });
  await tx.done;
}

export async function dropJob(db: CivicThreadDB, noteId: string): Promise<void> {
  await db.delete('shareQueue', noteId);
}

export async function getPublished(
  db: CivicThreadDB,
  noteId: string,
): Promise<PublishedNote | null> {
  return PublishedNote.safeParse(await db.get('published', noteId)).data ?? null;
}

/** Which note, if any, a group annotation already stands for. */
export async function publishedAs(
  db: CivicThreadDB,
  annotationId: string,
): Promise<PublishedNote | null> {
  const row = await db.getFromIndex('published', 'byAnnotation', annotationId);
  return PublishedNote.safeParse(row).data ?? null;
}

export async function putPublished(db: CivicThreadDB, record: PublishedNote): Promise<void> {
  await db.put('published', PublishedNote.parse(record));
}

export async function removePublished(db: CivicThreadDB, noteId: string): Promise<void> {
  await db.delete('published', noteId);
}

export async function allPublished(db: CivicThreadDB): Promise<PublishedNote[]> {
  return (await db.getAll('published')).flatMap((row) => PublishedNote.safeParse(row).data ?? []);
}

export async function getGroupNotes(
  db: CivicThreadDB,
  uri: string,
): Promise<GroupNotesEntry | null> {
  return GroupNotesEntry.safeParse(await db.get('groupNotes', uri)).data ?? null;
}

/**
 * The pages whose group notes are kept: one row is read for every supported page visited
 * while a group is chosen, so past this many the least recently read go.
 */
export const MAX_GROUP_NOTE_PAGES = 200;

/**
 * Keeps a page's group notes, and drops the least recently read past the limit, in one
 * transaction; not when their group is no longer the one chosen (a disconnect or another
 * group while they were read), so nothing of it outlives the change.
 */
export async function putGroupNotes(db: CivicThreadDB, entry: GroupNotesEntry): Promise<void> {
  const row = GroupNotesEntry.parse(entry);
  const tx = db.transaction(['settings', 'groupNotes'], 'readwrite');
  const connection = SharingConnection.safeParse(
    (await tx.objectStore('settings').get(CONNECTION))?.value,
  ).data;
  if (connection?.groupId !== row.groupId) return tx.done;
  const store = tx.objectStore('groupNotes');
  await store.put(row);
  await dropOldest(store, { maxRows: MAX_GROUP_NOTE_PAGES, keep: row.uri });
  await tx.done;
}

/**
 * Forgets the account: its token, the queue and its state, and everything read from the group,
 * in one transaction. The published marks stay: they say what this browser put in the group
 * (still there on hypothes.is), so connecting the same account and group again never posts
 * those notes twice.
 */
export async function disconnect(db: CivicThreadDB): Promise<void> {
  const tx = db.transaction(['settings', 'shareQueue', 'groupNotes'], 'readwrite');
  await Promise.all([
    tx.objectStore('settings').delete(CONNECTION),
    tx.objectStore('settings').delete(QUEUE_STATE),
    tx.objectStore('shareQueue').clear(),
    tx.objectStore('groupNotes').clear(),
    tx.done,
  ]);
}

/** The group's notes read so far are another group's once the user picks a new one. */
export async function clearGroupNotes(db: CivicThreadDB): Promise<void> {
  await db.clear('groupNotes');
}
