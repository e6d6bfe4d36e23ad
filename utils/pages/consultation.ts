import type { ConsultationContext } from './context';
import { ConsultationShape } from './context-shape';
import { HOSTS, isOn } from './hosts';
import { httpsHref } from './links';
import { type Extracted, type PageAddress, type PageReader, unreadTracker } from './page-module';
import { consultationResponses } from './responses';
import { cleanText, londonDate, textOf } from './text';

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
  // An unopened consultation's caption is the format's name alone.
  [/^(consultation|ymgynghoriad)$/i, 'upcoming'],
];

/** A GOV.UK consultation page, in any state, in English or Welsh. */
export const consultationAddress: PageAddress<'consultation'> = {
  kind: 'consultation',
  keyFor(url) {
    const match = isOn(url, HOSTS.govuk) ? PATH.exec(url.pathname) : null;
    return match ? `consultation:${match[1]}` : null;
  },
  describe(url) {
    const slug = PATH.exec(url.pathname)?.[1] ?? '';
    return `Consultation: ${slug.replace(/-/g, ' ')}`;
  },
};

/** How the page is read, on its own site only. */
export const consultationReader: PageReader<'consultation'> = {
  kind: 'consultation',
  shape: ConsultationShape,
  responses: consultationResponses,
  recognises(doc) {
    // GOV.UK names every page's schema; an error page or another format at this path is not a consultation.
    return doc.querySelector('meta[name="govuk:schema-name"][content="consultation"]') !== null;
  },
  extract(url, doc): Extracted<'consultation'> {
    const { unread, note } = unreadTracker();
    const meta = (name: string) =>
      doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim() || null;
    const phase =
      STATE_BY_FORMAT[meta('govuk:format') ?? ''] ??
      readCaptionState(textOf(doc, '.gem-c-heading__context, .govuk-caption-xl'));
    const withdrawal = readWithdrawal(doc, meta('govuk:withdrawn') !== null);
    const dates = note(readDates(doc, phase), 'dates');
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
      state: note(withdrawal ? 'withdrawn' : phase, 'state'),
      opensOn: dates?.opensOn ?? null,
      closesOn: dates?.closesOn ?? null,
      withdrawnOn: withdrawal?.on ?? null,
      organisations: readOrganisations(doc, url),
      unread,
    };
  },
};

function readCaptionState(caption: string | null): ConsultationContext['state'] {
  return STATE_BY_CAPTION.find(([pattern]) => caption && pattern.test(caption))?.[1] ?? null;
}

/**
 * frontend's consultation view puts a withdrawn item's notice first, its title "This
 * consultation was withdrawn on <time>" (always in English); the layout's meta tags add
 * `govuk:withdrawn`. The document type is unchanged, so the caption still says "Open".
 */
function readWithdrawal(doc: Document, tagged: boolean): { on: string | null } | null {
  const notice = [...doc.querySelectorAll('.gem-c-notice__title')].find((title) =>
    /withdrawn/i.test(title.textContent ?? ''),
  );
  if (!tagged && !notice) return null;
  return { on: londonDate(notice?.querySelector('time[datetime]')?.getAttribute('datetime')) };
}

/**
 * The summary banner's second paragraph (frontend `shared/phased/_summary_banner`) holds the
 * dates, in an order set by the phase: "closes at <closing>" while open; "opens at <opening>
 * … It closes at <closing>" before; "ran from <opening> to <closing>" after. The notice above
 * it ("This consultation opens at <time>") is not the banner. A consultation without a
 * description has no banner (the component renders nothing without text); then only an
 * unopened one shows a date, its opening, in that notice. Closing times of midnight print as
 * the day before, so they are read as the reader sees them.
 */
function readDates(
  doc: Document,
  phase: ConsultationContext['state'],
): { opensOn: string | null; closesOn: string | null } | null {
  const banner = [...doc.querySelectorAll('.gem-c-summary-banner__text')].find((p) =>
    p.querySelector('time[datetime]'),
  );
  const times = [...(banner?.querySelectorAll('time[datetime]') ?? [])].map((time) =>
    time.getAttribute('datetime'),
  );
  const closing = (value: string | null | undefined) => londonDate(value, { endOfDay: true });
  if (!banner) {
    const notice = doc.querySelector('.gem-c-notice__description time[datetime]');
    return phase === 'upcoming' && notice
      ? { opensOn: londonDate(notice.getAttribute('datetime')), closesOn: null }
      : null;
  }
  if (phase === 'open' || (phase === null && times.length === 1)) {
    return { opensOn: null, closesOn: closing(times.at(-1)) };
  }
  return { opensOn: londonDate(times[0]), closesOn: closing(times[1]) };
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
