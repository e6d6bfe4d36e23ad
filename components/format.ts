import type { ConsultationState, PageKind } from '../utils/pages/context';

export { formatDate } from '../utils/dates';
export { formatCount } from '../utils/format';

export const KIND_LABEL: Record<PageKind, string> = {
  petition: 'Petition',
  consultation: 'Consultation',
  debate: 'Hansard debate',
};

export const KIND_PLURAL: Record<PageKind, string> = {
  petition: 'Petitions',
  consultation: 'Consultations',
  debate: 'Hansard debates',
};

export const CONSULTATION_STATE_LABEL: Record<ConsultationState, string> = {
  upcoming: 'Not yet open',
  open: 'Open',
  closed: 'Closed, awaiting outcome',
  outcome: 'Outcome published',
  withdrawn: 'Withdrawn',
};

// Marked pure so a bundle that never formats a time (the content script) drops them.
const TIME = /* @__PURE__ */ new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
});
const DAY_TIME = /* @__PURE__ */ new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "14:02" today, "21 November 2026 at 14:02" on another day. */
export function formatAsOf(fetchedAt: number, now: number = Date.now()): string {
  const sameDay = new Date(fetchedAt).toDateString() === new Date(now).toDateString();
  return sameDay ? TIME.format(fetchedAt) : DAY_TIME.format(fetchedAt);
}
