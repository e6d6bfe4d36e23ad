import { describe, expect, it } from 'vitest';
import { extractFixture as extract } from '../load-fixture';

describe('petition extraction from fixture pages', () => {
  it('reads the archived SENCO petition: closed, responded, with related consultation and debate', () => {
    const url = 'https://petition.parliament.uk/archived/petitions/591092';
    expect(extract(url)).toEqual({
      ok: true,
      context: expect.objectContaining({
        kind: 'petition',
        key: 'petition:591092',
        title: 'Require School SENCOs to be fully qualified for the role.',
        petitionNumber: 591092,
        archived: true,
        parliament: '2019-2024',
        state: 'closed',
        signatureCount: 13168,
        response: {
          respondedOn: '2021-09-29',
          summary: expect.stringMatching(/^Through the SEND Review, we are looking to improve/),
        },
        debate: null,
        unread: [],
      }),
    });
    const result = extract(url);
    if (!result?.ok) throw new Error('expected a context');
    expect(result.context.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'consultation',
          key: 'consultation:send-review-right-support-right-place-right-time',
        }),
        expect.objectContaining({
          kind: 'debate',
          key: 'debate:BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40',
        }),
      ]),
    );
  });

  it('reads an open petition and its links', () => {
    const result = extract('https://petition.parliament.uk/petitions/701234');
    expect(result).toMatchObject({
      ok: true,
      context: {
        title: 'Give schools ring-fenced funding to meet the needs of every pupil with SEND',
        state: 'open',
        archived: false,
        signatureCount: 8213,
        response: null,
        debate: null,
        unread: [],
      },
    });
    if (!result?.ok) throw new Error('expected a context');
    expect(result.context.links.map((link) => link.key)).toEqual([
      'petition:591092',
      'consultation:sen-workforce-training-standards',
    ]);
  });

  it('reads a debated petition: response, debate date and outcome links', () => {
    const result = extract('https://petition.parliament.uk/petitions/654321');
    expect(result).toMatchObject({
      ok: true,
      context: {
        state: 'closed',
        signatureCount: 118407,
        debate: {
          status: 'debated',
          date: '2026-11-16',
          links: expect.arrayContaining([
            {
              label: 'Read the transcript of the debate',
              url: 'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding',
            },
          ]),
        },
        unread: [],
      },
    });
    if (!result?.ok || result.context.kind !== 'petition') throw new Error('expected a petition');
    expect(result.context.response?.respondedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(result.context.debate?.links).toHaveLength(5);
  });

  it('reads a rejected petition without calling its missing count unreadable', () => {
    expect(extract('https://petition.parliament.uk/petitions/702222')).toMatchObject({
      ok: true,
      context: {
        title: 'Ring-fence school budgets for special educational needs support',
        state: 'rejected',
        signatureCount: null,
        unread: [],
        links: [expect.objectContaining({ key: 'petition:701234' })],
      },
    });
  });

  it('reads the older petition markup', () => {
    expect(extract('https://petition.parliament.uk/petitions/300412')).toMatchObject({
      ok: true,
      context: {
        title: 'Increase funding for special educational needs support in mainstream schools',
        state: 'closed',
        signatureCount: 104331,
        response: {
          respondedOn: '2020-03-16',
          summary: expect.stringMatching(/^We have announced an extra £780 million/),
        },
        debate: { status: 'debated', date: '2021-03-08', links: expect.any(Array) },
        unread: [],
      },
    });
  });

  it('gives no result for pages that are not petitions', () => {
    expect(extract('https://petition.parliament.uk/petitions?state=open')).toBeNull();
    expect(extract('https://petition.parliament.uk/petitions/701234/map')).toBeNull();
  });
});
