import { annotationsForPage, getAnnotation } from '../storage/annotation-store';
import type { CivicThreadDB } from '../storage/db';
import { Annotation } from '../storage/records';
import type { GroupNotesEntry, SharingConnection } from '../storage/sharing-records';
import {
  allPublished,
  clearGroupNotes,
  dropJob,
  enqueue,
  disconnect as forget,
  getConnection,
  getGroupNotes,
  getPublished,
  getQueueState,
  listJobs,
  putConnection,
  putGroupNotes,
  updateQueueState,
} from '../storage/sharing-store';
import type { Target } from '../storage/target';
import type { z } from '../zod';
import type { HypothesisApi } from './api';
import { fromGroupAnnotation, isPrivate } from './mapping';
import type {
  ChooseGroupOutcome,
  ConnectOutcome,
  GroupNotesAnswer,
  PublishOutcome,
  PublishSelection,
  SharingAccount,
  SharingStatus,
} from './messages';

// What the protocol's sharing/* messages do in the background, one function each.

export interface SharingDeps {
  db: CivicThreadDB;
  api: (token: string) => HypothesisApi;
  now: () => number;
  /** Whether the optional host permission for the API has been granted. */
  hasAccess: () => Promise<boolean>;
  /**
   * Shares one read of a group's notes on a page, by key, while it runs and never after
   * (`createShared`, utils/view/recent.ts): the view's list and the page's passages ask at once.
   */
  shareRead: ShareRead;
}

/** One read of the group's notes on a page: the entry kept, or why Hypothesis could not be read. */
export type GroupRead = { ok: true; entry: GroupNotesEntry } | { ok: false; error: string };
type ShareRead = (key: string, read: () => Promise<GroupRead>) => Promise<GroupRead>;

const accountOf = ({ token: _, connectedAt: __, ...account }: SharingConnection): SharingAccount =>
  account;

/**
 * Checks a developer token with the profile, reads the user's private groups and keeps them.
 * Reconnecting the same account keeps its chosen group (if still theirs) and restarts a queue
 * stopped for a revoked token.
 */
export async function connect(deps: SharingDeps, token: string): Promise<ConnectOutcome> {
  if (!(await deps.hasAccess())) {
    return {
      status: 'refused',
      reason: 'no-permission',
      message: 'Civic Thread needs your permission to reach api.hypothes.is first.',
    };
  }
  const api = deps.api(token.trim());
  const profile = await api.profile();
  if (!profile.ok) return unreachable(profile.error.message);
  if (profile.data.userid === null) {
    return {
      status: 'refused',
      reason: 'token-invalid',
      message: 'Hypothesis does not accept this token. Copy it again from your developer page.',
    };
  }
  const groups = await api.groups();
  if (!groups.ok) return unreachable(groups.error.message);
  const previous = await getConnection(deps.db);
  const own = groups.data.filter((g) => g.type === 'private').map(({ id, name }) => ({ id, name }));
  const keptGroup =
    previous?.userid === profile.data.userid && own.some((g) => g.id === previous.groupId)
      ? previous.groupId
      : null;
  if (keptGroup !== previous?.groupId) await clearGroupNotes(deps.db);
  const connection = await putConnection(deps.db, {
    token: token.trim(),
    userid: profile.data.userid,
    displayName: profile.data.user_info?.display_name ?? null,
    groups: own,
    groupId: keptGroup,
    connectedAt: deps.now(),
  });
  await updateQueueState(deps.db, (s) =>
    s.stopped?.kind === 'token-revoked' || (s.stopped?.kind === 'group-left' && !keptGroup)
      ? { ...s, stopped: null }
      : s,
  );
  return { status: 'connected', account: accountOf(connection) };
}

const unreachable = (detail: string): ConnectOutcome => ({
  status: 'refused',
  reason: 'unreachable',
  message: `Hypothesis could not be reached: ${detail}`,
});

/** Picks the group to publish to and read from: one of the account's private groups. */
export async function chooseGroup(deps: SharingDeps, groupId: string): Promise<ChooseGroupOutcome> {
  const connection = await getConnection(deps.db);
  if (!connection) return { status: 'refused', message: 'Connect a Hypothesis account first.' };
  if (!connection.groups.some((g) => g.id === groupId))
    return { status: 'refused', message: 'That is not one of your private groups.' };
  if (connection.groupId !== groupId) await clearGroupNotes(deps.db);
  const saved = await putConnection(deps.db, { ...connection, groupId });
  await updateQueueState(deps.db, (s) =>
    s.stopped?.kind === 'group-left' ? { ...s, stopped: null } : s,
  );
  return { status: 'chosen', account: accountOf(saved) };
}

export async function disconnect(deps: SharingDeps): Promise<void> {
  await forget(deps.db);
}

async function notesFor(db: CivicThreadDB, selection: PublishSelection): Promise<Annotation[]> {
  if ('noteIds' in selection) {
    const notes = await Promise.all(selection.noteIds.map((id) => getAnnotation(db, id)));
    return notes.filter((n): n is Annotation => n !== null);
  }
  if ('pageKey' in selection) return (await annotationsForPage(db, selection.pageKey)).annotations;
  const rows = await db.getAllFromIndex('annotations', 'byTag', selection.tag);
  return rows.flatMap((row) => Annotation.safeParse(row).data ?? []);
}

/**
 * Queues the chosen notes for the group. Notes tagged private are left out and named, so the
 * UI can say so; nothing is sent here (the queue sends).
 */
export async function publish(
  deps: SharingDeps,
  selection: PublishSelection,
): Promise<PublishOutcome> {
  const connection = await getConnection(deps.db);
  if (!connection?.groupId) {
    return {
      status: 'not-connected',
      message: 'Connect a Hypothesis account and choose a group first.',
    };
  }
  const notes = await notesFor(deps.db, selection);
  const queued = notes.filter((n) => !isPrivate(n)).map((n) => n.id);
  await enqueue(deps.db, queued, 'put', deps.now());
  return { status: 'queued', queued, privateIds: notes.filter(isPrivate).map((n) => n.id) };
}

/** Takes notes out of the group (the local notes stay). */
export async function unpublish(deps: SharingDeps, noteIds: string[]): Promise<void> {
  await enqueue(deps.db, noteIds, 'delete', deps.now());
}

/**
 * After local edits and deletes: a published note's change follows it to the group (an edit
 * that tags it private takes it out). Notes never published are not touched.
 */
export async function followLocalChanges(
  db: CivicThreadDB,
  changed: { id: string; deleted: boolean }[],
  now: number,
): Promise<void> {
  for (const { id, deleted } of changed) {
    if (await getPublished(db, id)) await enqueue(db, [id], deleted ? 'delete' : 'put', now);
  }
}

/** Restarts a stopped queue; `skip` drops the refused note's job (the note itself stays). */
export async function resume(deps: SharingDeps, skip: boolean): Promise<void> {
  const { stopped } = await getQueueState(deps.db);
  if (skip && stopped?.kind === 'refused') await dropJob(deps.db, stopped.noteId);
  await updateQueueState(deps.db, (s) => ({ ...s, stopped: null }));
}

export async function status(deps: SharingDeps): Promise<SharingStatus> {
  const [connection, state, jobs, published] = await Promise.all([
    getConnection(deps.db),
    getQueueState(deps.db),
    listJobs(deps.db),
    allPublished(deps.db),
  ]);
  return {
    account: connection ? accountOf(connection) : null,
    permission: await deps.hasAccess(),
    stopped: state.stopped,
    lastError: state.lastError,
    jobs: jobs.map(({ noteId, op, attempts, notBefore, lastError }) => ({
      noteId,
      op,
      attempts,
      notBefore,
      lastError,
    })),
    published: published
      .filter((p) => p.userid === connection?.userid && p.groupId === connection?.groupId)
      .map(({ noteId, annotationId, publishedAt, updatedAt }) => ({
        noteId,
        annotationId,
        publishedAt,
        updatedAt,
      })),
  };
}

/** A page's group notes are read again when older than this, or when the user asks. */
const GROUP_NOTES_FRESH_MS = 5 * 60_000;
/** Pages of 200, up to this many annotations on one page. */
const PAGE_SIZE = 200;
const MAX_NOTES = 1_000;

/**
 * The group's annotations on a page (replies left out), oldest first, read page by page with
 * `search_after`; kept for offline with their age. When Hypothesis cannot be reached, the
 * kept ones come with the reason.
 */
export async function groupNotes(
  deps: SharingDeps,
  uri: string,
  refresh: boolean,
): Promise<z.infer<typeof GroupNotesAnswer>> {
  const connection = await getConnection(deps.db);
  if (!connection?.groupId) return { entry: null, error: null };
  const groupId = connection.groupId;
  const cachedRow = await getGroupNotes(deps.db, uri);
  const cached = cachedRow?.groupId === groupId ? cachedRow : null;
  if (cached && !refresh && deps.now() - cached.fetchedAt < GROUP_NOTES_FRESH_MS)
    return { entry: cached, error: null };
  const read = await deps.shareRead(`${groupId} ${uri}`, () =>
    readGroupNotes(deps, connection, groupId, uri),
  );
  return read.ok ? { entry: read.entry, error: null } : { entry: cached, error: read.error };
}

/** Reads the group's notes on a page from Hypothesis, page by page, and keeps them. */
async function readGroupNotes(
  deps: SharingDeps,
  connection: SharingConnection,
  groupId: string,
  uri: string,
): Promise<GroupRead> {
  const api = deps.api(connection.token);
  const rows = [];
  let total = 0;
  let after: string | undefined;
  do {
    const page = await api.search({ uri, group: groupId, limit: PAGE_SIZE, searchAfter: after });
    if (!page.ok) return { ok: false, error: page.error.message };
    rows.push(...page.data.rows);
    total = page.data.total;
    after = page.data.rows.at(-1)?.created;
    if (page.data.rows.length < PAGE_SIZE) break;
  } while (rows.length < Math.min(total, MAX_NOTES));
  const entry: GroupNotesEntry = {
    uri,
    groupId,
    fetchedAt: deps.now(),
    notes: rows
      .filter((row) => !row.references?.length)
      .map((row) => fromGroupAnnotation(row, connection.userid)),
    total,
  };
  await putGroupNotes(deps.db, entry);
  return { ok: true, entry };
}

/** Whether the user shares with a group: only then does the page ask for its passages. */
export async function sharesWithGroup(db: CivicThreadDB): Promise<boolean> {
  return Boolean((await getConnection(db))?.groupId);
}

/** What the page paints of the group's notes: others' passages, from the cache when fresh. */
export async function pagePassages(
  deps: SharingDeps,
  uri: string,
): Promise<{ passages: { id: string; target: Target }[] }> {
  const { entry } = await groupNotes(deps, uri, false);
  return {
    passages: (entry?.notes ?? []).flatMap((note) =>
      !note.mine && note.target ? [{ id: note.id, target: note.target }] : [],
    ),
  };
}
