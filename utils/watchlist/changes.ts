import { daysUntil, formatDate } from '../dates';
import type { ConsultationSnapshot, PetitionSnapshot, Snapshot } from '../storage/snapshot';
import { MILESTONES } from './milestones';

/** One change worth telling the user about. `id` is stable, so the same change is never told twice. */
export interface Change {
  id: string;
  text: string;
  /** Where to read about it, when that is not the page itself (a debate transcript). */
  link: string | null;
}

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

function consultationChanges(
  before: ConsultationSnapshot,
  after: ConsultationSnapshot,
  now: number,
): Change[] {
  const changes: Change[] = [];
  if (after.state === 'open' && after.closesOn) {
    const daysLeft = daysUntil(after.closesOn, now);
    const closes = formatDate(after.closesOn);
    if (daysLeft <= 1 && daysLeft >= 0) {
      changes.push({
        id: `closing-1:${after.closesOn}`,
        text: `Closes ${daysLeft === 1 ? 'tomorrow' : 'today'} (${closes})`,
        link: null,
      });
    } else if (daysLeft <= 7 && daysLeft > 1) {
      changes.push({
        id: `closing-7:${after.closesOn}`,
        text: `Closes in ${daysLeft} days (${closes})`,
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
    changes.push({ id: 'outcome', text: 'The government published its outcome', link: null });
  }
  return changes;
}

/**
 * What changed between two checks of a followed item. Pure: the same two
 * snapshots always give the same changes with the same ids.
 */
export function detectChanges(
  before: Snapshot,
  after: Snapshot,
  { milestones, now }: { milestones: number[]; now: number },
): Change[] {
  if (before.kind === 'petition' && after.kind === 'petition') {
    return petitionChanges(before, after, milestones);
  }
  if (before.kind === 'consultation' && after.kind === 'consultation') {
    return consultationChanges(before, after, now);
  }
  return [];
}
