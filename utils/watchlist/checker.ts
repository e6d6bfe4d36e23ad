import type { LiveAnswer, LiveRequest } from '../live/live-fetcher';
import type { PageContext } from '../pages/context';
import { detectHref } from '../pages/registry';
import { type ConsultationContentItem, toLiveConsultation } from '../sources/govuk-content-api';
import { pageRecord } from '../sources/page-record';
import { type PetitionDocument, toLivePetition } from '../sources/petitions-api';
import type { CivicThreadDB } from '../storage/db';
import type { Follow, WatchEvent } from '../storage/records';
import type { Snapshot } from '../storage/snapshot';
import {
  dueFollows,
  getFollow,
  putFollow,
  recordCheck,
  recordFailedCheck,
} from '../storage/watch-store';
import { CHECKS_PER_ALARM, nextCheckAt } from './schedule';
import { consultationSnapshot, petitionSnapshot } from './take-snapshot';

type Get = <T>(request: LiveRequest<T>) => Promise<LiveAnswer<T>>;

/**
 * The item's state at its site now, or null when the site did not answer
 * with fresh data: an old cached answer must never pass for a change.
 */
async function fetchSnapshot(href: string, get: Get, force: boolean): Promise<Snapshot | null> {
  const found = detectHref(href);
  if (!found) return null;
  const record = pageRecord(found.url, found.page);
  const fresh = <T>(answer: LiveAnswer<T>) =>
    answer.data !== null && !answer.error && !answer.stale ? answer.data : null;
  switch (record.kind) {
    case 'petition': {
      const document = fresh(await get<PetitionDocument>({ ...record.request, force }));
      return document ? petitionSnapshot(toLivePetition(document)) : null;
    }
    case 'consultation': {
      const item = fresh(await get<ConsultationContentItem>({ ...record.request, force }));
      return item ? consultationSnapshot(toLiveConsultation(item)) : null;
    }
    case 'debate':
      return null;
  }
}

/** Starts following a page; what its site says now is the baseline later checks compare with. */
export async function followPage(
  db: CivicThreadDB,
  get: Get,
  context: Extract<PageContext, { kind: 'petition' | 'consultation' }>,
  now: number,
): Promise<Follow> {
  const existing = await getFollow(db, context.key);
  if (existing) return existing;
  return putFollow(db, {
    pageKey: context.key,
    kind: context.kind,
    url: context.url,
    title: context.title,
    followedAt: now,
    milestones: [],
    snapshot: await fetchSnapshot(context.url, get, false),
    lastCheckedAt: null,
    nextCheckAt: nextCheckAt(context.key, now, 0),
    failures: 0,
  });
}

/** Checks the items that are due (a few per run, one after another); returns the new events. */
export async function runDueChecks(
  db: CivicThreadDB,
  get: Get,
  now: () => number,
): Promise<WatchEvent[]> {
  const added: WatchEvent[] = [];
  for (const follow of await dueFollows(db, now(), CHECKS_PER_ALARM)) {
    const snapshot = await fetchSnapshot(follow.url, get, true);
    if (snapshot) added.push(...(await recordCheck(db, follow.pageKey, snapshot, now())));
    else await recordFailedCheck(db, follow.pageKey, now());
  }
  return added;
}
