// Contract tests on GOV.UK's own material in ../shared/real/govuk (see its README): every
// content item and search answer there goes through the code paths users hit. The facts
// each file should give are read from the file itself, so a file dropped in is tested too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liveViewFor } from '../../utils/live/live-view';
import type { ConsultationContext } from '../../utils/pages/context';
import { findResponses } from '../../utils/pages/registry';
import { consultationCandidates } from '../../utils/related/candidates';
import { ConsultationContentItem, toLiveConsultation } from '../../utils/sources/govuk-content-api';
import { consultationSearchUrl, GovukSearchResults } from '../../utils/sources/search-apis';
import { consultationSnapshot } from '../../utils/watchlist/take-snapshot';
import { API_ROOT } from '../fixture-site/api';
import { pagePath } from '../fixture-site/server';
import { ALL_READERS, extractFixture, loadFixtureDocument } from '../load-fixture';

const REAL = resolve(process.cwd(), '../shared/real/govuk');
const ITEMS = join(REAL, 'content-items');
const SEARCH = join(REAL, 'search');

const jsonIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? jsonIn(join(dir, entry.name))
      : entry.name.endsWith('.json')
        ? [join(dir, entry.name)]
        : [],
  );
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const relative = (file: string) => file.slice(REAL.length + 1);

type RawItem = {
  base_path: string;
  first_published_at?: string | null;
  public_updated_at: string;
  title: string;
  document_type: string;
  withdrawn_notice?: { withdrawn_at?: string } | null;
  links: { organisations?: { title: string }[] };
  details: {
    opening_date?: string;
    closing_date?: string;
    first_public_at?: string;
    final_outcome_detail?: string;
  };
};

/** The content items, without the JSON Schema that sits beside them. */
const contentItems = jsonIn(ITEMS)
  .filter((file) => !file.endsWith('-schema.json'))
  .map((file) => [relative(file), read(file) as RawItem] as const);

/** The day GOV.UK prints: these items' offsets are London's, so the date part, a day back at midnight. */
function printedDay(timestamp: string, endOfDay: boolean): string {
  const day = timestamp.slice(0, 10);
  if (!endOfDay || !/T00:00/.test(timestamp)) return day;
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** Whether the page says "Last updated": frontend shows it once the item changed after it was first published. */
function wasUpdated(item: RawItem): boolean {
  const first = item.details.first_public_at ?? item.first_published_at;
  return Boolean(first) && Date.parse(first ?? '') !== Date.parse(item.public_updated_at);
}

const isWithdrawn = (item: RawItem) => Object.keys(item.withdrawn_notice ?? {}).length > 0;
const PHASE: Record<string, string> = {
  consultation: 'upcoming',
  open_consultation: 'open',
  closed_consultation: 'closed',
  consultation_outcome: 'outcome',
};
const firstWords = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 4)
    .join(' ');

describe('every real GOV.UK consultation content item', () => {
  it('is there to test', () => {
    expect(contentItems.length).toBeGreaterThanOrEqual(18);
  });

  it.each(contentItems)('%s: the schema, and the facts a reader checks', (_file, raw) => {
    const parsed = ConsultationContentItem.safeParse(raw);
    expect(parsed.error).toBeUndefined();
    if (!parsed.success) return;
    const live = toLiveConsultation(parsed.data);
    expect(live).toMatchObject({
      title: raw.title,
      url: `https://www.gov.uk${raw.base_path}`,
      state: isWithdrawn(raw) ? 'withdrawn' : PHASE[raw.document_type],
      opensOn: raw.details.opening_date ? printedDay(raw.details.opening_date, false) : null,
      closesOn: raw.details.closing_date ? printedDay(raw.details.closing_date, true) : null,
      withdrawnOn: isWithdrawn(raw) ? raw.withdrawn_notice?.withdrawn_at?.slice(0, 10) : null,
      updatedOn: wasUpdated(raw) ? raw.public_updated_at.slice(0, 10) : null,
      organisations: (raw.links.organisations ?? []).map((org) => ({
        name: org.title,
        url: expect.stringMatching(/^https:\/\/www\.gov\.uk\//),
      })),
    });
    const outcome = raw.details.final_outcome_detail;
    if (raw.document_type === 'consultation_outcome' && outcome) {
      expect(live.outcome).toContain(firstWords(outcome));
    } else {
      expect(live.outcome).toBeNull();
    }
  });

  it.each(contentItems)('%s: through the live view, as the panel asks for it', async (_f, raw) => {
    // What the page module reads before the live data comes: the address, and nothing yet.
    const context: ConsultationContext = {
      kind: 'consultation',
      url: `https://www.gov.uk${raw.base_path}`,
      key: `consultation:${raw.base_path.split('/').pop()}`,
      title: null,
      links: [],
      unread: [],
      contentId: null,
      locale: 'en',
      state: null,
      opensOn: null,
      closesOn: null,
      withdrawnOn: null,
      organisations: [],
    };
    const requested: string[] = [];
    const view = await liveViewFor(context, async (request) => {
      requested.push(request.url);
      const data = request.schema.parse(raw);
      return { data, fetchedAt: 1, stale: false, error: null };
    });
    expect(requested).toEqual([`https://www.gov.uk/api/content${raw.base_path}`]);
    expect(view).toMatchObject({
      kind: 'consultation',
      consultation: { data: { title: raw.title, state: expect.any(String) }, error: null },
    });
  });

  // The fixture site serves pages rendered from some of these items at their real paths,
  // with the item itself as the page's Content API answer.
  const servedAsIs = ([file, raw]: (typeof contentItems)[number]) => {
    const served = join(API_ROOT, 'www.gov.uk/api/content', `${raw.base_path}.json`);
    return (
      file.startsWith('content-items/current/') &&
      pagePath('www.gov.uk', raw.base_path) !== null &&
      existsSync(served) &&
      JSON.stringify(read(served)) === JSON.stringify(raw)
    );
  };

  it('has pages on the fixture site for the withdrawn, unopened and outcome items', () => {
    expect(contentItems.filter(servedAsIs).map(([, raw]) => raw.document_type)).toEqual(
      expect.arrayContaining(['open_consultation', 'consultation', 'consultation_outcome']),
    );
  });

  it.each(
    contentItems.filter(servedAsIs),
  )('%s: its page reads as the item says, and offers its outcome', (_file, raw) => {
    const url = `https://www.gov.uk${raw.base_path}`;
    const result = extractFixture(url);
    if (!result?.ok || result.context.kind !== 'consultation') throw new Error(`not read: ${url}`);
    const { context } = result;
    const live = toLiveConsultation(ConsultationContentItem.parse(raw));
    expect(context).toMatchObject({
      title: raw.title,
      state: live.state,
      withdrawnOn: live.withdrawnOn,
      organisations: live.organisations.map(({ name }) => expect.objectContaining({ name })),
    });
    // The page shows the closing day always, the opening day unless it is open.
    expect(context.closesOn).toBe(live.closesOn);
    if (raw.document_type !== 'open_consultation') {
      expect(context.opensOn).toBe(live.opensOn);
    }
    const responses = findResponses(context, loadFixtureDocument(url), ALL_READERS);
    expect(responses.map((response) => response.label)).toEqual(
      live.outcome ? ['Consultation outcome'] : [],
    );
    if (live.outcome) {
      expect(responses[0]?.element.textContent).toContain(
        firstWords(raw.details.final_outcome_detail ?? ''),
      );
    }
  });
});

describe('real GOV.UK Search API answers', () => {
  const answers = jsonIn(SEARCH)
    .filter((file) => !file.endsWith('field_definitions.json'))
    .map((file) => [relative(file), read(file)] as const);

  it.each(answers)('%s: accepted, each result with its organisations', (_file, answer) => {
    const parsed = GovukSearchResults.safeParse(answer);
    expect(parsed.error).toBeUndefined();
    const results = (answer as { results: { organisations?: { title?: string }[] }[] }).results;
    expect(parsed.data?.results).toHaveLength(results.length);
    parsed.data?.results.forEach((result, index) => {
      expect(result.organisations.map((org) => org.title)).toEqual(
        (results[index]?.organisations ?? []).map((org) => org.title),
      );
    });
  });

  it('a result whose organisation the registry lacks comes back as {slug} alone, and is kept', () => {
    // search-api's EntityExpander: `(registry[slug] || {}).merge("slug" => slug)`.
    const [file, answer] = answers.find(([name]) => name.includes('get-involved')) ?? [];
    expect(file).toBeDefined();
    const results = structuredClone(answer as { results: { organisations: unknown[] }[] }).results;
    results[0]?.organisations.push({ slug: 'government-equalities-office' });
    const parsed = GovukSearchResults.safeParse({ results });
    expect(parsed.error).toBeUndefined();
    if (!parsed.success) return;
    const [candidate] = consultationCandidates({
      results: parsed.data.results.map((result) => ({
        ...result,
        link: '/government/consultations/consulting-on-time-zones',
      })),
    });
    expect(candidate?.departments).toEqual(['Ministry of Justice']);
  });

  it('asks only for fields the Search API defines, and for every consultation phase', () => {
    const fields = read(join(SEARCH, 'search-api-field_definitions.json')) as Record<
      string,
      unknown
    >;
    const url = new URL(consultationSearchUrl('SEND', 10));
    for (const field of url.searchParams.getAll('fields')) expect(fields).toHaveProperty(field);
    expect(url.searchParams.getAll('filter_content_store_document_type').sort()).toEqual(
      Object.keys(PHASE).sort(),
    );
  });
});

describe('a followed real consultation', () => {
  const item = (name: string) =>
    toLiveConsultation(ConsultationContentItem.parse(read(join(ITEMS, 'current', `${name}.json`))));

  it('keeps what a withdrawal is told from', () => {
    expect(consultationSnapshot(item('consultation_withdrawn'))).toEqual({
      kind: 'consultation',
      state: 'withdrawn',
      closesOn: '2216-12-16',
      withdrawnOn: '2016-11-12',
    });
  });
});

describe('the fixture site’s Content API payloads, against GOV.UK’s own schema and publisher', () => {
  type Schema = {
    required: string[];
    properties: Record<string, unknown> & { links: { properties: Record<string, unknown> } };
    definitions: { details: { required: string[]; properties: Record<string, unknown> } };
  };
  const schemas: Record<string, Schema> = {
    consultation: read(join(ITEMS, 'consultation-frontend-schema.json')),
    // A consultation's HTML documents (publishing-api @ 64d2c150, copied beside its examples).
    html_publication: read('tests/fixtures/real/govuk/html_publication-frontend-schema.json'),
  };
  const payloads = jsonIn(join(API_ROOT, 'www.gov.uk')).map(
    (file) => [file.slice(API_ROOT.length + 1), read(file)] as const,
  );

  it.each(payloads)('%s', (_file, payload) => {
    const schema = schemas[payload.schema_name];
    if (!schema) throw new Error(`no schema for ${payload.schema_name}`);
    const keys = (value: object) => Object.keys(value).sort();
    // The schema allows no other keys, at the top, in `details` or in `links`.
    expect(keys(payload)).toEqual(expect.arrayContaining(schema.required));
    for (const key of keys(payload)) expect(schema.properties).toHaveProperty(key);
    for (const key of keys(payload.details))
      expect(schema.definitions.details.properties).toHaveProperty(key);
    expect(keys(payload.details)).toEqual(
      expect.arrayContaining(schema.definitions.details.required),
    );
    for (const key of keys(payload.links))
      expect(schema.properties.links.properties).toHaveProperty(key);
    if (payload.schema_name !== 'consultation') return;
    // What Whitehall's ConsultationPresenter sends for the phase: an outcome's detail only once
    // it is published, ways to respond only while open, and never an outcome date.
    expect(payload.details).not.toHaveProperty('final_outcome_publication_date');
    if (payload.document_type !== 'consultation_outcome') {
      expect(payload.details).not.toHaveProperty('final_outcome_detail');
    }
    if (payload.document_type !== 'open_consultation') {
      expect(payload.details).not.toHaveProperty('ways_to_respond');
    }
  });
});
