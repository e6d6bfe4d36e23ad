import type { Source } from '../sources/request';

/**
 * How long an answer counts as fresh. Signature counts move by the minute;
 * consultation pages and Hansard records change rarely once published.
 */
export const FRESH_FOR_MS: Record<Source, number> = {
  petitions: 5 * 60_000,
  govuk: 60 * 60_000,
  hansard: 24 * 60 * 60_000,
};

export function isFresh(entry: { source: Source; fetchedAt: number }, now: number): boolean {
  const age = now - entry.fetchedAt;
  // A clock that moved backwards makes an entry's age negative: trust it no more than a stale one.
  return age >= 0 && age < FRESH_FOR_MS[entry.source];
}
