import type { PetitionContext } from './context';
import { HOSTS, isOn } from './hosts';
import { httpsHref } from './links';
import { type Extracted, type PageModule, unreadTracker } from './page-module';
import { cleanText, isoDatePart, parseCount, parseLongDate, textOf } from './text';

const PATH = /^\/(archived\/)?petitions\/(\d+)\/?$/;

/** A petition on petition.parliament.uk, live or archived; both share the key `petition:{number}`. */
export const petitionPage: PageModule<'petition'> = {
  kind: 'petition',
  examples: [
    'https://petition.parliament.uk/petitions/701234',
    'https://petition.parliament.uk/petitions/654321/',
    'https://petition.parliament.uk/archived/petitions/592213',
    'https://petition.parliament.uk/petitions/300412?reveal_response=yes',
    'https://petition.parliament.uk/petitions/702222#rejection',
  ],
  keyFor(url) {
    const match = isOn(url, HOSTS.petitions) ? PATH.exec(url.pathname) : null;
    return match ? `petition:${Number(match[2])}` : null;
  },
  describe(url) {
    return `Petition ${PATH.exec(url.pathname)?.[2]}`;
  },
  recognises(doc) {
    // The petition's heading (redesign) or its caption (older markup); the site's error pages have neither.
    return doc.querySelector('h1#action, main h1 > .heading-secondary') !== null;
  },
  extract(url, doc): Extracted<'petition'> {
    const match = PATH.exec(url.pathname);
    const { unread, note } = unreadTracker();
    const parliament = readParliament(doc);
    const state = note(readState(doc), 'state');
    const signatureCount = readSignatureCount(doc);
    return {
      petitionNumber: Number(match?.[2]),
      archived: Boolean(match?.[1]) || parliament !== null,
      parliament,
      title: note(readTitle(doc), 'title'),
      state,
      // Rejected petitions show no count, so its absence there is not a failure to read.
      signatureCount:
        state === 'rejected' ? signatureCount : note(signatureCount, 'signature count'),
      response: readResponse(doc),
      debate: readDebate(doc, url),
      unread,
    };
  },
};

function readTitle(doc: Document): string | null {
  const heading = doc.querySelector('h1#action') ?? doc.querySelector('main h1, h1');
  if (heading) {
    // The heading carries a state tag and screen-reader-only words before the action.
    const copy = heading.cloneNode(true) as Element;
    for (const extra of copy.querySelectorAll(
      '.tag, .heading-secondary, .visually-hidden, .visuallyhidden, .govuk-visually-hidden',
    )) {
      extra.remove();
    }
    const text = cleanText(copy.textContent);
    if (text) return text;
  }
  // "{action} - Petitions"; a bare "Petitions" names the site, not the petition.
  const title = cleanText(doc.title).replace(/^Petitions$|\s+-\s+Petitions$/, '');
  return title || null;
}

function readState(doc: Document): PetitionContext['state'] {
  // The redesign's state tag, or the older "Closed petition" caption.
  const label = textOf(doc, 'h1#action .tag, h1 .heading-secondary')?.toLowerCase() ?? '';
  const named = (['open', 'closed', 'rejected'] as const).find((state) => label.startsWith(state));
  if (named) return named;
  if (doc.querySelector('#rejection')) return 'rejected';
  if (/This petition is closed/i.test(cleanText(doc.body?.textContent))) return 'closed';
  return null;
}

function readSignatureCount(doc: Document): number | null {
  return parseCount(
    textOf(doc, '#signature-count .count, .signature-count-number .count, .signature-count .count'),
  );
}

function readParliament(doc: Document): string | null {
  const match = cleanText(doc.body?.textContent).match(
    /submitted during the (\d{4})\s*(?:-|–|to)\s*(\d{4}) (?:P|p)arliament/,
  );
  return match ? `${match[1]}-${match[2]}` : null;
}

function readResponse(doc: Document): PetitionContext['response'] {
  const section = doc.querySelector('li#response, section#response-threshold');
  if (!section) return null;
  // Older markup says "This response was given on …"; the redesign dates the timeline entry.
  const sentence = [...section.querySelectorAll('p')]
    .map((element) => cleanText(element.textContent))
    .find((text) => /response was given on/i.test(text));
  return {
    respondedOn: parseLongDate(sentence ?? null) ?? datetimeOf(section),
    summary: textOf(section, '.response-summary, blockquote.pull-quote'),
  };
}

function readDebate(doc: Document, base: URL): PetitionContext['debate'] {
  const section = doc.querySelector('li#debate, section#debate-threshold');
  if (!section) return readDebatePlans(doc);
  const text = cleanText(section.textContent);
  const links = [...section.querySelectorAll('ul.debate-outcome-links a[href]')].flatMap(
    (anchor) => {
      const href = httpsHref(anchor, base);
      return href ? [{ label: cleanText(anchor.textContent), url: href.href }] : [];
    },
  );
  return {
    status: /did not debate|decided not to debate|not debated/i.test(text)
      ? 'not-debated'
      : 'debated',
    date: datetimeOf(section) ?? parseLongDate(text),
    links,
  };
}

/** Without a debate entry, the timeline may still say a debate is scheduled or was declined. */
function readDebatePlans(doc: Document): PetitionContext['debate'] {
  for (const heading of doc.querySelectorAll('.petition-timeline h3')) {
    const text = cleanText(heading.textContent);
    if (/will debate this petition/i.test(text)) {
      return { status: 'scheduled', date: parseLongDate(text), links: [] };
    }
    if (/did not debate|decided not to debate/i.test(text)) {
      return { status: 'not-debated', date: null, links: [] };
    }
  }
  return null;
}

/** The date of a timeline entry's own `<time datetime>`. */
function datetimeOf(section: Element): string | null {
  return isoDatePart(section.querySelector(':scope > time[datetime]')?.getAttribute('datetime'));
}
