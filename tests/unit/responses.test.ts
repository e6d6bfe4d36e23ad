import { describe, expect, it } from 'vitest';
import { debateReader } from '../../utils/pages/debate';
import { petitionReader } from '../../utils/pages/petition';
import { findResponses } from '../../utils/pages/registry';
import { ALL_READERS, extractFixture, loadFixtureDocument } from '../load-fixture';

function responsesOn(url: string) {
  const result = extractFixture(url);
  if (!result?.ok) throw new Error(`no context for ${url}`);
  return findResponses(result.context, loadFixtureDocument(url), ALL_READERS).map(
    ({ label, date, element }) => ({
      label,
      date,
      starts: (element.textContent ?? '').trim().slice(0, 40),
    }),
  );
}

describe('responses that can be bookmarked', () => {
  it('the government response on a petition, with its date', () => {
    expect(responsesOn('https://petition.parliament.uk/archived/petitions/591092')).toEqual([
      {
        label: 'Government response',
        date: '2021-09-29',
        starts: expect.stringMatching(/^29 September 2021/),
      },
    ]);
  });

  it('the response on an open petition', () => {
    expect(responsesOn('https://petition.parliament.uk/petitions/742316')).toEqual([
      {
        label: 'Government response',
        date: '2026-10-08',
        starts: expect.stringMatching(/^8 October 2026/),
      },
    ]);
  });

  it('is found only by the page’s own site’s readers: another site’s script finds none', () => {
    const url = 'https://petition.parliament.uk/archived/petitions/591092';
    const result = extractFixture(url);
    if (!result?.ok) throw new Error(`no context for ${url}`);
    const doc = loadFixtureDocument(url);
    expect(findResponses(result.context, doc, { petition: petitionReader })).toHaveLength(1);
    expect(findResponses(result.context, doc, { debate: debateReader })).toEqual([]);
  });

  it('nothing on a petition without a response', () => {
    expect(responsesOn('https://petition.parliament.uk/petitions/701234')).toEqual([]);
  });

  it('the outcome of a consultation, and nothing on an open one', () => {
    expect(
      responsesOn(
        'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time',
      ),
    ).toEqual([
      {
        label: 'Consultation outcome',
        date: null,
        starts: expect.stringMatching(/^We received around 6,000/),
      },
    ]);
    expect(
      responsesOn('https://www.gov.uk/government/consultations/sen-workforce-training-standards'),
    ).toEqual([]);
  });

  it('the outcome in frontend’s markup since the outcome wrapper went (164188d0a), not the feedback after it', () => {
    // The real outcome example item, rendered: "Detail of outcome" then its govspeak, no wrapper.
    expect(
      responsesOn(
        'https://www.gov.uk/government/consultations/employee-share-schemes-nic-elections',
      ),
    ).toEqual([
      {
        label: 'Consultation outcome',
        date: null,
        starts: expect.stringMatching(/^This document is the response/),
      },
    ]);
    // A withdrawal's explanation is govspeak in a notice, not an outcome.
    expect(
      responsesOn('https://www.gov.uk/government/consultations/postgraduate-doctoral-loans'),
    ).toEqual([]);
  });

  it("each minister's contribution in a debate, and no one else's", () => {
    const found = responsesOn(
      'https://hansard.parliament.uk/Commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/SpecialEducationalNeedsAndDisabilitiesReview',
    );
    expect(found.length).toBeGreaterThan(1);
    expect(
      found.every((block) =>
        block.label.startsWith('Nadhim Zahawi, The Secretary of State for Education: “'),
      ),
    ).toBe(true);
    // Each contribution can be told apart, and bookmarked on its own.
    expect(new Set(found.map((block) => block.label)).size).toBe(found.length);
    expect(found.every((block) => block.date === '2022-03-29')).toBe(true);
  });

  it.each([
    [
      'https://hansard.parliament.uk/Lords/2026-11-18/debates/3F6A2B1C-7D8E-4F90-A1B2-C3D4E5F60718/SpecialEducationalNeedsTeacherTraining',
      'Baroness Halden, The Parliamentary Under-Secretary of State, Department for Education: “',
      3,
    ],
    [
      'https://hansard.parliament.uk/Commons/2026-11-23/debates/6C9D5E4F-0A1B-4C23-D4E5-F60718293A4B/OralAnswersToQuestions',
      'Catherine Ashworth, The Minister for School Standards: “',
      3,
    ],
  ])("a minister's first contribution (office, then “(Name)”) and the later ones under the name alone: %s", (url, label, count) => {
    const found = responsesOn(url);
    expect(found.map((block) => block.label.startsWith(label))).toEqual(Array(count).fill(true));
  });
});
