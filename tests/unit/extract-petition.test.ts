import { describe, expect, it } from 'vitest';
import { extractPage } from '../../utils/pages/registry';
import { ALL_READERS, extractFixture as extract, loadFixtureDocument } from '../load-fixture';

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
    // The YouTube video, then the four links of `ul.debate-outcome-links`.
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

  it('reads an open petition with a government response', () => {
    expect(extract('https://petition.parliament.uk/petitions/742316')).toMatchObject({
      ok: true,
      context: {
        state: 'open',
        signatureCount: 23611,
        closesOn: '2027-02-06',
        response: {
          respondedOn: '2026-10-08',
          summary: expect.stringMatching(/^All teachers must meet the Teachers' Standards/),
        },
        debate: null,
        unread: [],
      },
    });
  });

  it('reads a YouTube debate video, drawn outside the list of debate links', () => {
    const result = extract('https://petition.parliament.uk/petitions/654321');
    if (!result?.ok || result.context.kind !== 'petition') throw new Error('expected a petition');
    expect(result.context.debate?.links[0]).toEqual({
      label: 'Watch the debate on youtube.com',
      url: 'https://www.youtube.com/watch?v=k3Xq9TfR2aE&t=1840',
    });
  });

  it('reads http:// debate links on an archived petition, as https', () => {
    expect(extract('https://petition.parliament.uk/archived/petitions/612580')).toMatchObject({
      ok: true,
      context: {
        archived: true,
        parliament: '2019-2024',
        state: 'closed',
        debate: {
          status: 'debated',
          date: '2022-06-13',
          links: [
            {
              label: 'Watch the debate on parliamentlive.tv',
              url: 'https://parliamentlive.tv/Event/Index/8d2f61c4-0e7b-4a93-b5d8-6c1e2f3a4b5d',
            },
            {
              label: 'Read the transcript of the debate',
              url: 'https://hansard.parliament.uk/Commons/2022-06-13/debates/9A4C7E21-3B5D-4F60-8E1A-C2D3B4A59F87/SpecialSchoolPlaces',
            },
            {
              label: 'Read the research used for the debate',
              url: 'https://researchbriefings.files.parliament.uk/documents/CDP-2022-0104/CDP-2022-0104.pdf',
            },
          ],
        },
        unread: [],
      },
    });
  });

  it('reads a debate whose date has passed before its outcome is published', () => {
    expect(extract('https://petition.parliament.uk/petitions/738842')).toMatchObject({
      ok: true,
      context: { state: 'closed', debate: { status: 'debated', date: '2026-11-23', links: [] } },
    });
  });

  it('reads a petition Parliament decided not to debate', () => {
    expect(extract('https://petition.parliament.uk/petitions/729114')).toMatchObject({
      ok: true,
      context: {
        state: 'closed',
        signatureCount: 104880,
        debate: { status: 'not-debated', date: '2026-04-22', links: [] },
      },
    });
  });

  it('reads the closing date the page gives when the petition closes early for a dissolution', () => {
    expect(extract('https://petition.parliament.uk/petitions/745902')).toMatchObject({
      ok: true,
      context: { state: 'open', closesOn: '2026-12-17', unread: [] },
    });
  });

  it('takes no facts from what the petitioner wrote', () => {
    const url = 'https://petition.parliament.uk/petitions/701234';
    const doc = loadFixtureDocument(url);
    const background = doc.querySelector('section.petition-detail > h1#action + p + p');
    background?.insertAdjacentHTML(
      'afterend',
      '<p>This petition was submitted during the 2019-2024 Parliament. This petition is closed.</p>',
    );
    expect(extractPage(new URL(url), doc, ALL_READERS)).toMatchObject({
      ok: true,
      context: { archived: false, parliament: null, state: 'open' },
    });
  });

  it('leaves the site’s error pages for hidden (404) and removed (410) petitions alone', () => {
    for (const url of [
      'https://petition.parliament.uk/petitions/733001',
      'https://petition.parliament.uk/petitions/733002',
    ]) {
      expect(loadFixtureDocument(url).title).toMatch(/error 4(04|10)/);
      expect(extract(url)).toBeNull();
    }
  });

  it('gives no result for pages that are not petitions', () => {
    expect(extract('https://petition.parliament.uk/petitions?state=open')).toBeNull();
    expect(extract('https://petition.parliament.uk/petitions/701234/map')).toBeNull();
  });
});
