import type { PageKind } from '../../utils/pages/context';

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2021-09-29" → "29 September 2021", the way the sites print dates. */
export function formatDate(isoDate: string): string {
  return LONG_DATE.format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-GB');
}

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
