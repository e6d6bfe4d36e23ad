import { z } from '../zod';
import { Target } from './target';

// What sharing with a Hypothesis group keeps (utils/sharing/ does the talking): the account,
// the queue of writes, which notes are in the group, and the group's notes per page.

const Id = z.string().check(z.minLength(1));
const Time = z.number();

export const SharingGroup = z.object({ id: Id, name: z.string() });
export type SharingGroup = z.infer<typeof SharingGroup>;

/**
 * The connected account. The token lives here, in the extension's own IndexedDB, which only
 * the background and extension pages can open: `storage.local` is readable by content scripts
 * too, which run inside the sites' pages. Nothing reads it but the API client (no export,
 * no message answers with it).
 */
export const SharingConnection = z.object({
  token: z.string().check(z.minLength(1)),
  userid: Id,
  displayName: z.nullable(z.string()),
  /** The user's private groups, as the profile listed them when connecting. */
  groups: z.array(SharingGroup),
  /** The group notes are published to and read from; null until the user picks one. */
  groupId: z.nullable(Id),
  connectedAt: Time,
});
export type SharingConnection = z.infer<typeof SharingConnection>;

/** Why the queue stopped: nothing more is sent until the user acts. */
export const StopReason = z.discriminatedUnion('kind', [
  /** 401, or a 404 whose profile says the token is no one's any more: connect again. */
  z.object({ kind: z.literal('token-revoked'), message: z.string() }),
  /** 403, or the group is no longer among the user's: pick a group again. */
  z.object({ kind: z.literal('group-left'), groupId: Id, message: z.string() }),
  /** 400: Hypothesis refused this note, and said why. */
  z.object({ kind: z.literal('refused'), noteId: Id, reason: z.string(), message: z.string() }),
]);
export type StopReason = z.infer<typeof StopReason>;

/** What a POST carried, kept until its answer is had: to find it in the group if that was lost. */
export const SentPost = z.object({
  at: Time,
  uri: z.string(),
  text: z.string(),
  tags: z.array(z.string()),
  exact: z.nullable(z.string()),
});
export type SentPost = z.infer<typeof SentPost>;

/**
 * One note's pending write. A note has at most one job (keyed by its id): a later ask replaces
 * the op, so publish-then-edit is one write and publish-then-delete of an unsent note is none.
 * `put` creates or updates from the note as it is when the job runs.
 */
export const ShareJob = z.object({
  noteId: Id,
  op: z.enum(['put', 'delete']),
  queuedAt: Time,
  /** Bumped by each ask, so a job re-asked while its request was out is not dropped. */
  revision: z.number().check(z.int(), z.nonnegative()),
  attempts: z.number().check(z.int(), z.nonnegative()),
  notBefore: Time,
  sent: z.nullable(SentPost),
  lastError: z.nullable(z.string()),
});
export type ShareJob = z.infer<typeof ShareJob>;

/** A note that is in a group: the group's annotation id, so it is never posted twice. */
export const PublishedNote = z.object({
  noteId: Id,
  annotationId: Id,
  groupId: Id,
  userid: Id,
  publishedAt: Time,
  updatedAt: Time,
});
export type PublishedNote = z.infer<typeof PublishedNote>;

/** One of the group's annotations on a page, read-only. */
export const GroupNote = z.object({
  id: Id,
  user: z.string(),
  displayName: z.nullable(z.string()),
  created: Time,
  updated: Time,
  uri: z.string(),
  title: z.nullable(z.string()),
  text: z.string(),
  tags: z.array(z.string()),
  /** Quote and position, as our notes keep them (Hypothesis's offsets as `textContent`). */
  target: z.nullable(Target),
  /** Written by the connected account (maybe one of this browser's own notes). */
  mine: z.boolean(),
});
export type GroupNote = z.infer<typeof GroupNote>;

/** A page's group notes as last read, for offline and to show their age. */
export const GroupNotesEntry = z.object({
  uri: z.string(),
  groupId: Id,
  fetchedAt: Time,
  notes: z.array(GroupNote),
  /** How many the group has there (more than `notes` when the paging cap was reached). */
  total: z.number().check(z.int(), z.nonnegative()),
});
export type GroupNotesEntry = z.infer<typeof GroupNotesEntry>;

/** The queue's own state: why it stopped, and its recent writes for the throttle (kept over restarts). */
export const ShareQueueState = z.object({
  stopped: z.nullable(StopReason),
  writes: z.array(Time),
  lastError: z.nullable(z.string()),
});
export type ShareQueueState = z.infer<typeof ShareQueueState>;
