import type { ConsultationContext } from './context';
import { HOSTS, isOn } from './hosts';
import { httpsHref } from './links';
import { type Extracted, type PageModule, unreadTracker } from './page-module';
import { cleanText, isoDatePart, textOf } from './text';

/** English pages and their Welsh `.cy` twins share the slug, so they share the key. */
const PATH = /^\/government\/consultations\/([a-z0-9][a-z0-9-]*?)(\.cy)?\/?$/;

/** `govuk:format` values for consultations (publishing-api consultation schema). */
const STATE_BY_FORMAT: Record<string, ConsultationContext['state']> = {
  consultation: 'upcoming',
  open_consultation: 'open',
  closed_consultation: 'closed',
  consultation_outcome: 'outcome',
};

/** The heading's context caption, in English and Welsh, when the meta tag is missing. */
const STATE_BY_CAPTION: [RegExp, NonNullable<ConsultationContext['state']>][] = [
  [/outcome|canlyniad/i, 'outcome'],
  [/closed|caeedig/i, 'closed'],
  [/open|agored/i, 'open'],
];

/** A GOV.UK consultation page, in any state, in English or Welsh. */
export const consultationPage: PageModule<'consultation'> = {
  kind: 'consultation',
  examples: [
    'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time',
    'https://www.gov.uk/government/consultations/sen-workforce-training-standards.cy',
    'https://www.gov.uk/government/consultations/alternative-provision-funding-review/',
    'https://www.gov.uk/government/consultations/sen-workforce-training-standards#history',
  ],
  keyFor(url) {
    const match = isOn(url, HOSTS.govuk) ? PATH.exec(url.pathname) : null;
    return match ? `consultation:${match[1]}` : null;
  },
  describe(url) {
    const slug = PATH.exec(url.pathname)?.[1] ?? '';
    return `Consultation: ${slug.replace(/-/g, ' ')}`;
  },
  recognises(doc) {
    // GOV.UK names every page's schema; an error page or another format at this path is not a consultation.
    return doc.querySelector('meta[name="govuk:schema-name"][content="consultation"]') !== null;
  },
  extract(url, doc): Extracted<'consultation'> {
    const { unread, note } = unreadTracker();
    const meta = (name: string) =>
      doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim() || null;
    const dates = note(readDates(doc), 'dates');
    return {
      title: note(
        textOf(doc, 'h1.gem-c-heading__text, main h1') ??
          (cleanText(doc.title).replace(/\s+-\s+GOV\.UK$/, '') || null),
        'title',
      ),
      contentId: meta('govuk:content-id'),
      locale:
        PATH.exec(url.pathname)?.[2] || doc.documentElement.lang.toLowerCase() === 'cy'
          ? 'cy'
          : 'en',
      state: note(
        STATE_BY_FORMAT[meta('govuk:format') ?? ''] ??
          readCaptionState(textOf(doc, '.gem-c-heading__context, .govuk-caption-xl')),
        'state',
      ),
      opensOn: dates?.opensOn ?? null,
      closesOn: dates?.closesOn ?? null,
      organisations: readOrganisations(doc, url),
      unread,
    };
  },
};

function readCaptionState(caption: string | null): ConsultationContext['state'] {
  return STATE_BY_CAPTION.find(([pattern]) => caption && pattern.test(caption))?.[1] ?? null;
}

/**
 * GOV.UK states the dates in one summary sentence: "This consultation ran from
 * <time> to <time>", or "This consultation closes at <time>" (or opens at) while
 * open, when only the one date is shown. Welsh pages keep the same `<time datetime>`.
 */
function readDates(doc: Document): { opensOn: string | null; closesOn: string | null } | null {
  const sentence = [...doc.querySelectorAll('p')].find(
    (p) =>
      p.querySelector('time[datetime]') && /consultation|ymgynghoriad/i.test(p.textContent ?? ''),
  );
  if (!sentence) return null;
  const times = [...sentence.querySelectorAll('time[datetime]')].map((time) =>
    isoDatePart(time.getAttribute('datetime')),
  );
  if (times.length >= 2) return { opensOn: times[0] ?? null, closesOn: times[1] ?? null };
  const only = times[0] ?? null;
  return /opens|agor/i.test(sentence.textContent ?? '')
    ? { opensOn: only, closesOn: null }
    : { opensOn: null, closesOn: only };
}

function readOrganisations(doc: Document, base: URL): ConsultationContext['organisations'] {
  const seen = new Set<string>();
  return [...doc.querySelectorAll('.gem-c-metadata a[href*="/government/organisations/"]')].flatMap(
    (anchor) => {
      const name = cleanText(anchor.textContent);
      if (!name || seen.has(name)) return [];
      seen.add(name);
      return [{ name, url: httpsHref(anchor, base)?.href ?? null }];
    },
  );
}
