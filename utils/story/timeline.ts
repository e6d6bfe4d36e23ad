import { type PageContext, PageKind, SupportedPageUrl } from '../pages/context';
import { HOSTS } from '../pages/hosts';
import { upgradedToHttps } from '../pages/links';
import { detectHref } from '../pages/registry';
import { londonDate } from '../pages/text';
import type { RelatedItem } from '../related/related-item';
import type { ConsultationContentItem } from '../sources/govuk-content-api';
import type { PetitionDocument } from '../sources/petitions-api';
import type { Annotation } from '../storage/records';
import type { ThreadItem } from '../storage/thread-store';
import { z } from '../zod';

/** One dated step of the story, on the page that tells it. */
export const StoryEntry = z.object({
  /** ISO date; null for pages of the user's thread that carry no date of their own. */
  date: z.nullable(z.string()),
  /** What happened, in words ("Government responded"). */
  what: z.string(),
  /** The page it happened on. */
  key: z.string(),
  kind: PageKind,
  url: SupportedPageUrl,
  title: z.nullable(z.string()),
  /** The page the view is showing. */
  current: z.boolean(),
  /** The user's highlights and page notes on this page (on its first entry only). */
  notes: z.number().check(z.int(), z.nonnegative()),
  /** The user's bookmarks that belong to this step: their labels and the start of their text. */
  bookmarks: z.array(z.object({ label: z.string(), quote: z.string() })),
});
export type StoryEntry = z.infer<typeof StoryEntry>;

/** What the background already has about a page's story. */
export interface StoryMaterial {
  context: PageContext;
  /** The petition's own JSON (on a petition page) or those a debate mentions. */
  petitions: PetitionDocument[];
  /** The consultation's Content API item, on a consultation page. */
  consultation: ConsultationContentItem | null;
  related: RelatedItem[];
  thread: ThreadItem[];
  /** The user's notes on the story's pages. */
  annotations: Annotation[];
  /** Today, to tell "closes" from "closed". */
  now: number;
}

/** Bookmarks with these labels belong to the step of the same name (`utils/pages/responses.ts`). */
const STEP_OF_BOOKMARK: Record<string, string> = {
  'Government response': 'Government responded',
  'Consultation outcome': 'Outcome published',
};

const QUOTE_SHOWN = 140;

type Step = Omit<StoryEntry, 'current' | 'notes' | 'bookmarks'>;
type Page = Pick<Step, 'key' | 'kind' | 'url' | 'title'>;

/** A page the records point at, keyed as the page registry keys it; null if it is not one. */
function pageAt(href: string | null | undefined, title: string | null): Page | null {
  // Older petitions link their transcript over http.
  const found = detectHref(upgradedToHttps(href)?.href ?? '');
  return found ? { key: found.page.key, kind: found.page.kind, url: found.url.href, title } : null;
}

function petitionSteps(doc: PetitionDocument, now: number): Step[] {
  const { data } = doc;
  const a = data.attributes;
  const path = `${data.type === 'archived-petition' ? 'archived/' : ''}petitions/${data.id}`;
  const page = pageAt(`https://${HOSTS.petitions}/${path}`, a.action);
  if (!page) return [];
  const at = (value: string | null | undefined, what: string): Step[] => {
    const date = londonDate(value);
    return date ? [{ ...page, date, what }] : [];
  };
  // The debate's step is on its Hansard transcript, when the site links one.
  const transcript = pageAt(a.debate?.transcript_url, a.action);
  const debated = londonDate(a.debate?.debated_on);
  const scheduled = londonDate(a.scheduled_debate_date);
  return [
    ...at(a.moderation_threshold_reached_at, 'Petition sent to the moderators'),
    ...at(a.opened_at, 'Petition opened'),
    ...at(a.rejected_at, 'Petition rejected'),
    ...at(a.response_threshold_reached_at, 'Petition reached 10,000 signatures'),
    ...at(a.debate_threshold_reached_at, 'Petition reached 100,000 signatures'),
    ...at(a.government_response?.responded_on ?? a.government_response_at, 'Government responded'),
    // A scheduled debate that has been held is told once, as held.
    ...(scheduled && !debated ? at(scheduled, 'Debate scheduled') : []),
    ...(debated ? [{ ...(transcript ?? page), date: debated, what: 'Debated in Parliament' }] : []),
    ...(a.closed_at && Date.parse(a.closed_at) <= now ? at(a.closed_at, 'Petition closed') : []),
    ...(!a.closed_at && a.closing_date && Date.parse(a.closing_date) > now
      ? at(a.closing_date, 'Petition closes')
      : []),
  ];
}

function consultationSteps(item: ConsultationContentItem, now: number): Step[] {
  const page = pageAt(`https://${HOSTS.govuk}${item.base_path}`, item.title);
  if (!page) return [];
  const at = (date: string | null, what: string): Step[] => (date ? [{ ...page, date, what }] : []);
  const closes = item.details.closing_date;
  const closed = closes !== undefined && Date.parse(closes) <= now;
  const withdrawn = item.withdrawn_notice?.withdrawn_at;
  return [
    ...at(londonDate(item.details.opening_date), 'Consultation opened'),
    ...at(
      londonDate(closes, { endOfDay: true }),
      closed ? 'Consultation closed' : 'Consultation closes',
    ),
    // GOV.UK gives the outcome no date of its own: the item's last public update is when it came.
    ...(item.document_type === 'consultation_outcome'
      ? at(londonDate(item.public_updated_at), 'Outcome published')
      : []),
    ...at(londonDate(withdrawn), 'Consultation withdrawn'),
  ];
}

function ownSteps(context: PageContext): Step[] {
  const page = { key: context.key, kind: context.kind, url: context.url, title: context.title };
  if (context.kind !== 'debate') return [];
  const where = context.location ?? `the House of ${context.house}`;
  return [{ ...page, date: context.sittingDate, what: `Debated in ${where}` }];
}

function relatedStep(item: RelatedItem, now: number): Step {
  const page = {
    key: item.key,
    kind: item.kind,
    url: item.url,
    title: item.title,
    date: item.date,
  };
  switch (item.kind) {
    case 'debate':
      return { ...page, what: `Debated in ${item.location ?? 'Parliament'}` };
    case 'consultation':
      // A consultation's date is its closing; GOV.UK gives the outcome no date of its own.
      if (item.state === 'outcome')
        return { ...page, what: 'Consultation closed; outcome since published' };
      return {
        ...page,
        what:
          item.date && Date.parse(item.date) > now ? 'Consultation closes' : 'Consultation closed',
      };
    case 'petition':
      return { ...page, what: item.responded ? 'Government responded' : 'Petition' };
  }
}

/**
 * The story so far: one dated timeline of the issue across the three sites, from the page's
 * own records, the related items, the user's thread and their notes. Each step links to its
 * page; steps on the page being shown are `current`; the user's notes and bookmarks sit on
 * their page's steps. Undated steps (pages of the thread) come last, in the order given.
 */
export function buildTimeline(material: StoryMaterial): StoryEntry[] {
  const { context, now } = material;
  const own = ownSteps(context);
  const steps: Step[] = [
    ...own,
    // A petition debated on this very page: the page's own step tells it, with where.
    ...material.petitions
      .flatMap((doc) => petitionSteps(doc, now))
      .filter((step) => own.length === 0 || step.key !== context.key),
    ...(material.consultation ? consultationSteps(material.consultation, now) : []),
  ];
  const told = new Set(steps.map((step) => step.key));
  for (const item of material.related) {
    if (!told.has(item.key)) steps.push(relatedStep(item, now));
    told.add(item.key);
  }
  for (const item of material.thread) {
    if (told.has(item.key)) continue;
    told.add(item.key);
    steps.push({ ...item, date: null, what: 'In your thread' });
  }

  const dated = steps
    .map((step, order) => ({ step, order }))
    .sort((a, b) => {
      if (a.step.date === b.step.date) return a.order - b.order;
      if (a.step.date === null) return 1;
      if (b.step.date === null) return -1;
      return a.step.date < b.step.date ? -1 : 1;
    })
    .map(({ step }) => step);

  const notesOn = new Map<string, number>();
  const bookmarksOn = new Map<string, Annotation[]>();
  for (const annotation of material.annotations) {
    if (annotation.kind === 'bookmark') {
      bookmarksOn.set(annotation.pageKey, [
        ...(bookmarksOn.get(annotation.pageKey) ?? []),
        annotation,
      ]);
    } else notesOn.set(annotation.pageKey, (notesOn.get(annotation.pageKey) ?? 0) + 1);
  }
  const firstOf = new Map<string, number>();
  dated.forEach((step, index) => {
    if (!firstOf.has(step.key)) firstOf.set(step.key, index);
  });
  /** A bookmark goes on its named step, or else on its page's first step. */
  const stepOfBookmark = (annotation: Annotation): number | undefined => {
    const named = STEP_OF_BOOKMARK[annotation.bookmark?.label ?? ''];
    const index = dated.findIndex((step) => step.key === annotation.pageKey && step.what === named);
    return index >= 0 ? index : firstOf.get(annotation.pageKey);
  };
  const bookmarksAt = new Map<number, StoryEntry['bookmarks']>();
  for (const list of bookmarksOn.values()) {
    for (const annotation of list) {
      const index = stepOfBookmark(annotation);
      if (index === undefined) continue;
      const quote = (annotation.target?.quote.exact ?? '').replace(/\s+/g, ' ').trim();
      bookmarksAt.set(index, [
        ...(bookmarksAt.get(index) ?? []),
        {
          label: annotation.bookmark?.label ?? 'Bookmark',
          quote: quote.length > QUOTE_SHOWN ? `${quote.slice(0, QUOTE_SHOWN)}…` : quote,
        },
      ]);
    }
  }
  return dated.map((step, index) => ({
    ...step,
    current: step.key === context.key,
    notes: firstOf.get(step.key) === index ? (notesOn.get(step.key) ?? 0) : 0,
    bookmarks: bookmarksAt.get(index) ?? [],
  }));
}
