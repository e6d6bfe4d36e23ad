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
    // Other debates that day and the consultation count; links back to itself do not.
    expect(result.context.links.map((link) => link.key)).toEqual([
      'debate:4C2F8D1E-1A2B-4C3D-9E8F-7A6B5C4D3E21',
      'debate:9A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D',
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

  it('gives no result for a Hansard search page', () => {
    expect(extract('https://hansard.parliament.uk/search/Debates?searchTerm=SEND')).toBeNull();
  });
});
