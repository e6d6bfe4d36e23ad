import { daysUntil, formatDate } from '../dates';
import type { LivePetition } from '../sources/petitions-api';

/**
 * What the panel says about a petition's government response. Only an open petition, or a
 * closed one past the response threshold, can still get one; rejected petitions never do.
 */
export function responseStatus(petition: LivePetition): string | null {
  if (petition.response) {
    return petition.response.respondedOn
      ? `Government responded on ${formatDate(petition.response.respondedOn)}`
      : 'Government responded';
  }
  if (petition.state === 'rejected') return null;
  // An archived petition's Parliament has ended: no response can come any more.
  if (petition.archivedPeriod !== null) return 'No government response';
  if (petition.responseThresholdReached) return 'Awaiting the government’s response';
  if (petition.state === 'closed') return 'No government response: it closed below the threshold';
  return 'No government response yet';
}

/**
 * What the panel says about a debate. A scheduled date that has come counts as debated, as
 * e-petitions' `Petition#evaluate_debate_state` does, until the outcome (with its date) is published.
 */
export function debateStatus(petition: LivePetition, now: number): string | null {
  if (petition.debate?.debatedOn) return `Debated on ${formatDate(petition.debate.debatedOn)}`;
  if (petition.debate) return 'Parliament decided not to debate it';
  const scheduled = petition.scheduledDebateDate;
  if (!scheduled) return null;
  return daysUntil(scheduled, now) > 0
    ? `Debate scheduled for ${formatDate(scheduled)}`
    : `Debated on ${formatDate(scheduled)}; the outcome is not published yet`;
}

/**
 * An open petition's closing date. The JSON gives the deadline; the page gives the dissolution
 * date instead when the petition closes early for it (`Petition#closing_early_for_dissolution?`).
 */
export function closingStatus(petition: LivePetition, pageClosesOn: string | null): string | null {
  if (petition.closingDate === null) return null;
  if (pageClosesOn !== null && pageClosesOn < petition.closingDate) {
    return `${formatDate(pageClosesOn)}, early: Parliament is being dissolved`;
  }
  return formatDate(petition.closingDate);
}

/** The summary for the panel's quote; a response given without one (the page then shows only its details) has none. */
export function responseSummary(petition: LivePetition): string | null {
  const summary = petition.response?.summary ?? '';
  return summary.trim() === '' ? null : summary;
}
