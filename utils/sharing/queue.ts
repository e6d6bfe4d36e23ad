import { passageFromHypothesis } from '../library/hypothesis';
import { backoffDelay } from '../net/retry-policy';
import type { SourceError } from '../net/source-error';
import { getAnnotation } from '../storage/annotation-store';
import type { CivicThreadDB } from '../storage/db';
import type { SentPost, ShareJob, SharingConnection, StopReason } from '../storage/sharing-records';
import {
  finishJob,
  getConnection,
  getPublished,
  getQueueState,
  listJobs,
  publishedAs,
  putPublished,
  removePublished,
  updateJob,
  updateQueueState,
} from '../storage/sharing-store';
import { type ApiAnnotation, apiTime, type HypothesisApi, reasonOf } from './api';
import { toGroupAnnotation } from './mapping';

/** Hypothesis is a shared service: at most this many writes in any minute. */
export const WRITES_PER_MINUTE = 20;
const MINUTE = 60_000;
/** Waits after a network error, 5xx or a 429 without Retry-After: 2 s, 4 s… up to 10 minutes. */
const QUEUE_BACKOFF = { baseDelayMs: 2_000, maxDelayMs: 600_000 };
/** A lost post is looked for among the user's annotations made from this long before it was sent. */
const CLOCK_SKEW_MS = 5 * MINUTE;

export interface QueueDeps {
  db: CivicThreadDB;
  api: (token: string) => HypothesisApi;
  now: () => number;
  random: () => number;
  /** Told after each job is done, so the views showing the queue read it again. */
  changed: () => void;
}

export type QueueRun =
  | { status: 'idle' }
  /** Not connected, or no group chosen: the jobs wait. */
  | { status: 'not-connected' }
  | { status: 'waiting'; until: number }
  | { status: 'stopped'; reason: StopReason };

type Outcome =
  | { kind: 'done'; sentWrites: number; note?: string }
  | { kind: 'retry'; sentWrites: number; error: SourceError }
  | { kind: 'stop'; sentWrites: number; reason: StopReason };

/**
 * Runs the queue until it is empty, has to wait (backoff, Retry-After, the throttle) or stops.
 * Each job is read from the database and written back after each step, so a worker stopped at
 * any point resumes where it was: a post whose answer never came is looked for in the group
 * before it is posted again.
 */
export async function runQueue(deps: QueueDeps): Promise<QueueRun> {
  const { db } = deps;
  for (;;) {
    const state = await getQueueState(db);
    if (state.stopped) return { status: 'stopped', reason: state.stopped };
    const connection = await getConnection(db);
    if (!connection?.groupId) return { status: 'not-connected' };
    const [job] = await listJobs(db);
    if (!job) return { status: 'idle' };
    const now = deps.now();
    const recent = state.writes.filter((at) => at > now - MINUTE);
    if (recent.length >= WRITES_PER_MINUTE) {
      return { status: 'waiting', until: (recent[0] ?? now) + MINUTE };
    }
    if (job.notBefore > now) return { status: 'waiting', until: job.notBefore };
    const outcome = await runJob(deps, job, connection, connection.groupId);
    const at = deps.now();
    const written = Array.from({ length: outcome.sentWrites }, () => at);
    if (outcome.kind === 'done') {
      await finishJob(db, { ...(await current(db, job)), sent: null });
      await updateQueueState(db, (s) => ({
        ...s,
        writes: [...s.writes.filter((w) => w > at - MINUTE), ...written],
        lastError: outcome.note ?? null,
      }));
      deps.changed();
      continue;
    }
    if (outcome.kind === 'stop') {
      await updateQueueState(db, (s) => ({
        stopped: outcome.reason,
        writes: [...s.writes.filter((w) => w > at - MINUTE), ...written],
        lastError: outcome.reason.message,
      }));
      return { status: 'stopped', reason: outcome.reason };
    }
    const latest = await current(db, job);
    const attempts = latest.attempts + 1;
    const wait = outcome.error.retryAfterMs ?? backoffDelay(attempts, deps.random, QUEUE_BACKOFF);
    const until = at + wait;
    await updateJob(db, {
      ...latest,
      attempts,
      notBefore: until,
      lastError: outcome.error.message,
    });
    await updateQueueState(db, (s) => ({
      ...s,
      writes: [...s.writes.filter((w) => w > at - MINUTE), ...written],
      lastError: outcome.error.message,
    }));
    return { status: 'waiting', until };
  }
}

/** The job as stored now (its `sent` may have been written during the run). */
async function current(db: CivicThreadDB, job: ShareJob): Promise<ShareJob> {
  return (
    (await listJobs(db)).find((j) => j.noteId === job.noteId && j.revision === job.revision) ?? job
  );
}

async function runJob(
  deps: QueueDeps,
  job: ShareJob,
  connection: SharingConnection,
  groupId: string,
): Promise<Outcome> {
  const { db } = deps;
  const api = deps.api(connection.token);
  const note = await getAnnotation(db, job.noteId);
  const mapped = note ? toGroupAnnotation(note, groupId) : null;
  // A note deleted here, or tagged private since, leaves the group.
  const op = job.op === 'put' && mapped?.ok ? 'put' : 'delete';
  const stored = await getPublished(db, job.noteId);
  // A mark from another group (or account) is not this group's copy.
  let published =
    stored && stored.groupId === groupId && stored.userid === connection.userid ? stored : null;
  let writes = 0;
  const failed = async (error: SourceError): Promise<Outcome> => {
    const verdict = await judge(api, error, job.noteId, groupId);
    return verdict.kind === 'missing'
      ? { kind: 'done', sentWrites: writes, note: verdict.note }
      : { ...verdict, sentWrites: writes };
  };

  if (!published && job.sent) {
    const found = await findLostPost(deps, api, connection, groupId, job.sent);
    if (!found.ok) return { kind: 'retry', sentWrites: writes, error: found.error };
    if (found.annotation) {
      published = {
        noteId: job.noteId,
        annotationId: found.annotation.id,
        groupId,
        userid: connection.userid,
        publishedAt: apiTime(found.annotation.created),
        updatedAt: apiTime(found.annotation.updated),
      };
      await putPublished(db, published);
    }
    await updateJob(db, { ...job, sent: null });
  }

  if (op === 'delete') {
    if (!published) return { kind: 'done', sentWrites: 0 };
    writes++;
    const removed = await api.remove(published.annotationId);
    if (!removed.ok) {
      // Gone already (a 404 while the token and group hold) is what was asked.
      const verdict = await failed(removed.error);
      if (verdict.kind !== 'done') return verdict;
    }
    await removePublished(db, job.noteId);
    return { kind: 'done', sentWrites: writes };
  }

  if (!mapped?.ok) return { kind: 'done', sentWrites: 0 };
  const { annotation } = mapped;
  if (published) {
    writes++;
    const { group: _, ...change } = annotation;
    const updated = await api.update(published.annotationId, change);
    if (!updated.ok) {
      const verdict = await failed(updated.error);
      // Deleted on hypothes.is: not re-posted behind the user's back, no longer marked.
      if (verdict.kind === 'done') await removePublished(db, job.noteId);
      return verdict;
    }
    await putPublished(db, { ...published, updatedAt: apiTime(updated.data.updated) });
    return { kind: 'done', sentWrites: writes };
  }

  // Said before it is sent: if the answer is lost, the next run looks for this post first.
  const sent: SentPost = {
    at: deps.now(),
    uri: annotation.uri,
    text: annotation.text,
    tags: annotation.tags,
    exact: note?.target?.quote.exact ?? null,
  };
  const marked = { ...job, sent };
  await updateJob(db, marked);
  writes++;
  const created = await api.create(annotation);
  if (!created.ok) {
    // An answer that is not a 2xx created nothing; a lost one may have: `sent` stays for that.
    if (created.error.status !== undefined) await updateJob(db, { ...marked, sent: null });
    return failed(created.error);
  }
  await putPublished(db, {
    noteId: job.noteId,
    annotationId: created.data.id,
    groupId,
    userid: connection.userid,
    publishedAt: apiTime(created.data.created),
    updatedAt: apiTime(created.data.updated),
  });
  return { kind: 'done', sentWrites: writes };
}

/**
 * The user's annotation this post made, if it was made: on the same page, with the same text,
 * tags and quote, dated from just before it was sent, and not already another note's.
 */
async function findLostPost(
  deps: QueueDeps,
  api: HypothesisApi,
  connection: SharingConnection,
  groupId: string,
  sent: SentPost,
): Promise<{ ok: true; annotation: ApiAnnotation | null } | { ok: false; error: SourceError }> {
  const answer = await api.search({
    uri: sent.uri,
    group: groupId,
    user: connection.userid,
    limit: 200,
  });
  if (!answer.ok) return answer;
  for (const row of answer.data.rows) {
    const passage = passageFromHypothesis(row.target[0]?.selector ?? []).passage;
    const same =
      row.text === sent.text &&
      row.tags.join('\n') === sent.tags.join('\n') &&
      (passage?.quote.exact ?? null) === sent.exact &&
      apiTime(row.created) >= sent.at - CLOCK_SKEW_MS;
    if (same && !(await publishedAs(deps.db, row.id))) return { ok: true, annotation: row };
  }
  return { ok: true, annotation: null };
}

type Verdict =
  | { kind: 'retry'; error: SourceError }
  | { kind: 'stop'; reason: StopReason }
  /** The annotation is gone from the group, while the token and the group hold. */
  | { kind: 'missing'; note: string };

const REVOKED: StopReason = {
  kind: 'token-revoked',
  message: 'Hypothesis no longer accepts the API token. Connect again with a new one.',
};
const groupLeft = (groupId: string): StopReason => ({
  kind: 'group-left',
  groupId,
  message: 'This account is no longer in the group. Choose another group, or join it again.',
});

/**
 * What a failed request means. v1 of the API answers 404 rather than 403 for what a token may
 * not touch, and an unknown or revoked token is just no one (h's BearerTokenPolicy), so a 404
 * is told apart by asking the profile whose token it is and which groups it is in.
 */
async function judge(
  api: HypothesisApi,
  error: SourceError,
  noteId: string,
  groupId: string,
): Promise<Verdict> {
  const status = error.status;
  if (status === undefined || status === 429 || status >= 500) return { kind: 'retry', error };
  if (status === 401) return { kind: 'stop', reason: REVOKED };
  if (status === 403) return { kind: 'stop', reason: groupLeft(groupId) };
  const reason = reasonOf(error) ?? error.message;
  // h/services/annotation_write.py: a group the user may not write to, or one that is gone.
  if (status === 400 && reason.startsWith('group:'))
    return { kind: 'stop', reason: groupLeft(groupId) };
  if (status === 404) {
    const profile = await api.profile();
    if (!profile.ok) return { kind: 'retry', error: profile.error };
    if (profile.data.userid === null) return { kind: 'stop', reason: REVOKED };
    if (!profile.data.groups.some((g) => g.id === groupId))
      return { kind: 'stop', reason: groupLeft(groupId) };
    return {
      kind: 'missing',
      note: 'A published note had been deleted on Hypothesis; it is no longer marked published.',
    };
  }
  return {
    kind: 'stop',
    reason: {
      kind: 'refused',
      noteId,
      reason,
      message: `Hypothesis refused this note: ${reason}`,
    },
  };
}
