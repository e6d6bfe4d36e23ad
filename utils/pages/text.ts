/** Small, pure readers for the text the three sites print. */

/** Collapses runs of white space (including NBSP) the way the page renders them. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** HTML as the API sends it (no DOM in the service worker to parse it), its tags turned to spaces. */
export function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, ' ');
}

/** Text of the first element matching `selector`, or null when absent or blank. */
export function textOf(root: ParentNode, selector: string): string | null {
  const text = cleanText(root.querySelector(selector)?.textContent);
  return text === '' ? null : text;
}

/** "13,168" or "13,168 signatures" → 13168; null when there is no number. */
export function parseCount(text: string | null): number | null {
  const match = text?.match(/\d[\d,]*/);
  if (!match) return null;
  const value = Number(match[0].replace(/,/g, ''));
  return Number.isSafeInteger(value) ? value : null;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Finds "29 September 2021" anywhere in `text` and returns "2021-09-29". */
export function parseLongDate(text: string | null): string | null {
  const match = text?.match(/\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b/);
  if (!match) return null;
  const [, day, monthName, year] = match;
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase());
  if (month < 0) return null;
  return isoDate(Number(year), month + 1, Number(day));
}

/** Keeps the date part of an ISO date or date-time ("2022-03-29T09:00:00+01:00" → "2022-03-29"). */
export function isoDatePart(value: string | null | undefined): string | null {
  const match = value?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!match) return null;
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

const LONDON = /* @__PURE__ */ new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The day GOV.UK prints for a timestamp: the calendar day in London (frontend's `Time.zone`).
 * With `endOfDay`, a time of midnight is the end of the day before, as frontend's
 * `display_date_and_time(rollback_midnight: true)` prints a closing date: 2026-10-31T00:00
 * is "11:59pm on 30 October 2026".
 */
export function londonDate(
  value: string | null | undefined,
  { endOfDay = false }: { endOfDay?: boolean } = {},
): string | null {
  if (!value || !/T\d{2}:\d{2}/.test(value)) return isoDatePart(value);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  const part = (time: number) =>
    Object.fromEntries(LONDON.formatToParts(time).map(({ type, value }) => [type, value]));
  let parts = part(at);
  if (endOfDay && parts.hour === '00' && parts.minute === '00') parts = part(at - 60_000);
  return isoDate(Number(parts.year), Number(parts.month), Number(parts.day));
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Rejects 31 February and the like rather than rolling over.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
