/** Dates the way the sites print them, and day counts to a date; shared by the panel and the watchlist. */

// Made on first use: building it cost a content script ~20 ms of its start (`npm run bench`),
// and the page formats a date only in a link card.
let longDate: Intl.DateTimeFormat | undefined;

/** "2021-09-29" → "29 September 2021". */
export function formatDate(isoDate: string): string {
  longDate ??= new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return longDate.format(new Date(`${isoDate}T00:00:00Z`));
}

/** A date as the sites print it when it is an ISO day, or as it was written otherwise. */
export const dateText = (date: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDate(date) : date;

/** Whole days from today (UTC) to an ISO date: 0 on the day itself, negative once it has passed. */
export function daysUntil(isoDate: string, now: number): number {
  const today = Date.parse(new Date(now).toISOString().slice(0, 10));
  return Math.round((Date.parse(isoDate) - today) / 86_400_000);
}
