import { describe, expect, it } from 'vitest';
import { extractFixture as extract } from '../load-fixture';

const BASE = 'https://www.gov.uk/government/consultations';

function keysOf(result: ReturnType<typeof extract>) {
  if (!result?.ok) throw new Error('expected a context');
  return result.context.links.map((link) => link.key);
}

describe('consultation extraction from fixture pages', () => {
  it('reads an open consultation: closing date only, its organisation, its links', () => {
    const result = extract(`${BASE}/sen-workforce-training-standards`);
    expect(result).toMatchObject({
      ok: true,
      context: {
        kind: 'consultation',
        key: 'consultation:sen-workforce-training-standards',
        title: 'SEN workforce: training standards for SENCOs and support staff',
        contentId: '3ef00d7d-4b7f-5725-9e96-080739ca3c85',
        locale: 'en',
        state: 'open',
        opensOn: null,
        closesOn: '2026-12-20',
        organisations: [
          {
            name: 'Department for Education',
            url: 'https://www.gov.uk/government/organisations/department-for-education',
          },
        ],
        unread: [],
      },
    });
    // Its own Welsh translation is the same page, not a link to another.
    expect(keysOf(result)).toEqual([
      'consultation:send-review-right-support-right-place-right-time',
      'debate:6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71',
    ]);
  });

  it('reads the Welsh translation as the same consultation', () => {
    expect(extract(`${BASE}/sen-workforce-training-standards.cy`)).toMatchObject({
      ok: true,
      context: {
        key: 'consultation:sen-workforce-training-standards',
        title: 'Gweithlu AAA: safonau hyfforddi ar gyfer CydAAA a staff cymorth',
        contentId: '3ef00d7d-4b7f-5725-9e96-080739ca3c85',
        locale: 'cy',
        state: 'open',
        closesOn: '2026-12-20',
        unread: [],
      },
    });
  });

  it('reads a closed consultation with both dates and two organisations; closing at midnight is the day before', () => {
    // The page prints "11:59pm on 30 June 2026" for datetime 2026-07-01T00:00:00.000+01:00.
    const result = extract(`${BASE}/alternative-provision-funding-review`);
    expect(result).toMatchObject({
      ok: true,
      context: {
        state: 'closed',
        opensOn: '2026-04-07',
        closesOn: '2026-06-30',
        organisations: [
          expect.objectContaining({ name: 'Department for Education' }),
          expect.objectContaining({
            name: 'Ministry of Housing, Communities and Local Government',
          }),
        ],
        unread: [],
      },
    });
    expect(keysOf(result)).toContain('petition:654321');
  });

  it('reads a consultation outcome and ignores change-history dates', () => {
    const result = extract(`${BASE}/send-review-right-support-right-place-right-time`);
    expect(result).toMatchObject({
      ok: true,
      context: {
        title: 'SEND review: right support, right place, right time',
        state: 'outcome',
        opensOn: '2022-03-29',
        closesOn: '2022-07-22',
        unread: [],
      },
    });
    expect(keysOf(result)).toEqual(
      expect.arrayContaining(['petition:591092', 'debate:BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40']),
    );
  });

  it('reads a consultation not yet open: its opening date from the banner, and its closing date', () => {
    // The real unopened example item, rendered: the notice "This consultation opens at <time>"
    // comes before the summary banner, which holds both dates.
    expect(
      extract(`${BASE}/gda-of-hitachi-ge-nuclear-energy-ltds-uk-advanced-boiling-water-reactor`),
    ).toMatchObject({
      ok: true,
      context: {
        state: 'upcoming',
        opensOn: '2200-10-05',
        closesOn: '2210-10-31',
        withdrawnOn: null,
        organisations: [expect.objectContaining({ name: 'Environment Agency' })],
        unread: [],
      },
    });
  });

  it('reads a consultation without a description: no summary banner, the notice’s opening date', () => {
    expect(extract(`${BASE}/send-tribunal-single-route-of-redress`)).toMatchObject({
      ok: true,
      context: { state: 'upcoming', opensOn: '2027-01-11', closesOn: null, unread: [] },
    });
  });

  it('reads a withdrawn consultation as withdrawn, on the date of its notice', () => {
    // The real withdrawn example item keeps document type open_consultation: the caption says "Open".
    expect(extract(`${BASE}/postgraduate-doctoral-loans`)).toMatchObject({
      ok: true,
      context: {
        title: 'Postgraduate doctoral loans',
        state: 'withdrawn',
        withdrawnOn: '2016-11-12',
        closesOn: '2216-12-16',
        unread: [],
      },
    });
  });

  it('reads an outcome without public feedback', () => {
    expect(extract(`${BASE}/employee-share-schemes-nic-elections`)).toMatchObject({
      ok: true,
      context: {
        state: 'outcome',
        opensOn: '2016-04-20',
        closesOn: '2016-07-13',
        organisations: [expect.objectContaining({ name: 'HM Revenue & Customs' })],
        unread: [],
      },
    });
  });

  it('gives no result for GOV.UK pages that are not consultations', () => {
    expect(extract('https://www.gov.uk/government/consultations')).toBeNull();
    expect(
      extract(
        'https://www.gov.uk/government/news/ambitious-reform-for-children-and-young-people-with-send',
      ),
    ).toBeNull();
  });
});
