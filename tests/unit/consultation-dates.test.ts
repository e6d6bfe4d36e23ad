// Every GOV.UK consultation fixture must be what GOV.UK served on the fixtures' capture day
// (CAPTURED_ON: a fixed day, so the test gives the same answer on any later day). Whitehall derives
// the document type from the dates (alphagov/whitehall @ 06ae02d8 app/models/consultation.rb
// `display_type_key`, with `open?`/`closed?` from
// app/models/concerns/edition/has_opening_and_closing_dates.rb) and republishes the item at its
// opening and its closing (`schedule_republishing_jobs`), so an item whose dates have moved on
// is not one GOV.UK serves. Its times are London times (`config.govuk_time_zone = "London"`),
// written with the offset in force on that date.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsultationContentItem } from '../../utils/sources/govuk-content-api';
import { z } from '../../utils/zod';
import { API_ROOT } from '../fixture-site/api';

const FIXTURES = join(API_ROOT, 'www.gov.uk', 'api', 'content', 'government', 'consultations');
const REAL = resolve(process.cwd(), '../shared/real/govuk/content-items/current');

const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name));
const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const realItems = jsonFiles(REAL).map((file) => JSON.stringify(read(file)));
/** `[name, path]` rows for `it.each`. */
const named = (files: string[]) => files.map((file) => [file.slice(FIXTURES.length + 1), file]);

/** What the change-history check reads (Whitehall's `PayloadBuilder::ChangeHistory`). */
const Changes = z.object({
  public_updated_at: z.string(),
  details: z.object({ change_history: z.array(z.object({ public_timestamp: z.string() })) }),
});

/** The phase Whitehall gives an item at `now` (an outcome needs a closed consultation). */
function expectedPhases(opening: string, closing: string, now: number): string[] {
  if (Date.parse(closing) < now) return ['closed_consultation', 'consultation_outcome'];
  if (Date.parse(opening) <= now) return ['open_consultation'];
  return ['consultation'];
}

const OFFSET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([+-]\d{2}:\d{2})$/;
const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  timeZoneName: 'longOffset',
});

/** The UK's UTC offset at an instant, as `+00:00` or `+01:00`. */
function londonOffset(instant: number): string {
  const name = LONDON.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value;
  return name === 'GMT' ? '+00:00' : (name ?? '').replace('GMT', '');
}

/**
 * Fields Whitehall fills from a `date` column with Ruby's `Date#rfc3339`, which writes midnight
 * UTC whatever the season: a government's `started_on`/`ended_on` (app/presenters/publishing_api/
 * government_presenter.rb) and `public_feedback_publication_date` (consultation_presenter.rb).
 */
const DATE_FIELDS = new Set(['started_on', 'ended_on', 'public_feedback_publication_date']);

/** Every timestamp with a numeric offset, anywhere in the item, with its JSON path. */
function offsetTimes(value: unknown, path = ''): { path: string; time: string }[] {
  if (typeof value === 'string') return OFFSET_TIME.test(value) ? [{ path, time: value }] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => offsetTimes(inner, `${path}.${key}`));
}

/** The offset a time must carry: London's on its date, or UTC for a plain date. */
const expectedOffset = (path: string, time: string) =>
  DATE_FIELDS.has(path.split('.').pop() ?? '') ? '+00:00' : londonOffset(Date.parse(time));

/** The day the fixture site stands for (tests/fixtures/PAGES.md, "Phases and dates"). */
const CAPTURED_ON = Date.parse('2026-12-01T12:00:00Z');

describe('GOV.UK consultation fixtures agree with their capture day', () => {
  const now = CAPTURED_ON;
  it('knows when the UK clocks change', () => {
    expect(londonOffset(Date.parse('2026-10-25T00:59:59Z'))).toBe('+01:00');
    expect(londonOffset(Date.parse('2026-10-25T01:00:00Z'))).toBe('+00:00');
    expect(londonOffset(Date.parse('2027-03-28T00:59:59Z'))).toBe('+00:00');
    expect(londonOffset(Date.parse('2027-03-28T01:00:00Z'))).toBe('+01:00');
  });

  it.each(
    named(jsonFiles(FIXTURES)),
  )('%s: its document type is its phase on the capture day', (_name, file) => {
    const item = ConsultationContentItem.parse(read(file));
    const { opening_date: opening, closing_date: closing } = item.details;
    expect(opening, 'opening_date').toBeTypeOf('string');
    expect(closing, 'closing_date').toBeTypeOf('string');
    expect(expectedPhases(opening ?? '', closing ?? '', now)).toContain(item.document_type);
  });

  // The publishing-api's example items are served verbatim (see API.md) and keep their own
  // hand-written offsets (`2016-10-31T17:00:00+01:00`, a day after the clocks went back);
  // any other file is ours, and follows the platform.
  const ours = jsonFiles(FIXTURES).filter(
    (file) => !realItems.includes(JSON.stringify(read(file))),
  );
  it.each(named(ours))('%s: every time carries the UK offset of its date', (_name, file) => {
    const wrong = offsetTimes(read(file))
      .filter(({ path, time }) => expectedOffset(path, time) !== OFFSET_TIME.exec(time)?.[1])
      .map(({ path, time }) => `${path} ${time} (should be ${expectedOffset(path, time)})`);
    expect(wrong).toEqual([]);
  });

  // `public_updated_at` is the edition's `public_timestamp` (consultation_presenter.rb), which
  // publishing sets (app/models/edition.rb `set_public_timestamp`: `first_public_at`, then each
  // major change) and the republish at opening or closing leaves alone: it is the newest
  // change-history entry, not the closing time.
  it.each(
    named(ours),
  )('%s: public_updated_at is its latest change, not its closing', (_name, file) => {
    const item = Changes.parse(read(file));
    const changes = item.details.change_history.map((c) => Date.parse(c.public_timestamp));
    expect(new Date(item.public_updated_at).toISOString()).toBe(
      new Date(Math.max(...changes)).toISOString(),
    );
  });
});
