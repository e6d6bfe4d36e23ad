import type { PetitionContext } from './context';
import { PetitionShape } from './context-shape';
import { HOSTS, isOn } from './hosts';
import { upgradedToHttps } from './links';
import { type Extracted, type PageAddress, type PageReader, unreadTracker } from './page-module';
import { petitionResponses } from './responses';
import { cleanText, isoDatePart, parseCount, parseLongDate, textOf } from './text';

const PATH = /^\/(archived\/)?petitions\/(\d+)\/?$/;

/** The petition's heading, as every petition template since the 2026 redesign draws it. */
const HEADING = 'section.petition-detail > h1#action';

/** The state tag's colour class in `h1#action` (`_open/_closed/_rejected_petition_show`, archived `show`). */
const STATE_TAGS = { 'tag-green': 'open', 'tag-grey': 'closed', 'tag-red': 'rejected' } as const;

/**
 * A petition on petition.parliament.uk, live or archived; both share the key `petition:{number}`.
 * Read from alphagov/e-petitions' views (`petitions/show`, its partials, `_timeline`, `events/*`,
 * `archived/petitions/show`). Every fact comes from where the template puts it, never from the
 * petition's own text, which its creator wrote.
 */
export const petitionAddress: PageAddress<'petition'> = {
  kind: 'petition',
  keyFor(url) {
    const match = isOn(url, HOSTS.petitions) ? PATH.exec(url.pathname) : null;
    return match ? `petition:${Number(match[2])}` : null;
  },
  describe(url) {
    return `Petition ${PATH.exec(url.pathname)?.[2]}`;
  },
};

/** How the page is read, on its own site only. */
export const petitionReader: PageReader<'petition'> = {
  kind: 'petition',
  shape: PetitionShape,
  responses: petitionResponses,
  recognises(doc) {
    // The site's 404/410 pages (hidden and removed petitions) have an `h1` but no petition section.
    return doc.querySelector(HEADING) !== null;
  },
  extract(url, doc): Extracted<'petition'> {
    const match = PATH.exec(url.pathname);
    const archived = Boolean(match?.[1]);
    const { unread, note } = unreadTracker();
    const state = note(readState(doc), 'state');
    const signatureCount = readSignatureCount(doc);
    return {
      petitionNumber: Number(match?.[2]),
      // Only the archived template, served only at /archived/ addresses, has the Parliament note.
      archived,
      parliament: archived ? readParliament(doc) : null,
      title: note(readTitle(doc), 'title'),
      state,
      // Rejected petitions show no count, so its absence there is not a failure to read.
      signatureCount:
        state === 'rejected' ? signatureCount : note(signatureCount, 'signature count'),
      closesOn: state === 'open' ? readClosesOn(doc) : null,
      response: readResponse(doc),
      debate: readDebate(doc, url),
      unread,
    };
  },
};

function readTitle(doc: Document): string | null {
  const heading = doc.querySelector(HEADING);
  if (heading) {
    // The heading carries the state tag (with screen-reader-only words) before the action.
    const copy = heading.cloneNode(true) as Element;
    for (const tag of copy.querySelectorAll('.tag')) tag.remove();
    const text = cleanText(copy.textContent);
    if (text) return text;
  }
  // "{action} - Petitions"; a bare "Petitions" names the site, not the petition.
  const title = cleanText(doc.title).replace(/^Petitions$|\s+-\s+Petitions$/, '');
  return title || null;
}

function readState(doc: Document): PetitionContext['state'] {
  const tag = doc.querySelector(`${HEADING} > span.tag`);
  if (!tag) return null;
  const found = Object.entries(STATE_TAGS).find(([name]) => tag.classList.contains(name));
  return found?.[1] ?? null;
}

function readSignatureCount(doc: Document): number | null {
  return parseCount(textOf(doc, '#signature-count .signature-count-number > .count'));
}

/** "This petition was submitted during the 2019 to 2024 Parliament" (older captures: "2019-2024 parliament"). */
function readParliament(doc: Document): string | null {
  // The note is the archived layout's `:notifications` block, outside the petition's own text.
  for (const note of doc.querySelectorAll('main > .container > .highlight > p')) {
    const match = cleanText(note.textContent).match(/(\d{4})\s*(?:-|–|to)\s*(\d{4}) [Pp]arliament/);
    if (match) return `${match[1]}-${match[2]}`;
  }
  return null;
}

/** "Closes on": the deadline, or the dissolution date when the petition closes early for it. */
function readClosesOn(doc: Document): string | null {
  return isoDatePart(
    doc.querySelector(`${HEADING} + p > time[datetime]`)?.getAttribute('datetime'),
  );
}

function readResponse(doc: Document): PetitionContext['response'] {
  const entry = doc.querySelector('.petition-timeline li#response');
  if (!entry) return null;
  // `events/_government_responded`: a response without a summary shows only its details.
  return { respondedOn: datetimeOf(entry), summary: textOf(entry, '.response-summary') };
}

function readDebate(doc: Document, base: URL): PetitionContext['debate'] {
  // `events/_parliament_debated` (and `_pending_outcome`, before the outcome is published).
  const entry = doc.querySelector('.petition-timeline li#debate');
  if (entry) {
    // A YouTube video is drawn as a poster link before the list (`debate_outcome_video`).
    const anchors = entry.querySelectorAll('a.video-link[href], ul.debate-outcome-links a[href]');
    const links = [...anchors].flatMap((anchor) => {
      const url = upgradedToHttps(anchor.getAttribute('href'), base);
      const label =
        cleanText(anchor.textContent) ||
        cleanText(anchor.querySelector('img')?.getAttribute('alt'));
      return url && label ? [{ label, url: url.href }] : [];
    });
    return { status: 'debated', date: datetimeOf(entry), links };
  }
  // The other entries of `_timeline.html.erb`: `li`s with a `time` and a `div > h3`.
  for (const item of doc.querySelectorAll('.petition-timeline > ul > li')) {
    const heading = cleanText(item.querySelector(':scope > div > h3')?.textContent);
    if (heading === 'Parliament did not debate this petition') {
      return { status: 'not-debated', date: datetimeOf(item), links: [] };
    }
    if (heading.startsWith('Parliament will debate this petition on')) {
      return { status: 'scheduled', date: parseLongDate(heading), links: [] };
    }
  }
  return null;
}

/** The date of a timeline entry's own `<time datetime>`. */
function datetimeOf(entry: Element): string | null {
  return isoDatePart(entry.querySelector(':scope > time[datetime]')?.getAttribute('datetime'));
}
