import { describe, expect, it } from 'vitest';
import { extractFixture as extract } from '../load-fixture';

describe('Hansard debate extraction from fixture pages', () => {
  it('reads a Commons Chamber statement, found through the lower-case URL the petition page uses', () => {
    const result = extract(
      'https://hansard.parliament.uk/commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/SpecialEducationalNeedsAndDisabilitiesReview',
    );
    expect(result).toMatchObject({
      ok: true,
      context: {
        kind: 'debate',
        key: 'debate:BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40',
        debateId: 'BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40',
        title: 'Special Educational Needs and Disabilities Review',
        house: 'Commons',
        sittingDate: '2022-03-29',
        location: 'Commons Chamber',
        petitionNumbers: [591092],
        unread: [],
      },
    });
    if (!result?.ok) throw new Error('expected a context');
    // The consultation counts; the site's navigation (the day's section in the breadcrumb, the
    // previous and next debates) and links back to itself do not.
    expect(result.context.links.map((link) => link.key)).toEqual([
      'consultation:send-review-right-support-right-place-right-time',
    ]);
  });

  it('reads a Westminster Hall e-petition debate and every petition number it mentions', () => {
    const result = extract(
      'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding',
    );
    expect(result).toMatchObject({
      ok: true,
      context: {
        title: 'Special Educational Needs and Disabilities Funding',
        house: 'Commons',
        sittingDate: '2026-11-16',
        location: 'Westminster Hall',
        petitionNumbers: [654321, 701234, 591092],
        unread: [],
      },
    });
    if (!result?.ok) throw new Error('expected a context');
    expect(
      result.context.links.filter((link) => link.kind === 'petition').map((link) => link.key),
    ).toEqual(expect.arrayContaining(['petition:654321', 'petition:701234']));
  });

  it.each([
    [
      'https://hansard.parliament.uk/Lords/2026-11-18/debates/3F6A2B1C-7D8E-4F90-A1B2-C3D4E5F60718/SpecialEducationalNeedsTeacherTraining',
      'Special Educational Needs: Teacher Training',
      'Lords',
      'Lords Chamber',
    ],
    [
      'https://hansard.parliament.uk/Lords/2026-11-19/debates/4A7B3C2D-8E9F-4A01-B2C3-D4E5F6071829/SpecialEducationalNeedsAndDisability(Amendment)Regulations2026',
      'Special Educational Needs and Disability (Amendment) Regulations 2026',
      'Lords',
      'Grand Committee',
    ],
    [
      'https://hansard.parliament.uk/Commons/2026-11-20/debates/5B8C4D3E-9F0A-4B12-C3D4-E5F60718293A/SpecialEducationalNeedsAndDisabilitiesLocalInclusionPlans',
      'Special Educational Needs and Disabilities: Local Inclusion Plans',
      'Commons',
      'Written Statements',
    ],
    [
      'https://hansard.parliament.uk/Commons/2026-11-23/debates/6C9D5E4F-0A1B-4C23-D4E5-F60718293A4B/OralAnswersToQuestions',
      'Oral Answers to Questions',
      'Commons',
      'Commons Chamber',
    ],
  ])('reads %s: its title, house and section', (url, title, house, location) => {
    expect(extract(url)).toMatchObject({
      ok: true,
      context: { title, house, location, unread: [], links: [] },
    });
  });

  it('gives no result for a Hansard search page', () => {
    expect(extract('https://hansard.parliament.uk/search/Debates?searchTerm=SEND')).toBeNull();
  });
});
