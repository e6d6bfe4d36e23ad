import type { LiveAnswer } from '../live/live-fetcher';
import { MAX_PETITIONS_PER_DEBATE } from '../live/live-view';
import type { PageContext, PageKind } from '../pages/context';
import { stripTags } from '../pages/text';
import { consultationRecord } from '../sources/govuk-content-api';
import { debateRecord, debateText, ownSectionKeys } from '../sources/hansard-api';
import { petitionRecord, toLivePetition } from '../sources/petitions-api';
import type { LiveRequest } from '../sources/request';
import {
  consultationSearchUrl,
  contributionSearchUrl,
  debateSearchUrl,
  GovukSearchResults,
  HansardContributionResults,
  HansardDebateResults,
  PetitionList,
  parliamentsAround,
  petitionSearchUrl,
} from '../sources/search-apis';
import {
  consultationCandidates,
  contributionCandidates,
  debateCandidates,
  linkCandidate,
  livePetitionCandidate,
  mentionsPetition,
  petitionCandidates,
  quotesTitle,
} from './candidates';
import { type Candidate, EVIDENCE, type Evidence, rank } from './rank';
import type { RelatedItem, RelatedView } from './related-item';
import { isAcronym, keyPhrase, keyTerms, type WeightedText } from './terms';

type Get = <T>(request: LiveRequest<T>) => Promise<LiveAnswer<T>>;

/** Items shown per kind of related page. */
const MAX_PER_GROUP = 5;
/** Results asked of each search. */
const SEARCH_SIZE = 10;
/**
 * Requests one page's related list may make when nothing is cached (the bench's
 * `related_requests_per_page_max`); what is left after the page's own record and its
 * searches goes to the petitions archives, one archived Parliament per request.
 */
export const REQUEST_BUDGET = 8;

/** One search a page's related list is built from; null when the site did not answer. */
interface Search {
  site: string;
  run: () => Promise<Candidate[] | null>;
}

/** What a page is about, from its own record at the site, and what it points to. */
interface Subject {
  parts: WeightedText[];
  departments: string[];
  /** Candidates from explicit evidence: links on the page, the site's own notes. */
  explicit: Candidate[];
  searches: (query: Query) => Search[];
  /** Pages that are this page in another form (a debate's parent and child sections): never related. */
  itself?: Set<string>;
  /** When the page's business happened (ISO), to search the petitions archive of its Parliament first. */
  date: string | null;
  /** Requests beyond those asked for: a live petition path the site redirected to its archive. */
  redirects?: number;
}

interface Query {
  /** For sites whose search wants every word: the page's leading acronym or key phrase. */
  phrase: string;
  /** For sites that rank any-word matches: the strongest few terms. */
  terms: string;
}

const linked = (reason: string, weight: number): Evidence => ({ reason, weight, explicit: true });

function search<T>(
  get: Get,
  site: string,
  request: LiveRequest<T>,
  toCandidates: (data: T) => Candidate[],
): Search {
  return {
    site,
    run: async () => {
      const answer = await get(request);
      if (answer.data !== null) return toCandidates(answer.data);
      // Not in the cache is no failure of the site's: it was never asked.
      return request.cachedOnly ? [] : null;
    },
  };
}

/**
 * Petitions of the current Parliament (`parliament` null) or of one archived Parliament;
 * `cachedOnly`: as far as an earlier page's search of that archive is cached, asking nothing.
 */
function petitionSearch(
  get: Get,
  phrase: string,
  parliament: number | null,
  cachedOnly = false,
): Search {
  return search(
    get,
    'Petitions',
    {
      url: petitionSearchUrl(phrase, parliament, SEARCH_SIZE),
      source: 'petitions',
      schema: PetitionList,
      cachedOnly,
    },
    (list) => petitionCandidates(list),
  );
}

function debateSearch(get: Get, term: string, evidence: Evidence[], matchedText = ''): Search {
  return search(
    get,
    'Hansard',
    { url: debateSearchUrl(term, SEARCH_SIZE), source: 'hansard', schema: HansardDebateResults },
    (results) => debateCandidates(results, evidence, matchedText),
  );
}

/** Debates in which someone said `term`: Hansard's debate search reads titles only. */
function speechSearch(
  get: Get,
  term: string,
  evidenceOf: (text: string) => Evidence[] = () => [],
): Search {
  return search(
    get,
    'Hansard',
    {
      url: contributionSearchUrl(term, SEARCH_SIZE),
      source: 'hansard',
      schema: HansardContributionResults,
    },
    (results) => contributionCandidates(results, evidenceOf),
  );
}

function consultationSearch(get: Get, terms: string): Search {
  return search(
    get,
    'GOV.UK',
    { url: consultationSearchUrl(terms, SEARCH_SIZE), source: 'govuk', schema: GovukSearchResults },
    consultationCandidates,
  );
}

/** Links the page itself shows: the strongest evidence there is, except for `skip` (page furniture). */
function pageLinks(context: PageContext, skip: Set<string> = new Set()): Candidate[] {
  return context.links
    .filter((link) => !skip.has(link.key))
    .flatMap(
      (link) =>
        linkCandidate(
          link.url,
          link.label,
          linked('linked from this page', EVIDENCE.linkedFromPage),
        ) ?? [],
    );
}

const URLS = /https:\/\/[^\s)\]]+/g;

async function petitionSubject(
  context: Extract<PageContext, { kind: 'petition' }>,
  get: Get,
): Promise<Subject> {
  const number = context.petitionNumber;
  const answer = await get(petitionRecord(number, context.archived));
  const a = answer.data?.data.attributes;
  const business = a?.other_parliamentary_business ?? [];
  const explicit = [
    ...pageLinks(context),
    // The petitions site's own notes to signers link the related business.
    ...business.flatMap((item) =>
      [...item.body.matchAll(URLS)].flatMap(
        ([url]) =>
          linkCandidate(
            url,
            item.subject,
            linked('in the petitions site’s notes on related business', EVIDENCE.siteNotes),
          ) ?? [],
      ),
    ),
    ...(a?.debate?.transcript_url
      ? [
          linkCandidate(
            a.debate.transcript_url,
            'The debate on this petition',
            linked('the debate on this petition', EVIDENCE.debateOfPetition),
          ),
        ]
      : []
    ).flatMap((candidate) => candidate ?? []),
  ];
  return {
    parts: [
      { text: a?.action ?? context.title ?? '', weight: 3 },
      { text: `${a?.background ?? ''} ${a?.additional_details ?? ''}`, weight: 1 },
      { text: a?.government_response?.summary ?? context.response?.summary ?? '', weight: 1 },
      ...business.map((item) => ({ text: `${item.subject} ${item.body}`, weight: 0.3 })),
    ],
    departments: (a?.departments ?? []).map((department) => department.name),
    explicit,
    date: a?.opened_at ?? null,
    searches: ({ phrase, terms }) => [
      // Every debate in which someone named the petition, in either House, Chamber or Westminster Hall.
      speechSearch(get, String(number), (text) =>
        mentionsPetition(text, number)
          ? [linked(`mentions e-petition ${number}`, EVIDENCE.mentionsPetition)]
          : [],
      ),
      // Speakers also cite a petition by its title; the search wants every word, so a quote is found.
      ...(a?.action
        ? [
            speechSearch(get, a.action, (text) =>
              quotesTitle(text, a.action)
                ? [linked('quotes this petition’s title', EVIDENCE.mentionsPetition)]
                : [],
            ),
          ]
        : []),
      debateSearch(get, phrase, [], phrase),
      consultationSearch(get, terms),
      petitionSearch(get, phrase, null),
    ],
  };
}

async function consultationSubject(
  context: Extract<PageContext, { kind: 'consultation' }>,
  get: Get,
): Promise<Subject> {
  const answer = await get(consultationRecord(new URL(context.url).pathname));
  const item = answer.data;
  return {
    parts: [
      { text: item?.title ?? context.title ?? '', weight: 3 },
      { text: item?.description ?? '', weight: 2 },
      { text: stripTags(item?.details.body ?? ''), weight: 0.5 },
    ],
    departments: (item?.links.organisations ?? []).map((organisation) => organisation.title),
    explicit: pageLinks(context),
    date: item?.details.opening_date ?? item?.first_published_at ?? null,
    searches: ({ phrase }) => [
      petitionSearch(get, phrase, null),
      debateSearch(get, phrase, [], phrase),
      // A consultation is rarely a debate's title; Parliament speaks of it in debates on wider subjects.
      speechSearch(get, phrase),
    ],
  };
}

/** "That this House has considered e-petitions 654321 and 701234": the petitions debated, not just mentioned. */
const CONSIDERED = /considered e-petitions?\s+((?:\d+(?:,\s*|\s+and\s+)?)+)/gi;

async function debateSubject(
  context: Extract<PageContext, { kind: 'debate' }>,
  get: Get,
): Promise<Subject> {
  const answer = await get(debateRecord(context.debateId));
  const text = answer.data ? debateText(answer.data) : '';
  // Hansard links each debate to the ones before and after it in the sitting, whatever their subject.
  const overview = answer.data?.Overview;
  const neighbours = new Set(
    [overview?.NextDebateExtId, overview?.PreviousDebateExtId].flatMap((id) =>
      id ? [`debate:${id.toUpperCase()}`] : [],
    ),
  );
  const debated = new Set(
    [...text.matchAll(CONSIDERED)]
      .flatMap((match) => (match[1] ?? '').match(/\d+/g) ?? [])
      .map(Number),
  );
  // The same requests the live view makes, so these come from its cache.
  let redirects = 0;
  const mentioned = await Promise.all(
    context.petitionNumbers.slice(0, MAX_PETITIONS_PER_DEBATE).map(async (number) => {
      const petition = await get(petitionRecord(number, false));
      // Asked at its live path, an archived petition costs a second request (the site's 302).
      if (petition.data?.data.type === 'archived-petition') redirects += 1;
      const evidence = linked(
        debated.has(number)
          ? `e-petition ${number} is debated here`
          : `this debate mentions e-petition ${number}`,
        EVIDENCE.mentionsPetition,
      );
      return petition.data
        ? livePetitionCandidate(toLivePetition(petition.data), [evidence])
        : linkCandidate(
            `https://petition.parliament.uk/petitions/${number}`,
            `e-petition ${number}`,
            evidence,
          );
    }),
  );
  return {
    parts: [
      { text: answer.data?.Overview.Title ?? context.title ?? '', weight: 3 },
      { text, weight: 0.2 },
    ],
    departments: [],
    explicit: [
      ...pageLinks(context, neighbours),
      ...mentioned.flatMap((candidate) => candidate ?? []),
    ],
    date: answer.data?.Overview.Date ?? null,
    redirects,
    searches: ({ phrase, terms }) => [
      consultationSearch(get, terms),
      debateSearch(get, phrase, [], phrase),
      petitionSearch(get, phrase, null),
    ],
    itself: answer.data ? ownSectionKeys(answer.data) : new Set(),
  };
}

/** Which kinds of related page come first on each kind of page. */
const GROUP_ORDER: Record<PageKind, PageKind[]> = {
  petition: ['debate', 'consultation', 'petition'],
  consultation: ['petition', 'debate', 'consultation'],
  debate: ['petition', 'consultation', 'debate'],
};

/** Petitions with explicit evidence, then open ones (they can still be signed), then by score. */
function byOpenFirst(a: RelatedItem, b: RelatedItem): number {
  return (
    Number(b.explicit) - Number(a.explicit) ||
    Number(b.state === 'open') - Number(a.state === 'open') ||
    b.score - a.score
  );
}

/**
 * The pages related to this one, grouped by kind and ranked: candidates from
 * the page's explicit links and from a handful of searches (at most
 * `REQUEST_BUDGET` requests, each cached), scored by `rank`.
 */
export async function relatedFor(
  context: PageContext,
  ask: Get,
  { cameFrom }: { cameFrom: { key: string; title: string | null } | null } = { cameFrom: null },
): Promise<Omit<RelatedView, 'thread' | 'threadSkipped'>> {
  let asked = 0;
  const get: Get = (request) => {
    asked += 1;
    return ask(request);
  };
  const subject =
    context.kind === 'petition'
      ? await petitionSubject(context, get)
      : context.kind === 'consultation'
        ? await consultationSubject(context, get)
        : await debateSubject(context, get);
  const terms = keyTerms(subject.parts);
  // An acronym that leads the page's terms (SEND, SENCO) names its subject best; else its key phrase.
  const top = terms[0];
  const phrase =
    (top && isAcronym(top.token) ? top.label : null) ??
    keyPhrase(subject.parts) ??
    top?.label ??
    '';
  const fixed = phrase
    ? subject.searches({
        phrase,
        terms: terms
          .slice(0, 5)
          .map((t) => t.label)
          .join(' '),
      })
    : [];
  // The petitions search wants every word, so a phrase ("north sea") misses petitions on the
  // subject that never use it ("oil drilling in national parks"): the page's strongest term
  // alone finds those too, and ranking keeps the ones that share the subject. A leading
  // acronym is the subject already.
  const broader =
    phrase && top && !isAcronym(phrase) && phrase !== top.label
      ? [{ q: top.label, parliament: null }]
      : [];
  // Then the archives of the page's own Parliament and the ones around it, nearest first. They
  // are asked of the site as far as the budget goes; the rest are read from the cache, where a
  // page nearer them in time left its answer (an archived Parliament takes no new petitions,
  // so that answer still holds its petitions).
  const archives = (phrase ? parliamentsAround(subject.date) : []).map(({ id }) => ({
    q: phrase,
    parliament: id,
  }));
  const left = REQUEST_BUDGET - asked - (subject.redirects ?? 0) - fixed.length;
  const extra = [...broader, ...archives].map(({ q, parliament }, i) =>
    petitionSearch(get, q, parliament, i >= left),
  );
  const searches = [...fixed, ...extra];
  const found = await Promise.all(searches.map((s) => s.run()));
  const failed = [...new Set(searches.filter((_, i) => found[i] === null).map((s) => s.site))];
  const candidates = [...found.flatMap((list) => list ?? []), ...subject.explicit].filter(
    (candidate) => !subject.itself?.has(candidate.key),
  );
  if (cameFrom) {
    for (const candidate of candidates) {
      if (candidate.key === cameFrom.key) {
        candidate.evidence.push(
          linked(`you came here from ${cameFrom.title ?? 'it'}`, EVIDENCE.cameFrom),
        );
      }
    }
  }
  const ranked = rank(candidates, { key: context.key, terms, departments: subject.departments });
  const groups = GROUP_ORDER[context.kind].map((kind) => {
    const items: RelatedItem[] = ranked
      .filter((item) => item.kind === kind)
      .slice(0, MAX_PER_GROUP)
      .map(({ text, departments, evidence, ...item }) => item);
    return { kind, items: kind === 'petition' ? items.sort(byOpenFirst) : items };
  });
  return { groups, failed };
}
