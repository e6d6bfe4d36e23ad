import { HOSTS } from '../pages/hosts';
import { z } from '../zod';
import { HANSARD_API_HOST } from './hansard-api';
import { PetitionAttributes } from './petitions-api';

/**
 * The three sites' search APIs: the shapes the related-items search reads.
 * Strict on the fields used, silent about the rest (see tests/fixtures/README.md
 * for where each shape comes from).
 */

/**
 * A search answer's list, read item by item: one result in an odd shape is dropped, the
 * rest are kept (a whole answer refused for one bad item would hide everything else).
 */
function eachValid<T>(item: z.ZodMiniType<T>) {
  return z.pipe(
    z.array(z.unknown()),
    z.transform((items: unknown[]) =>
      items.flatMap((value) => {
        const parsed = item.safeParse(value);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
  );
}

/** `/petitions.json?q=` and `/archived/petitions.json?q=` (e-petitions `index.json.jbuilder`). */
export const PetitionList = z.object({
  data: eachValid(
    z.object({
      type: z.enum(['petition', 'archived-petition']),
      id: z.number().check(z.int(), z.positive()),
      attributes: PetitionAttributes,
    }),
  ),
});
export type PetitionList = z.infer<typeof PetitionList>;

/**
 * The Parliaments petition.parliament.uk keeps archives of, oldest first, with the ids its
 * `/archived/petitions.json?parliament=` takes: 1, 2 and 3 as the real archived list answers
 * name them (../shared/real/petitions/json/archived-list-p*; SOURCES.md), 4 (2019–2024) the one
 * archived since. `dissolvedOn` is the day each ended (the answers' `dissolution_at`).
 */
export const ARCHIVED_PARLIAMENTS = [
  { id: 2, period: '2010-2015', dissolvedOn: '2015-03-30' },
  { id: 1, period: '2015-2017', dissolvedOn: '2017-05-03' },
  { id: 3, period: '2017-2019', dissolvedOn: '2019-11-06' },
  { id: 4, period: '2019-2024', dissolvedOn: '2024-05-30' },
] as const;
export type ArchivedParliament = (typeof ARCHIVED_PARLIAMENTS)[number];

/**
 * The archived Parliaments to search for a page of `date` (ISO; null: today), its own first,
 * then the ones nearest it in time. An archived search without `parliament=` covers only the
 * latest archived Parliament, so each has to be asked for by id.
 */
export function parliamentsAround(date: string | null): ArchivedParliament[] {
  const day = date?.slice(0, 10) ?? null;
  const found = day ? ARCHIVED_PARLIAMENTS.findIndex((p) => day < p.dissolvedOn) : -1;
  // A page after the last dissolution belongs to the current Parliament, one past the archives.
  const own = found === -1 ? ARCHIVED_PARLIAMENTS.length : found;
  return ARCHIVED_PARLIAMENTS.map((parliament, i) => ({ parliament, distance: Math.abs(i - own) }))
    .sort((a, b) => a.distance - b.distance || b.parliament.id - a.parliament.id)
    .map(({ parliament }) => parliament);
}

/**
 * Petitions with every word of `q` in one of their title, background or details; most
 * signatures first; rejected ones included (`state=all`). `parliament`: that archived
 * Parliament's petitions, null for the current Parliament's.
 */
export function petitionSearchUrl(q: string, parliament: number | null, count: number): string {
  const url = new URL(
    `https://${HOSTS.petitions}/${parliament === null ? '' : 'archived/'}petitions.json`,
  );
  url.searchParams.set('q', q);
  url.searchParams.set('state', 'all');
  url.searchParams.set('count', String(count));
  if (parliament !== null) url.searchParams.set('parliament', String(parliament));
  return url.toString();
}

/** GOV.UK Search API (alphagov/search-api), with the fields asked for below. */
export const GovukSearchResults = z.object({
  results: eachValid(
    z.object({
      title: z.string(),
      link: z.string(),
      description: z.optional(z.nullable(z.string())),
      content_store_document_type: z.optional(z.string()),
      start_date: z.optional(z.nullable(z.string())),
      end_date: z.optional(z.nullable(z.string())),
      /**
       * search-api's `EntityExpander` replaces each indexed slug with its entry in the
       * organisations registry, merged with `{slug}`; a slug the registry lacks comes back
       * as `{slug}` alone, without a title.
       */
      organisations: z._default(
        z.array(z.object({ slug: z.optional(z.string()), title: z.optional(z.string()) })),
        [],
      ),
    }),
  ),
});
export type GovukSearchResults = z.infer<typeof GovukSearchResults>;

/** Every phase, not-yet-open (`consultation`) included, as `document_type` names them. */
const CONSULTATION_TYPES = [
  'consultation',
  'open_consultation',
  'closed_consultation',
  'consultation_outcome',
] as const;

/** Consultations most relevant to `q` (any word may match; the site ranks them). */
export function consultationSearchUrl(q: string, count: number): string {
  const url = new URL(`https://${HOSTS.govuk}/api/search.json`);
  url.searchParams.set('q', q);
  url.searchParams.set('count', String(count));
  for (const type of CONSULTATION_TYPES) {
    url.searchParams.append('filter_content_store_document_type', type);
  }
  for (const field of [
    'title',
    'link',
    'description',
    'content_store_document_type',
    'start_date',
    'end_date',
    'organisations',
  ]) {
    url.searchParams.append('fields', field);
  }
  return url.toString();
}

/** Hansard `/search/debates.json`: debates whose title holds every word of the term (not their speeches). */
export const HansardDebateResults = z.object({
  Results: eachValid(
    z.object({
      DebateSection: z.optional(z.nullable(z.string())),
      SittingDate: z.string(),
      House: z.string(),
      Title: z.string(),
      DebateSectionExtId: z.string().check(z.minLength(1)),
    }),
  ),
});
export type HansardDebateResults = z.infer<typeof HansardDebateResults>;

export function debateSearchUrl(term: string, take: number): string {
  const url = new URL(`https://${HANSARD_API_HOST}/search/debates.json`);
  url.searchParams.set('queryParameters.searchTerm', term);
  url.searchParams.set('queryParameters.skip', '0');
  url.searchParams.set('queryParameters.take', String(take));
  return url.toString();
}

/**
 * Hansard `/search/contributions/Spoken.json` (the Swagger's `SearchContributionsQueryResult`):
 * spoken contributions holding the term, each with its debate (`DebateSection` is the debate's
 * title, `Section` where it was held).
 */
export const HansardContributionResults = z.object({
  Results: eachValid(
    z.object({
      ContributionText: z.optional(z.nullable(z.string())),
      /** The whole contribution (HTML); `ContributionText` is an excerpt that may stop short. */
      ContributionTextFull: z.optional(z.nullable(z.string())),
      DebateSection: z.string(),
      DebateSectionExtId: z.string().check(z.minLength(1)),
      SittingDate: z.string(),
      Section: z.optional(z.nullable(z.string())),
      House: z.string(),
    }),
  ),
});
export type HansardContributionResults = z.infer<typeof HansardContributionResults>;

export function contributionSearchUrl(term: string, take: number): string {
  const url = new URL(`https://${HANSARD_API_HOST}/search/contributions/Spoken.json`);
  url.searchParams.set('queryParameters.searchTerm', term);
  url.searchParams.set('queryParameters.skip', '0');
  url.searchParams.set('queryParameters.take', String(take));
  return url.toString();
}

/** The page URL of a Hansard debate: the slug is the title in PascalCase, as Hansard writes it. */
export function debatePageUrl(house: string, sittingDate: string, extId: string, title: string) {
  const slug = title
    .split(/[^\p{L}\p{N}]+/u)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  return `https://${HOSTS.hansard}/${house}/${sittingDate.slice(0, 10)}/debates/${extId}/${slug}`;
}
