// The fixture site's search endpoints answer as the real ones do, rule by rule (each rule's
// source is cited in tests/fixture-site/search.ts and tests/fixtures/API.md).
import { describe, expect, it } from 'vitest';
import { API_ROOT } from '../fixture-site/api';
import {
  searchGovuk,
  searchHansardContributions,
  searchHansardDebates,
  searchPetitions,
} from '../fixture-site/search';

type Listed = {
  links: Record<string, string | null>;
  data: {
    id: number;
    parliament?: { period: string };
    attributes: { state: string; signature_count: number };
  }[];
};

function petitions(query: string, archived = false) {
  const url = new URL(
    `https://petition.parliament.uk/${archived ? 'archived/' : ''}petitions.json?${query}`,
  );
  const answer = searchPetitions(API_ROOT, url, archived);
  return { status: answer.status, body: answer.body as Listed };
}
const ids = (body: Listed) => body.data.map((item) => item.id);

describe('petition.parliament.uk search (alphagov/e-petitions @ c87c8b6)', () => {
  it('state=all includes rejected petitions (the :all facet over Petition.visible)', () => {
    const all = petitions('q=SEND&state=all').body;
    expect(all.data.some((item) => item.attributes.state === 'rejected')).toBe(true);
    expect(ids(all)).toContain(702222);
    expect(ids(petitions('q=SEND&state=open').body)).not.toContain(702222);
  });

  it('an archived search without parliament= covers only the latest archived Parliament', () => {
    const latest = petitions('q=special&state=all', true).body;
    expect(latest.data.length).toBeGreaterThan(0);
    expect(new Set(latest.data.map((item) => item.parliament?.period))).toEqual(
      new Set(['2019-2024']),
    );
    expect(ids(latest)).not.toContain(248716);
    const earlier = petitions('q=special&state=all&parliament=3', true).body;
    expect(ids(earlier)).toEqual([248716]);
    expect(earlier.data[0]?.parliament?.period).toBe('2017-2019');
  });

  it('refuses a parliament= that is not a number (400) or not an archived Parliament (404)', () => {
    expect(petitions('q=SEND&parliament=latest', true).status).toBe(400);
    expect(petitions('q=SEND&parliament=9', true).status).toBe(404);
  });

  it('q needs every word in one field (action, background or additional details), not across them', () => {
    // 591092: "Require" is only in its action, "training" only in its background and details.
    expect(ids(petitions('q=require+qualified', true).body)).toContain(591092);
    expect(ids(petitions('q=require+training', true).body)).not.toContain(591092);
  });

  it('q matches word stems, as the english text search configuration does ("homes" meets "home")', () => {
    // 760502's action says "every care home"; its background "care home residents".
    expect(ids(petitions('q=care+homes+staffing').body)).toContain(760502);
    expect(ids(petitions('q=drills').body)).toContain(760211);
  });

  it('lists most signatures first', () => {
    const counts = petitions('state=all').body.data.map((item) => item.attributes.signature_count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('pages by count (1–50, default 25) and page, with links as Browseable::Search writes them', () => {
    const first = petitions('state=all&count=2').body;
    expect(first.data).toHaveLength(2);
    expect(first.links.next).toBe(
      'https://petition.parliament.uk/petitions.json?count=2&page=2&state=all',
    );
    expect(first.links.prev).toBeNull();
    const second = petitions('state=all&count=2&page=2').body;
    expect(ids(second)).not.toEqual(ids(first));
    expect(second.links.prev).toBe(
      'https://petition.parliament.uk/petitions.json?count=2&state=all',
    );
    // A count off the pattern falls back to the default page size, 25; 55 is capped at 50.
    expect(petitions('count=0').body.data.length).toBe(
      Math.min(25, petitions('count=50').body.data.length),
    );
    expect(petitions('count=55').body.data.length).toBe(petitions('count=50').body.data.length);
    expect(petitions('page=abc').body.data).toEqual(petitions('page=1').body.data);
  });
});

describe('Hansard search (its Swagger)', () => {
  const hansard = (path: string, query: string) => {
    const url = new URL(`https://hansard-api.parliament.uk${path}?${query}`);
    const answer = path.includes('contributions')
      ? searchHansardContributions(API_ROOT, url)
      : searchHansardDebates(API_ROOT, url);
    return answer.body as {
      Results: { House: string; SittingDate: string; Title?: string; DebateSection: string }[];
      TotalResultCount: number;
    };
  };

  it('filters by queryParameters.house, across Chamber, Westminster Hall and Grand Committee', () => {
    const lords = hansard(
      '/search/debates.json',
      'queryParameters.searchTerm=special&queryParameters.house=Lords',
    );
    expect(lords.Results.length).toBeGreaterThan(0);
    expect(lords.Results.every((result) => result.House === 'Lords')).toBe(true);
    const both = hansard('/search/debates.json', 'queryParameters.searchTerm=special');
    expect(both.Results.map((result) => result.DebateSection)).toEqual(
      expect.arrayContaining([
        'Westminster Hall',
        'Commons Chamber',
        'Lords Chamber',
        'Grand Committee',
      ]),
    );
  });

  it('pages with queryParameters.skip and take, and orders by sitting date as orderBy asks', () => {
    const term = 'queryParameters.searchTerm=special';
    const all = hansard('/search/debates.json', term);
    const page = hansard(
      '/search/debates.json',
      `${term}&queryParameters.skip=1&queryParameters.take=2`,
    );
    expect(page.Results).toEqual(all.Results.slice(1, 3));
    expect(page.TotalResultCount).toBe(all.TotalResultCount);
    const dates = hansard(
      '/search/debates.json',
      `${term}&queryParameters.orderBy=SittingDateAsc`,
    ).Results.map((result) => result.SittingDate);
    expect(dates).toEqual([...dates].sort());
    expect(all.Results.map((result) => result.SittingDate)).toEqual([...dates].reverse());
  });
});

describe('GOV.UK Search API (alphagov/search-api)', () => {
  const govuk = (query: string) => {
    const answer = searchGovuk(API_ROOT, new URL(`https://www.gov.uk/api/search.json?${query}`));
    return {
      status: answer.status,
      body: answer.body as { results: { link: string }[]; total: number },
    };
  };
  const links = (query: string) => govuk(query).body.results.map((result) => result.link);

  it('ranks for any word of q, over title, description and body', () => {
    const found = links('q=fireworks+tribunal&count=50');
    expect(found).toContain('/government/consultations/fireworks-licensing-and-sales-reform');
    expect(found).toContain('/government/consultations/send-tribunal-single-route-of-redress');
  });

  it('filters by filter_content_store_document_type and pages by count and start', () => {
    const all = govuk('q=send&count=50').body;
    const page = links('q=send&count=2&start=1');
    expect(page).toEqual(all.results.slice(1, 3).map((result) => result.link));
    const none = govuk('q=send&filter_content_store_document_type=answer').body;
    expect(none.total).toBe(0);
  });

  it('answers an unknown parameter with a 422', () => {
    expect(govuk('q=send&house=Lords').status).toBe(422);
  });
});
