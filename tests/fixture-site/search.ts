// The sites' search APIs, answered from the fixture files, with each site's own
// matching rules as far as its source or documentation tells them:
// - petition.parliament.uk (alphagov/e-petitions `Searchable`): Postgres full-text
//   search with English stemming, every word must match; most signatures first.
// - GOV.UK Search API (alphagov/search-api): relevance over title, description and
//   indexed body, any word may match; unknown parameters are a 422.
// - Hansard (its Swagger, ../shared/real/hansard/api): `/search/debates.json` finds debates
//   "for the given house, date range and title (from search term)": every word must be in
//   the title; `/search/contributions/Spoken.json` finds the spoken contributions that
//   contain every word, as `SearchReferencesItem`s.
// Matching here is a small imitation (lower case, crude stemming), enough for the
// extension's ranking to meet the same false friends the real search returns.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARCHIVED_PARLIAMENTS } from '../../utils/sources/search-apis';

const STOP = new Set(
  'a an and are as at be by for from has have in into is it its of on or that the their this to was were will with'.split(
    ' ',
  ),
);

/**
 * A word's stem, as an English stemmer (Postgres' `english`, Elasticsearch's) makes it, roughly:
 * plurals and -ing/-ed endings off, so "homes" meets "home", "drills" "drilling", "parties" "party".
 */
function stem(word: string): string {
  const singular = word.endsWith('ies')
    ? `${word.slice(0, -3)}y`
    : /(s|x|z|ch|sh)es$/.test(word)
      ? word.slice(0, -2)
      : /[^su]s$/.test(word)
        ? word.slice(0, -1)
        : word;
  const bare = singular.replace(/(ing|ed)$/, '');
  return bare.length >= 3 ? bare : singular;
}

/** Lower-cased word stems, as a stemming full-text index would hold them. */
function stems(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((word) => !STOP.has(word)).map(stem);
}

const stripTags = (html: string) => html.replace(/<[^>]*>/g, ' ');

function readJsonDir(dir: string): unknown[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')));
  } catch {
    return [];
  }
}

export interface SearchAnswer {
  status: number;
  body: unknown;
}

// --- petition.parliament.uk ------------------------------------------------------
// Rules from alphagov/e-petitions @ c87c8b6037429f8feb9180f7306e6a21399c1659:
// - `PetitionsController#retrieve_petitions` searches `Petition.visible` (open, closed, rejected);
//   `Archived::PetitionsController#fetch_petitions` searches `Archived::Petition.visible` (closed,
//   rejected). `state=all` is the `:all` facet, no state filter: rejected petitions are in it
//   (`app/models/petition.rb`, `app/models/archived/petition.rb`).
// - Without `parliament=`, an archived search covers `Parliament.archived.first` alone, the most
//   recently archived Parliament (`fetch_parliament`, `Parliament.archived` orders by
//   `archived_at desc`); `parliament=N` filters to that Parliament (`filter :parliament`), a
//   non-number is a 400 (`parliament_id`), an unknown one a 404 (`find`).
// - `q` is textacular's `basic_search` over `Searchable(:action, :background, :additional_details)`:
//   `to_tsvector('english', column) @@ plainto_tsquery('english', q)` for each column, joined
//   with OR: every word must be in one field, not spread across them.
// - Most signatures first (`by_most_popular`, `by_most_signatures`), search rank dropped
//   (`Browseable::Search#execute_search` calls `except(:order)` before the facet's order).
// - `count` must match /\A(?:[1-9]|[1-5][0-9])\z/ else the default 25 (`default_page_size`),
//   then at most 50 (`max_page_size`); `page` must match /\A[1-9][0-9]{0,4}\z/ else 1.
// - `links` (`index.json.jbuilder`): `self` is the request; `first`/`last`/`next`/`prev` carry
//   `q`, `state` and `count` when asked and `page` when not 1 (`Browseable::Search#new_params`);
//   the real archived answers asked with `state=all` name no `parliament=` in them
//   (../shared/real/petitions/json/archived-list-p1-all-page1, -p2-all-page4), those asked with
//   another state do (archived-list-p3-published).

type PetitionFile = {
  data: {
    type: string;
    id: number;
    parliament?: { period: string };
    attributes: Record<string, unknown> & {
      action: string;
      background?: string | null;
      additional_details?: string | null;
      state: string;
      signature_count: number;
      government_response: unknown;
      debate: { debated_on: string | null } | null;
    };
  };
};

/** Only a single petition's JSON has these (show.json.jbuilder), not a list's items. */
const SHOW_ONLY = [
  'signatures_by_country',
  'signatures_by_constituency',
  'signatures_by_region',
  'other_parliamentary_business',
];

type Attributes = PetitionFile['data']['attributes'];
const LIVE_STATES: Record<string, (a: Attributes) => boolean> = {
  all: () => true,
  open: (a) => a.state === 'open',
  closed: (a) => a.state === 'closed',
  rejected: (a) => a.state === 'rejected',
  with_response: (a) => a.government_response !== null,
  awaiting_response: (a) => a.government_response === null && a.state !== 'rejected',
  debated: (a) => Boolean(a.debate?.debated_on),
  not_debated: (a) => a.debate !== null && !a.debate.debated_on,
};
const ARCHIVED_STATES: Record<string, (a: Attributes) => boolean> = {
  ...LIVE_STATES,
  published: (a) => a.state === 'closed',
};
const VISIBLE = { live: ['open', 'closed', 'rejected'], archived: ['closed', 'rejected'] };

const VALID_PAGE = /^[1-9][0-9]{0,4}$/;
const VALID_PAGE_SIZE = /^(?:[1-9]|[1-5][0-9])$/;

/** `words` all in one of the petition's searchable fields. */
function petitionMatches(a: Attributes, words: string[]): boolean {
  return [a.action, a.background, a.additional_details].some((field) => {
    const have = new Set(stems(field ?? ''));
    return words.every((word) => have.has(word));
  });
}

export function searchPetitions(apiRoot: string, url: URL, archived: boolean): SearchAnswer {
  const base = `https://petition.parliament.uk/${archived ? 'archived/' : ''}petitions`;
  const dir = join(
    apiRoot,
    'petition.parliament.uk',
    ...(archived ? ['archived'] : []),
    'petitions',
  );
  const params = url.searchParams;
  const state = params.get('state') ?? 'all';
  const inState = (archived ? ARCHIVED_STATES : LIVE_STATES)[state];
  if (!inState) return { status: 400, body: { error: `Unknown state: ${state}` } };
  let parliament: string | null = null;
  if (archived) {
    const asked = params.get('parliament');
    if (asked !== null && !/^\d+$/.test(asked)) {
      return { status: 400, body: { error: `Invalid petition id: ${asked}` } };
    }
    const found = ARCHIVED_PARLIAMENTS.find(({ id }) => String(id) === (asked ?? ''));
    if (asked !== null && !found) return { status: 404, body: { error: 'Not Found' } };
    parliament = (found ?? ARCHIVED_PARLIAMENTS[ARCHIVED_PARLIAMENTS.length - 1])?.period ?? null;
  }
  const wanted = stems(params.get('q') ?? '');
  const countParam = params.get('count');
  const count = Math.min(50, VALID_PAGE_SIZE.test(countParam ?? '') ? Number(countParam) : 25);
  const page = VALID_PAGE.test(params.get('page') ?? '') ? Number(params.get('page')) : 1;
  const visible = archived ? VISIBLE.archived : VISIBLE.live;
  const matches = (readJsonDir(dir) as PetitionFile[])
    .filter(({ data }) => !archived || data.parliament?.period === parliament)
    .filter(({ data }) => visible.includes(data.attributes.state) && inState(data.attributes))
    .filter(({ data }) => wanted.length === 0 || petitionMatches(data.attributes, wanted))
    .sort((a, b) => b.data.attributes.signature_count - a.data.attributes.signature_count);
  const last = Math.max(1, Math.ceil(matches.length / count));
  const pageUrl = (n: number) => {
    const next = new URL(`${base}.json`);
    if (params.get('q')) next.searchParams.set('q', params.get('q') ?? '');
    if (params.has('state')) next.searchParams.set('state', state);
    if (countParam !== null) next.searchParams.set('count', String(count));
    if (n > 1) next.searchParams.set('page', String(n));
    if (parliament && params.has('parliament') && state !== 'all') {
      next.searchParams.set('parliament', params.get('parliament') ?? '');
    }
    next.searchParams.sort();
    return next.toString();
  };
  return {
    status: 200,
    body: {
      links: {
        self: url.toString(),
        first: pageUrl(1),
        last: pageUrl(last),
        next: page < last ? pageUrl(page + 1) : null,
        prev: page > 1 ? pageUrl(page - 1) : null,
      },
      data: matches.slice((page - 1) * count, page * count).map(({ data }) => ({
        type: data.type,
        id: data.id,
        links: { self: `${base}/${data.id}.json` },
        // An archived list item carries its Parliament beside its attributes (archived-list-*).
        ...(data.parliament ? { parliament: data.parliament } : {}),
        attributes: Object.fromEntries(
          Object.entries(data.attributes).filter(([key]) => !SHOW_ONLY.includes(key)),
        ),
      })),
    },
  };
}

// --- GOV.UK Search API -------------------------------------------------------------

type ContentItem = {
  base_path: string;
  content_id: string;
  locale: string;
  title: string;
  description?: string;
  document_type: string;
  public_updated_at?: string;
  details: { body?: string; opening_date?: string; closing_date?: string };
  links: {
    organisations?: OrganisationLink[];
  };
};

type OrganisationLink = {
  title: string;
  base_path: string;
  content_id: string;
  analytics_identifier?: string;
  public_updated_at?: string;
  details?: { brand?: string; logo?: { formatted_title?: string; crest?: string } };
};

/**
 * search-api indexes a page's organisations as slugs, and its `EntityExpander` answers each
 * with the organisations registry's entry (the fields `Search::Registries#organisations`
 * lists) merged with `{slug}`; a slug the registry lacks comes back as `{slug}` alone. Here
 * the registry is the organisations whose link items carry their details (brand and logo,
 * as an organisation document in the government index does); the real example items' links
 * do not, so their organisations come back as slugs.
 */
function expandOrganisation(org: OrganisationLink) {
  const slug = org.base_path.split('/').pop() ?? '';
  if (!org.details) return { slug };
  return {
    slug,
    content_id: org.content_id,
    link: org.base_path,
    title: org.title,
    organisation_state: 'live',
    logo_formatted_title: org.details.logo?.formatted_title,
    organisation_brand: org.details.brand,
    organisation_crest: org.details.logo?.crest,
    public_timestamp: org.public_updated_at,
    analytics_identifier: org.analytics_identifier,
  };
}

const GOVUK_PARAMS = new Set([
  'q',
  'count',
  'start',
  'order',
  'fields',
  'filter_content_store_document_type',
  'filter_organisations',
]);

export function searchGovuk(apiRoot: string, url: URL): SearchAnswer {
  for (const key of url.searchParams.keys()) {
    if (!GOVUK_PARAMS.has(key)) {
      return { status: 422, body: { error: `"${key}" is not a valid parameter` } };
    }
  }
  const types = url.searchParams.getAll('filter_content_store_document_type');
  const organisations = url.searchParams.getAll('filter_organisations');
  const fields = url.searchParams.getAll('fields');
  const wanted = stems(url.searchParams.get('q') ?? '');
  const count = Number(url.searchParams.get('count') ?? 10) || 10;
  const start = Number(url.searchParams.get('start') ?? 0) || 0;
  const items = (
    readJsonDir(
      join(apiRoot, 'www.gov.uk', 'api', 'content', 'government', 'consultations'),
    ) as ContentItem[]
  )
    // The search index holds English editions.
    .filter((item) => item.locale === 'en')
    .filter((item) => types.length === 0 || types.includes(item.document_type))
    .filter(
      (item) =>
        organisations.length === 0 ||
        (item.links.organisations ?? []).some((org) =>
          organisations.includes(org.base_path.split('/').pop() ?? ''),
        ),
    );
  const scored = items
    .map((item) => {
      const title = stems(item.title);
      const description = stems(item.description ?? '');
      const body = stems(stripTags(item.details.body ?? ''));
      const score = wanted.reduce(
        (sum, word) =>
          sum +
          (title.includes(word) ? 3 : 0) +
          (description.includes(word) ? 2 : 0) +
          (body.includes(word) ? 1 : 0),
        0,
      );
      return { item, score: wanted.length === 0 ? 1 : score };
    })
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.item.base_path.localeCompare(b.item.base_path));
  const field = (item: ContentItem, name: string): unknown => {
    switch (name) {
      case 'title':
        return item.title;
      case 'link':
        return item.base_path;
      case 'description':
        return item.description ?? '';
      case 'public_timestamp':
        return item.public_updated_at;
      case 'content_store_document_type':
        return item.document_type;
      case 'start_date':
        return item.details.opening_date;
      case 'end_date':
        return item.details.closing_date;
      case 'organisations':
        return (item.links.organisations ?? []).map(expandOrganisation);
      default:
        return undefined;
    }
  };
  return {
    status: 200,
    body: {
      results: scored.slice(start, start + count).map(({ item, score }) => ({
        ...Object.fromEntries(fields.map((name) => [name, field(item, name)])),
        link: item.base_path,
        index: 'govuk',
        es_score: score,
        _id: item.base_path,
        // search-api's `ResultPresenter#add_debug_values`; consultations are `edition`s in the
        // govuk index (`config/govuk_index/mapped_document_types.yaml`).
        elasticsearch_type: 'edition',
        document_type: 'edition',
      })),
      total: scored.length,
      start,
      aggregates: {},
      suggested_queries: [],
      suggested_autocomplete: [],
      es_cluster: 'A',
    },
  };
}

// --- Hansard -------------------------------------------------------------------------

type DebateItem = {
  ItemType: string;
  ItemId: number;
  MemberId: number | null;
  AttributedTo: string | null;
  Value: string | null;
  OrderInSection: number;
  Timecode: string | null;
  ExternalId: string | null;
  HRSTag: string | null;
  HansardSection: string | null;
};
type DebateFile = {
  Overview: {
    Id: number;
    ExtId: string;
    Title: string;
    Date: string;
    Location?: string;
    House: string;
  };
  Items?: DebateItem[];
  ChildDebates?: DebateFile[];
};

function hansardQuery(url: URL) {
  const parameter = (name: string) => url.searchParams.get(`queryParameters.${name}`);
  const house = parameter('house');
  const startDate = parameter('startDate');
  const endDate = parameter('endDate');
  return {
    term: parameter('searchTerm') ?? '',
    /** The Swagger's `orderBy` enum: `SittingDateAsc`, `SittingDateDesc` (newest first unless asked). */
    order: (a: { Date: string }, b: { Date: string }) =>
      parameter('orderBy') === 'SittingDateAsc'
        ? a.Date.localeCompare(b.Date)
        : b.Date.localeCompare(a.Date),
    skip: Number(parameter('skip') ?? 0) || 0,
    take: Number(parameter('take') ?? 20) || 20,
    /** Every debate section (parents and their children) on the house and dates asked for. */
    sections(apiRoot: string): DebateFile[] {
      const all = (
        readJsonDir(join(apiRoot, 'hansard-api.parliament.uk', 'debates', 'debate')) as DebateFile[]
      ).flatMap(function withChildren(debate): DebateFile[] {
        return [debate, ...(debate.ChildDebates ?? []).flatMap(withChildren)];
      });
      const seen = new Set<string>();
      return all
        .filter(({ Overview }) => !seen.has(Overview.ExtId) && seen.add(Overview.ExtId))
        .filter(({ Overview }) => !house || Overview.House.toLowerCase() === house.toLowerCase())
        .filter(({ Overview }) => !startDate || Overview.Date.slice(0, 10) >= startDate)
        .filter(({ Overview }) => !endDate || Overview.Date.slice(0, 10) <= endDate);
    },
  };
}

export function searchHansardDebates(apiRoot: string, url: URL): SearchAnswer {
  const query = hansardQuery(url);
  const wanted = stems(query.term);
  const matches = query
    .sections(apiRoot)
    .filter(({ Overview }) => wanted.every((word) => stems(Overview.Title).includes(word)))
    .sort((a, b) => query.order(a.Overview, b.Overview));
  return {
    status: 200,
    body: {
      Results: matches.slice(query.skip, query.skip + query.take).map(({ Overview }) => ({
        DebateSection: Overview.Location ?? 'Commons Chamber',
        SittingDate: Overview.Date,
        House: Overview.House,
        Title: Overview.Title,
        Rank: 0,
        DebateSectionExtId: Overview.ExtId,
      })),
      TotalResultCount: matches.length,
    },
  };
}

export function searchHansardContributions(apiRoot: string, url: URL): SearchAnswer {
  const query = hansardQuery(url);
  const wanted = stems(query.term);
  const matches = query.sections(apiRoot).flatMap(({ Overview, Items }) =>
    (Items ?? [])
      .filter((item) => item.ItemType === 'Contribution' && item.MemberId !== null)
      .filter((item) => {
        const words = stems(stripTags(item.Value ?? ''));
        return wanted.every((word) => words.includes(word));
      })
      .map((item) => ({ Overview, item })),
  );
  matches.sort((a, b) => query.order(a.Overview, b.Overview));
  return {
    status: 200,
    body: {
      SearchTerms: [query.term],
      SpokenResultCount: matches.length,
      WrittenResultCount: 0,
      CorrectionsResultCount: 0,
      DivisionsResultCount: 0,
      Results: matches.slice(query.skip, query.skip + query.take).map(({ Overview, item }) => {
        const text = stripTags(item.Value ?? '')
          .replace(/\s+/g, ' ')
          .trim();
        return {
          MemberName: (item.AttributedTo ?? '').replace(/ \(.*$/, ''),
          MemberId: item.MemberId,
          AttributedTo: item.AttributedTo,
          ItemId: item.ItemId,
          ContributionExtId: item.ExternalId,
          ContributionText: text.length > 200 ? `${text.slice(0, 200)}...` : text,
          ContributionTextFull: item.Value,
          HRSTag: item.HRSTag,
          HansardSection: item.HansardSection,
          Timecode: item.Timecode,
          DebateSection: Overview.Title,
          DebateSectionId: Overview.Id,
          DebateSectionExtId: Overview.ExtId,
          SittingDate: Overview.Date,
          Section: Overview.Location ?? null,
          House: Overview.House,
          OrderInDebateSection: item.OrderInSection,
          DebateSectionOrder: 0,
          Rank: 0,
        };
      }),
      TotalResultCount: matches.length,
    },
  };
}
