import type { LiveAnswer } from '../live/live-fetcher';
import type { PageContext } from '../pages/context';
import { detectHref } from '../pages/registry';
import { type DraftReminder, draftReminder } from '../respond/reminders';
import { type ConsultationContentItem, toLiveConsultation } from '../sources/govuk-content-api';
import { pageRecord } from '../sources/page-record';
import { type PetitionDocument, toLivePetition } from '../sources/petitions-api';
import type { LiveRequest } from '../sources/request';
import type { CivicThreadDB } from '../storage/db';
import type { Follow, WatchEvent } from '../storage/records';
import { getDraft } from '../storage/response-store';
import type { Snapshot } from '../storage/snapshot';
import {
  type CheckRules,
  dueFollows,
  getFollow,
  putFollow,
  recordCheck,
  recordFailedCheck,
} from '../storage/watch-store';
import { detectChanges } from './changes';
import { CHECKS_PER_ALARM, nextCheckAt } from './schedule';
import { consultationSnapshot, petitionSnapshot } from './take-snapshot';

type Get = <T>(request: LiveRequest<T>) => Promise<LiveAnswer<T>>;

/**
 * The item's state at its site now (and a consultation's outcome text, which reminders about the
 * user's draft read), or null when the site did not answer with fresh data: an old cached answer
 * must never pass for a change.
 */
async function fetchCheck(
  href: string,
  get: Get,
  force: boolean,
): Promise<{ snapshot: Snapshot; outcome: string | null } | null> {
  const found = detectHref(href);
  if (!found) return null;
  const record = pageRecord(found.url, found.page);
  const fresh = <T>(answer: LiveAnswer<T>) =>
    answer.data !== null && !answer.error && !answer.stale ? answer.data : null;
  switch (record.kind) {
    case 'petition': {
      const document = fresh(await get<PetitionDocument>({ ...record.request, force }));
      return document
        ? { snapshot: petitionSnapshot(toLivePetition(document)), outcome: null }
        : null;
    }
    case 'consultation': {
      const item = fresh(await get<ConsultationContentItem>({ ...record.request, force }));
      return item
        ? {
            snapshot: consultationSnapshot(toLiveConsultation(item)),
            outcome: item.details.final_outcome_detail ?? null,
          }
        : null;
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
    snapshot: (await fetchCheck(context.url, get, false))?.snapshot ?? null,
    lastCheckedAt: null,
    nextCheckAt: nextCheckAt(context.key, now, 0),
    failures: 0,
  });
}

/** The rules of a check; `draft`: what the user's response draft for the item says in reminders. */
export const checkRules = (draft: DraftReminder | null): CheckRules => ({
  nextCheckAt,
  // The first good answer after following is the baseline: nothing has changed yet.
  changes: (follow, snapshot, now) =>
    follow.snapshot
      ? detectChanges(follow.snapshot, snapshot, { milestones: follow.milestones, now, draft })
      : [],
});
export const CHECK_RULES = checkRules(null);

/** Checks the items that are due (a few per run, one after another); returns the new events. */
export async function runDueChecks(
  db: CivicThreadDB,
  get: Get,
  now: () => number,
): Promise<WatchEvent[]> {
  const added: WatchEvent[] = [];
  for (const follow of await dueFollows(db, now(), CHECKS_PER_ALARM)) {
    const checked = await fetchCheck(follow.url, get, true);
    if (checked) {
      // A followed consultation with a draft: its reminders count the unanswered questions.
      const draft = follow.kind === 'consultation' ? await getDraft(db, follow.pageKey) : null;
      const rules = checkRules(draft && draftReminder(draft, checked.outcome));
      added.push(...(await recordCheck(db, rules, follow.pageKey, checked.snapshot, now())));
    } else await recordFailedCheck(db, CHECK_RULES, follow.pageKey, now());
  }
  return added;
}
