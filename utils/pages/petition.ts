import type { PetitionContext } from './context';
import { HOSTS, isOn } from './hosts';
import { httpsHref } from './links';
import { type Extracted, type PageModule, unreadTracker } from './page-module';
import { cleanText, parseCount, parseLongDate, textOf } from './text';

const PATH = /^\/(archived\/)?petitions\/(\d+)\/?$/;

type Debate = NonNullable<PetitionContext['debate']>;

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
  extract(url, doc): Extracted<'petition'> {
    const match = PATH.exec(url.pathname);
    const { unread, note } = unreadTracker();
    const parliament = readParliament(doc);
    return {
      petitionNumber: Number(match?.[2]),
      archived: Boolean(match?.[1]) || parliament !== null,
      parliament,
      title: note(readTitle(doc), 'title'),
      state: note(readState(doc), 'state'),
      signatureCount: note(readSignatureCount(doc), 'signature count'),
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
  const title = cleanText(doc.title).replace(/\s+-\s+Petitions$/, '');
  return title || null;
}

function readState(doc: Document): PetitionContext['state'] {
  const tag = textOf(doc, 'h1#action .tag')?.toLowerCase();
  if (tag === 'open' || tag === 'closed' || tag === 'rejected') return tag;
  if (doc.querySelector('#rejection, .rejection')) return 'rejected';
  const body = cleanText(doc.body?.textContent);
  if (/This petition (is|was) closed/i.test(body)) return 'closed';
  if (/This petition was rejected/i.test(body)) return 'rejected';
  if (doc.querySelector('a[href$="/signatures/new"], form[action$="/signatures/new"]'))
    return 'open';
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
  const dateText = [...section.querySelectorAll('p, time')]
    .map((element) => cleanText(element.textContent))
    .find((text) => /response was given on/i.test(text));
  return {
    respondedOn:
      parseLongDate(dateText ?? null) ??
      parseLongDate(section.querySelector('time')?.getAttribute('datetime') ?? null),
    summary: textOf(section, '.response-summary, blockquote.pull-quote'),
  };
}

function readDebate(doc: Document, base: URL): PetitionContext['debate'] {
  const section = doc.querySelector('li#debate, section#debate-threshold');
  if (!section) return null;
  const text = cleanText(section.textContent);
  const status: Debate['status'] = /did not debate|decided not to debate|not debated/i.test(text)
    ? 'not-debated'
    : /will debate|scheduled/i.test(text)
      ? 'scheduled'
      : 'debated';
  const links = [...section.querySelectorAll('ul.debate-outcome-links a[href]')].flatMap(
    (anchor) => {
      const href = httpsHref(anchor, base);
      return href ? [{ label: cleanText(anchor.textContent), url: href.href }] : [];
    },
  );
  return { status, date: parseLongDate(text), links };
}
