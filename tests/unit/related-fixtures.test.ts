import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLiveFetcher } from '../../utils/live/live-fetcher';
import type { PageContext } from '../../utils/pages/context';
import {
  contributionCandidates,
  mentionsPetition,
  quotesTitle,
} from '../../utils/related/candidates';
import { linkCardFor } from '../../utils/related/link-card';
import type { RelatedView } from '../../utils/related/related-item';
import { REQUEST_BUDGET, relatedFor } from '../../utils/related/related-view';
import {
  contributionSearchUrl,
  debatePageUrl,
  HansardContributionResults,
} from '../../utils/sources/search-apis';
import { openDatabase } from '../../utils/storage/db';
import { API_ROOT } from '../fixture-site/api';
import { answeredFrom, createFixtureFetch } from '../fixture-site/fixture-fetch';
import { searchHansardContributions } from '../fixture-site/search';
import { extractFixture } from '../load-fixture';

const SENCO = 'https://petition.parliament.uk/archived/petitions/591092';
const WH_DEBATE =
  'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding';
const OUTCOME =
  'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time';

let dbName = '';
let n = 0;
afterEach(() => indexedDB.deleteDatabase(dbName));

/** The real fetcher and cache over the fixture APIs, optionally failing one host. */
function setup(failHost?: string) {
  dbName = `related-${++n}`;
  const site = createFixtureFetch();
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (url.hostname === failHost)
      return answeredFrom(url.href, '{"error":"down"}', { status: 500 });
    return site.fetch(input, init);
  };
  const get = createLiveFetcher(openDatabase(dbName), {
    deps: { fetch, sleep: async () => {}, now: Date.now, random: () => 0 },
  });
  return { get, requests: site.requests };
}

function contextOf(url: string): PageContext {
  const result = extractFixture(url);
  if (!result?.ok) throw new Error(`fixture ${url} did not extract`);
  return result.context;
}

const titlesOf = (view: Pick<RelatedView, 'groups'>, kind: string) =>
  view.groups.find((group) => group.kind === kind)?.items.map((item) => item.title) ?? [];

describe('related pages from the fixture APIs', () => {
  it('links the SENCO petition to its consultation and debates with reasons, and skips false friends', async () => {
    const { get } = setup();
    const view = await relatedFor(contextOf(SENCO), get);
    const [consultation] = view.groups.find((g) => g.kind === 'consultation')?.items ?? [];
    expect(consultation).toMatchObject({
      key: 'consultation:send-review-right-support-right-place-right-time',
      explicit: true,
      reasons: expect.arrayContaining([
        'in the petitions site’s notes on related business',
        'same department: Department for Education',
      ]),
    });
    expect(titlesOf(view, 'debate')).toContain(
      'Special Educational Needs and Disabilities: Provision and Funding',
    );
    const everything = view.groups.flatMap((g) => g.items.map((item) => item.title));
    for (const distractor of [
      'Sending vehicle logbooks (V5C) digitally',
      "Send all MPs' expenses claims to an independent auditor every year",
      'Lyme Disease',
      'Fireworks',
    ]) {
      expect(everything).not.toContain(distractor);
    }
    expect(view.failed).toEqual([]);
  });

  it("a parent debate's related pages come from its child sections' speeches (it has no items of its own)", async () => {
    const { get } = setup();
    const view = await relatedFor(
      contextOf(
        'https://hansard.parliament.uk/Commons/2026-11-23/debates/6C9D5E4F-0A1B-4C23-D4E5-F60718293A4B/OralAnswersToQuestions',
      ),
      get,
    );
    expect(titlesOf(view, 'consultation')).toContain(
      'SEN workforce: training standards for SENCOs and support staff',
    );
    expect(titlesOf(view, 'petition')).toContain(
      'Give every SENCO protected time in the school week to do their job',
    );
    expect(view.failed).toEqual([]);
  });

  it("a debate's own child sections are not related pages: they are the same debate in parts", async () => {
    const { get } = setup();
    // The real 2022 capture: "Oral Answers to Questions" with its child section "Northern Ireland",
    // which the title search for "northern ireland" finds.
    const view = await relatedFor(
      contextOf(
        'https://hansard.parliament.uk/Commons/2022-06-22/debates/1825FDB2-5C11-4579-B1DA-94B80654D983/OralAnswersToQuestions',
      ),
      get,
    );
    const keys = view.groups.flatMap((group) => group.items.map((item) => item.key));
    expect(keys).not.toContain('debate:6A0C2E4F-7B9D-4F1A-8C3E-5D7F9A1B3C5E');
    expect(view.failed).toEqual([]);
  });

  it('asks at most REQUEST_BUDGET requests for a page, its own Parliament’s archive first, and none when shown again', async () => {
    const { get, requests } = setup();
    await relatedFor(contextOf(SENCO), get);
    expect(requests).toHaveLength(REQUEST_BUDGET);
    // 591092 is of the 2019–2024 Parliament (4), then 2017–2019 (3): as far as the budget goes.
    const archives = requests
      .filter((url) => url.includes('/archived/petitions.json'))
      .map((url) => new URL(url).searchParams.get('parliament'));
    expect(archives).toEqual(['4', '3']);
    await relatedFor(contextOf(SENCO), get);
    expect(requests).toHaveLength(REQUEST_BUDGET);
  });

  it('finds a petition on the subject that never uses the page’s phrase, by its strongest term', async () => {
    // The North Sea consultation's phrase is "north sea oil"; the petitions search wants every
    // word, so the onshore drilling petition is found only by a search for "oil".
    const { get, requests } = setup();
    const view = await relatedFor(
      contextOf(
        'https://www.gov.uk/government/consultations/north-sea-oil-and-gas-drilling-consents',
      ),
      get,
    );
    const petitions = view.groups.find((group) => group.kind === 'petition')?.items ?? [];
    expect(petitions.map((item) => item.key)).toEqual(
      expect.arrayContaining(['petition:760201', 'petition:760202']),
    );
    expect(petitions.map((item) => item.key)).not.toContain('petition:760211');
    expect(requests.length).toBeLessThanOrEqual(REQUEST_BUDGET);
  });

  it('finds a petition of an earlier Parliament, which a search without parliament= never would', async () => {
    const { get } = setup();
    const view = await relatedFor(contextOf(SENCO), get);
    const petitions = view.groups.find((group) => group.kind === 'petition')?.items ?? [];
    expect(petitions.map((item) => item.url)).toContain(
      'https://petition.parliament.uk/archived/petitions/248716',
    );
  });

  it('reads the archives past its budget from the cache an earlier page left, asking nothing more', async () => {
    const { get, requests } = setup();
    const petition = contextOf('https://petition.parliament.uk/petitions/701234');
    const keys = async () =>
      (await relatedFor(petition, get)).groups.flatMap((group) => group.items.map((i) => i.key));
    // A 2024 petition's budget reaches the 2019–2024 and 2017–2019 archives, not 2015–2017's.
    expect(await keys()).not.toContain('petition:171234');
    const asked = requests.length;
    expect(requests.some((url) => url.includes('parliament=1'))).toBe(false);
    // A consultation page has budget for every archive, 2015–2017's (parliament=1) included.
    await relatedFor(contextOf(OUTCOME), get);
    expect(requests.some((url) => url.includes('q=SEND&state=all&count=10&parliament=1'))).toBe(
      true,
    );
    const afterOutcome = requests.length;
    expect(await keys()).toContain('petition:171234');
    expect(requests.length).toBe(afterOutcome);
    expect(asked).toBeLessThanOrEqual(REQUEST_BUDGET);
  });

  it('finds the debate whose speech quotes the petition’s title, through the contributions search', async () => {
    const { get, requests } = setup();
    const view = await relatedFor(
      contextOf('https://petition.parliament.uk/petitions/738842'),
      get,
    );
    expect(
      requests.some(
        (url) =>
          url.includes('/search/contributions/Spoken.json') && url.includes('protected+time'),
      ),
    ).toBe(true);
    const debate = view.groups
      .find((group) => group.kind === 'debate')
      ?.items.find((item) => item.key === 'debate:3F6A2B1C-7D8E-4F90-A1B2-C3D4E5F60718');
    expect(debate?.reasons[0]).toBe('quotes this petition’s title');
    expect(
      quotesTitle(
        'as the petition “Give every SENCO protected time” asked',
        'Give every SENCO protected time',
      ),
    ).toBe(true);
    expect(
      quotesTitle('SENCOs need protected time every week', 'Give every SENCO protected time'),
    ).toBe(false);
  });

  it('shows a rejected petition as rejected, with the reason the site gives', async () => {
    const { get } = setup();
    const view = await relatedFor(
      contextOf('https://petition.parliament.uk/petitions/701234'),
      get,
    );
    const items = view.groups.flatMap((group) => group.items);
    const rejected = items.filter((item) => item.state === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    for (const item of rejected) {
      expect(item.reasons).toContainEqual(
        expect.stringMatching(/^rejected by the petitions site \(/),
      );
    }
  });

  it('says which site could not be searched and keeps what the others found', async () => {
    const { get } = setup('hansard-api.parliament.uk');
    const view = await relatedFor(contextOf(SENCO), get);
    expect(view.failed).toEqual(['Hansard']);
    expect(titlesOf(view, 'consultation')[0]).toBe(
      'SEND review: right support, right place, right time',
    );
    // The debate the petitions site links is still listed, from that link.
    expect(view.groups.find((g) => g.kind === 'debate')?.items[0]?.reasons).toContain(
      'in the petitions site’s notes on related business',
    );
  });

  it('drops one odd search result and keeps the rest of that answer', async () => {
    const site = createFixtureFetch();
    dbName = `related-${++n}`;
    // One petition in the live search answer without its id: that one is dropped, not the answer.
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const response = await site.fetch(input, init);
      if (!response.url.includes('/petitions.json') || response.url.includes('/archived/'))
        return response;
      const body = (await response.json()) as { data: { id?: number }[] };
      const [first] = body.data;
      if (first) delete first.id;
      return answeredFrom(response.url, JSON.stringify(body), { status: 200 });
    };
    const get = createLiveFetcher(openDatabase(dbName), {
      deps: { fetch, sleep: async () => {}, now: Date.now, random: () => 0 },
    });
    const view = await relatedFor(contextOf(SENCO), get);
    expect(view.failed).toEqual([]);
    expect(titlesOf(view, 'petition').length).toBeGreaterThan(0);
  });

  it('names the site whose search timed out and shows what the others found', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const site = createFixtureFetch();
      dbName = `related-${++n}`;
      const fetch: typeof globalThis.fetch = (input, init) => {
        const url = new URL(input instanceof Request ? input.url : input.toString());
        if (url.hostname !== 'www.gov.uk') return site.fetch(input, init);
        // GOV.UK never answers: only the fetcher's own timeout ends the wait.
        return new Promise((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
        );
      };
      const get = createLiveFetcher(openDatabase(dbName), {
        deps: { fetch, sleep: async () => {}, now: Date.now, random: () => 0 },
      });
      let view: Awaited<ReturnType<typeof relatedFor>> | null = null;
      void relatedFor(contextOf(SENCO), get).then((done) => {
        view = done;
      });
      while (view === null) await vi.advanceTimersByTimeAsync(1000);
      const shown = view as Awaited<ReturnType<typeof relatedFor>>;
      expect(shown.failed).toEqual(['GOV.UK']);
      expect(titlesOf(shown, 'debate').length).toBeGreaterThan(0);
      expect(titlesOf(shown, 'petition').length).toBeGreaterThan(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('marks the petitions a debate considered, apart from ones it only mentions', async () => {
    const { get } = setup();
    const view = await relatedFor(contextOf(WH_DEBATE), get);
    const petitions = view.groups.find((g) => g.kind === 'petition')?.items ?? [];
    const reasonsOf = (key: string) => petitions.find((p) => p.key === key)?.reasons ?? [];
    expect(reasonsOf('petition:654321')).toContain('e-petition 654321 is debated here');
    expect(reasonsOf('petition:701234')).toContain('e-petition 701234 is debated here');
    expect(reasonsOf('petition:591092')).toContain('this debate mentions e-petition 591092');
  });

  it('says where the user came from', async () => {
    const { get } = setup();
    const view = await relatedFor(contextOf(OUTCOME), get, {
      cameFrom: { key: 'petition:591092', title: 'Require School SENCOs' },
    });
    const petition = view.groups
      .flatMap((g) => g.items)
      .find((item) => item.key === 'petition:591092');
    expect(petition?.reasons).toContain('you came here from Require School SENCOs');
  });
});

describe('reasons a reader can check', () => {
  it('says a debate mentions e-petition N only when a speech names it as a petition', () => {
    expect(
      mentionsPetition('More than 13,000 people signed e-petition 591092, which', 591092),
    ).toBe(true);
    expect(
      mentionsPetition('That this House has considered e-petitions 654321 and 701234.', 701234),
    ).toBe(true);
    expect(mentionsPetition('as I said at column 591092 of the Official Report', 591092)).toBe(
      false,
    );
    expect(mentionsPetition('the petition was signed by 591092 people', 591092)).toBe(false);
  });

  it('gives the mention only to the debate whose contribution says it, from the contribution search', () => {
    const answer = searchHansardContributions(
      API_ROOT,
      new URL(contributionSearchUrl('591092', 10)),
    );
    const results = HansardContributionResults.parse(answer.body);
    const [first, ...rest] = results.Results;
    if (!first) throw new Error('the fixture contribution search found nothing');
    // The same digits, said as a column number: found by the search, not a mention.
    const column = {
      ...first,
      ContributionText: 'See column 591092.',
      ContributionTextFull: '<p>See column 591092.</p>',
    };
    const evidenceOf = (text: string) =>
      mentionsPetition(text, 591092)
        ? [{ reason: 'mentions e-petition 591092', weight: 80, explicit: true }]
        : [];
    const candidates = contributionCandidates(
      {
        Results: [column, ...rest.filter((r) => r.DebateSectionExtId !== first.DebateSectionExtId)],
      },
      evidenceOf,
    );
    const byTitle = new Map(candidates.map((c) => [c.title, c.evidence.map((e) => e.reason)]));
    expect(byTitle.get(first.DebateSection.trim())).toEqual([]);
    expect([...byTitle.values()].filter((reasons) => reasons.length > 0).length).toBeGreaterThan(0);
  });
});

describe('link cards', () => {
  it('describes a linked petition, consultation and debate from their APIs', async () => {
    const { get } = setup();
    // Worded here, in the background: the page shows the facts as they come.
    expect(await linkCardFor('https://petition.parliament.uk/petitions/654321', get)).toEqual({
      kind: 'petition',
      title: 'Fully fund Education, Health and Care Plans for children and young people with SEND',
      facts: expect.arrayContaining(['Petition 654321', '118,407 signatures']),
      problem: null,
    });
    expect(await linkCardFor(OUTCOME, get)).toMatchObject({
      facts: ['Outcome published'],
      problem: null,
    });
    // A link to a withdrawn consultation: withdrawn, whatever its document type says.
    expect(
      await linkCardFor(
        'https://www.gov.uk/government/consultations/postgraduate-doctoral-loans',
        get,
      ),
    ).toMatchObject({ facts: ['Withdrawn'], problem: null });
    expect(await linkCardFor(WH_DEBATE, get)).toMatchObject({
      kind: 'debate',
      facts: ['Westminster Hall', '16 November 2026'],
    });
  });

  it('says why there are no details, and ignores links to other pages', async () => {
    const { get } = setup('petition.parliament.uk');
    expect(await linkCardFor('https://petition.parliament.uk/petitions/654321', get)).toMatchObject(
      {
        problem: expect.any(String),
      },
    );
    expect(await linkCardFor('https://www.gov.uk/government/news/x', get)).toBeNull();
    expect(await linkCardFor('not a url', get)).toBeNull();
  });
});

describe('Hansard page URLs from search results', () => {
  it('builds the PascalCase slug Hansard uses', () => {
    expect(
      debatePageUrl(
        'Commons',
        '2024-01-11T00:00:00',
        '5D6E7F80-9A1B-4C2D-8E3F-4A5B6C7D8E9F',
        'Special Educational Needs and Disabilities: Provision and Funding',
      ),
    ).toBe(
      'https://hansard.parliament.uk/Commons/2024-01-11/debates/5D6E7F80-9A1B-4C2D-8E3F-4A5B6C7D8E9F/SpecialEducationalNeedsAndDisabilitiesProvisionAndFunding',
    );
  });
});
