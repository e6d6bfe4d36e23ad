import { daysUntil, formatDate } from '../dates';
import { plural } from '../plural';
import type { DraftReminder } from '../respond/reminders';
import type { ConsultationSnapshot, PetitionSnapshot, Snapshot } from '../storage/snapshot';
import type { Change } from '../storage/watch-store';
import { MILESTONES } from './milestones';

function petitionChanges(
  before: PetitionSnapshot,
  after: PetitionSnapshot,
  milestones: number[],
): Change[] {
  const changes: Change[] = [];
  for (const milestone of [...new Set([...MILESTONES, ...milestones])].sort((a, b) => a - b)) {
    if (before.signatureCount < milestone && after.signatureCount >= milestone) {
      changes.push({
        id: `signatures:${milestone}`,
        text: `Reached ${milestone.toLocaleString('en-GB')} signatures`,
        link: null,
      });
    }
  }
  if (!before.responded && after.responded) {
    changes.push({
      id: 'response',
      text: after.respondedOn
        ? `The government responded on ${formatDate(after.respondedOn)}`
        : 'The government responded',
      link: null,
    });
  }
  if (
    after.scheduledDebateDate &&
    after.scheduledDebateDate !== before.scheduledDebateDate &&
    !after.debatedOn
  ) {
    changes.push({
      id: `debate-scheduled:${after.scheduledDebateDate}`,
      text: `A debate is scheduled for ${formatDate(after.scheduledDebateDate)}`,
      link: null,
    });
  }
  if (!before.debatedOn && after.debatedOn) {
    changes.push({
      id: 'debated',
      text: `Parliament debated it on ${formatDate(after.debatedOn)}`,
      link: after.transcriptUrl,
    });
  }
  if (before.state === 'open' && after.state === 'closed') {
    changes.push({ id: 'closed', text: 'The petition closed', link: null });
  }
  if (before.state !== 'rejected' && after.state === 'rejected') {
    changes.push({ id: 'rejected', text: 'The petition was rejected', link: null });
  }
  return changes;
}

/** A closing reminder's word on the user's draft, if they have one. */
function draftLine(draft: DraftReminder | null): string {
  if (!draft) return '';
  return draft.unanswered === 0
    ? ': your draft answers every question'
    : `: your draft has ${plural(draft.unanswered, 'unanswered question', 'unanswered questions')}`;
}

/** "questions 1, 3 and 4" */
function numberList(numbers: string[]): string {
  const last = numbers.at(-1);
  return numbers.length === 1
    ? `question ${last}`
    : `questions ${numbers.slice(0, -1).join(', ')} and ${last}`;
}

function outcomeText(draft: DraftReminder | null): string {
  const text = 'The government published its outcome';
  if (!draft) return text;
  return draft.answeredByOutcome.length
    ? `${text}; it names ${numberList(draft.answeredByOutcome)} of your draft`
    : `${text}; it names none of your draft’s questions by number`;
}

function consultationChanges(
  before: ConsultationSnapshot,
  after: ConsultationSnapshot,
  now: number,
  draft: DraftReminder | null,
): Change[] {
  const changes: Change[] = [];
  if (after.state === 'open' && after.closesOn) {
    const daysLeft = daysUntil(after.closesOn, now);
    const closes = formatDate(after.closesOn);
    if (daysLeft <= 1 && daysLeft >= 0) {
      changes.push({
        id: `closing-1:${after.closesOn}`,
        text: `Closes ${daysLeft === 1 ? 'tomorrow' : 'today'} (${closes})${draftLine(draft)}`,
        link: null,
      });
    } else if (daysLeft <= 7 && daysLeft > 1) {
      changes.push({
        id: `closing-7:${after.closesOn}`,
        text: `Closes in ${daysLeft} days (${closes})${draftLine(draft)}`,
        link: null,
      });
    }
  }
  if (before.state === 'upcoming' && after.state === 'open') {
    changes.push({
      id: 'opened',
      text: after.closesOn
        ? `The consultation opened; it closes on ${formatDate(after.closesOn)}`
        : 'The consultation opened',
      link: null,
    });
  }
  if (before.state === 'open' && after.state === 'closed') {
    changes.push({ id: 'closed', text: 'The consultation closed', link: null });
  }
  if (before.state !== 'withdrawn' && after.state === 'withdrawn') {
    changes.push({
      id: 'withdrawn',
      text: after.withdrawnOn
        ? `The consultation was withdrawn on ${formatDate(after.withdrawnOn)}`
        : 'The consultation was withdrawn',
      link: null,
    });
  }
  if (before.state !== 'outcome' && after.state === 'outcome') {
    changes.push({ id: 'outcome', text: outcomeText(draft), link: null });
  }
  return changes;
}

/**
 * What changed between two checks of a followed item. Pure: the same two
 * snapshots always give the same changes with the same ids. `draft`: the user's response draft
 * for a consultation, which its closing reminders and outcome speak of.
 */
export function detectChanges(
  before: Snapshot,
  after: Snapshot,
  {
    milestones,
    now,
    draft = null,
  }: { milestones: number[]; now: number; draft?: DraftReminder | null },
): Change[] {
  if (before.kind === 'petition' && after.kind === 'petition') {
    return petitionChanges(before, after, milestones);
  }
  if (before.kind === 'consultation' && after.kind === 'consultation') {
    return consultationChanges(before, after, now, draft);
  }
  return [];
}
