import { describe, expect, it } from 'vitest';
import { cleanText, isoDatePart, parseCount, parseLongDate } from '../../utils/pages/text';

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
