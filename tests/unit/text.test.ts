import { describe, expect, it } from 'vitest';
import {
  cleanText,
  isoDatePart,
  londonDate,
  parseCount,
  parseLongDate,
} from '../../utils/pages/text';

describe('text readers', () => {
  it.each([
    ['13,168 signatures', 13168],
    ['1 signature', 1],
    ['  2,345,678 ', 2345678],
    ['no signatures yet', null],
    [null, null],
  ])('parseCount(%j) = %j', (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });

  it.each([
    ['This response was given on 29 September 2021', '2021-09-29'],
    ['Parliament debated this petition on 11 March 2024', '2024-03-11'],
    ['1 july 2022', '2022-07-01'],
    ['31 February 2022', null],
    ['29 Medi 2021', null],
    ['no date here', null],
  ])('parseLongDate(%j) = %j', (text, expected) => {
    expect(parseLongDate(text)).toBe(expected);
  });

  it.each([
    ['2022-03-29T09:00:00+01:00', '2022-03-29'],
    ['2022-07-22', '2022-07-22'],
    ['2022-02-30', null],
    ['yesterday', null],
    [null, null],
  ])('isoDatePart(%j) = %j', (value, expected) => {
    expect(isoDatePart(value)).toBe(expected);
  });

  it('collapses white space and non-breaking spaces', () => {
    expect(cleanText('  Require\u00a0 School\n\tSENCOs ')).toBe('Require School SENCOs');
  });
});

describe('londonDate: the day GOV.UK prints for a timestamp', () => {
  it('is the calendar day in London, whatever the offset written', () => {
    expect(londonDate('2016-11-04T10:00:00+01:00')).toBe('2016-11-04');
    // Withdrawn at 09:52 UTC; and a summer time written in UTC that is already the next day in London.
    expect(londonDate('2016-11-12T09:52:00Z')).toBe('2016-11-12');
    expect(londonDate('2026-06-30T23:30:00Z')).toBe('2026-07-01');
  });

  it('takes a closing time of midnight as the end of the day before, as frontend prints it', () => {
    // "11:59pm on 30 June 2026" for 2026-07-01T00:00:00.000+01:00.
    expect(londonDate('2026-07-01T00:00:00.000+01:00', { endOfDay: true })).toBe('2026-06-30');
    expect(londonDate('2026-07-01T00:00:00.000+01:00')).toBe('2026-07-01');
    expect(londonDate('2022-07-22T23:45:00.000+01:00', { endOfDay: true })).toBe('2022-07-22');
  });

  it('keeps a plain date, and gives null for what is not a date', () => {
    expect(londonDate('2021-09-29')).toBe('2021-09-29');
    expect(londonDate('soon')).toBeNull();
    expect(londonDate('2026-13-40T00:00:00Z')).toBeNull();
    expect(londonDate(null)).toBeNull();
  });
});
