import { DebateShape } from './context-shape';
import { HOSTS, isOn } from './hosts';
import { httpsHref } from './links';
import { type Extracted, type PageAddress, type PageReader, unreadTracker } from './page-module';
import { debateResponses } from './responses';
import { cleanText, isoDatePart, textOf } from './text';

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Hansard writes the house capitalised or not, the id as a GUID (either case) or a number. */
const PATH = new RegExp(
  `^/(commons|lords)/(\\d{4}-\\d{2}-\\d{2})/debates/(${GUID}|\\d+)(?:/[^/]+)?/?$`,
  'i',
);

/** "e-petition 752673" and "e-petitions 269157 and 237487" (Westminster Hall petition debates). */
const PETITION_MENTION = /e-petitions?\s+((?:\d{5,7})(?:(?:\s*,\s*|\s+and\s+)\d{5,7})*)/gi;

/**
 * The sections Hansard files debates under, as the API's `Location` and the breadcrumb name them.
 * "Commons Chamber": the real captures' breadcrumbs and every real API answer; the rest: the distinct
 * `Location` values of the Hansard API kept by a public project (see tests/fixtures/PAGES.md).
 */
const HANSARD_LOCATIONS = [
  'Commons Chamber',
  'Westminster Hall',
  'Written Statements',
  'Written Corrections',
  'Petitions',
  'General Committees',
  'Public Bill Committees',
  'Lords Chamber',
  'Grand Committee',
];

/**
 * Site navigation on a debate page: the breadcrumb (its section item links to the whole day's
 * section, a debate-shaped URL) and the hero banner's previous/next debate links. They say where
 * the page sits, not what it is about.
 */
const DEBATE_NAVIGATION = '.breadcrumb, .hero-banner-debate .actions';

/** A Hansard debate page (Chamber, Westminster Hall, Grand Committee, written statements…). */
export const debateAddress: PageAddress<'debate'> = {
  kind: 'debate',
  keyFor(url) {
    const match = isOn(url, HOSTS.hansard) ? PATH.exec(url.pathname) : null;
    // Hansard answers the same debate whatever the id's case: the key is case-blind.
    return match ? `debate:${match[3]?.toUpperCase()}` : null;
  },
  describe(url) {
    const slug = decodeURIComponent(url.pathname.split('/')[5] ?? '');
    // Hansard's slugs are the title in PascalCase: split it back into words.
    const words = slug.replace(/([a-z)])([A-Z(])/g, '$1 $2').trim();
    return `Hansard: ${words || 'debate'} (${PATH.exec(url.pathname)?.[2]})`;
  },
  navigation: DEBATE_NAVIGATION,
};

/** How the page is read, on its own site only. */
export const debateReader: PageReader<'debate'> = {
  kind: 'debate',
  shape: DebateShape,
  responses: debateResponses,
  recognises(doc) {
    // The debate's hero banner; a CDN's challenge page or an error page at this URL has none.
    return doc.querySelector('.hero-banner-debate') !== null;
  },
  extract(url, doc): Extracted<'debate'> {
    const match = PATH.exec(url.pathname);
    const { unread, note } = unreadTracker();
    return {
      // As the site writes it: historic pages use lower-case GUIDs, and the API is asked in that form.
      debateId: match?.[3] ?? '',
      house: match?.[1]?.toLowerCase() === 'lords' ? 'Lords' : 'Commons',
      sittingDate: isoDatePart(match?.[2]) ?? '',
      // The site header's own h1 ("Hansard") comes first in the document: read the hero banner's.
      title: note(textOf(doc, '.hero-banner-debate h1'), 'title'),
      location: note(readLocation(doc, url), 'location'),
      petitionNumbers: readPetitionNumbers(doc),
      unread,
    };
  },
};

/** The breadcrumb's link to the day's section (a debate-shaped URL) names where the debate happened. */
function readLocation(doc: Document, base: URL): string | null {
  for (const anchor of doc.querySelectorAll('.breadcrumb a[href]')) {
    const href = httpsHref(anchor, base);
    const text = cleanText(anchor.textContent);
    if (href && PATH.test(href.pathname) && HANSARD_LOCATIONS.includes(text)) return text;
  }
  return null;
}

function readPetitionNumbers(doc: Document): number[] {
  const numbers = new Set<number>();
  for (const match of cleanText(doc.body?.textContent).matchAll(PETITION_MENTION)) {
    for (const digits of match[1]?.match(/\d+/g) ?? []) numbers.add(Number(digits));
  }
  return [...numbers];
}
