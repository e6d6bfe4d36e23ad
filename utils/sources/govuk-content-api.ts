import { ConsultationState } from '../pages/context';
import { HOSTS } from '../pages/hosts';
import { londonDate, stripTags } from '../pages/text';
import { z } from '../zod';
import type { LiveRequest } from './request';

/**
 * GOV.UK Content API item for a consultation (alphagov/publishing-api
 * content_schemas/formats/consultation.jsonnet). Unknown keys are dropped.
 */
const Link = z.object({ title: z.string(), base_path: z.optional(z.string()) });

export const ConsultationContentItem = z.object({
  base_path: z.string(),
  content_id: z.string(),
  document_type: z.enum([
    'consultation',
    'open_consultation',
    'closed_consultation',
    'consultation_outcome',
  ]),
  schema_name: z.literal('consultation'),
  title: z.string(),
  description: z.optional(z.nullable(z.string())),
  locale: z.string(),
  first_published_at: z.optional(z.nullable(z.string())),
  public_updated_at: z.optional(z.nullable(z.string())),
  /** `{}` or null when the item stands; `explanation` and `withdrawn_at` once withdrawn. */
  withdrawn_notice: z.optional(
    z.nullable(
      z.object({
        explanation: z.optional(z.string()),
        withdrawn_at: z.optional(z.string()),
      }),
    ),
  ),
  details: z.object({
    /** The consultation's text, as HTML; read for its key terms. */
    body: z.optional(z.string()),
    opening_date: z.optional(z.string()),
    closing_date: z.optional(z.string()),
    first_public_at: z.optional(z.string()),
    /**
     * The outcome, as HTML. Whitehall's `ConsultationPresenter::FinalOutcome` sends it (with
     * `final_outcome_attachments`) once the outcome is published, and never sends a date for
     * it: `final_outcome_publication_date` is in the schema but nothing fills it.
     */
    final_outcome_detail: z.optional(z.string()),
    /** Every attachment (`publication_attachment_asset`); `html` ones are pages on GOV.UK. */
    attachments: z.optional(
      z.array(
        z.object({
          attachment_type: z.string(),
          id: z.string(),
          title: z.string(),
          url: z.string(),
        }),
      ),
    ),
    /** The ids of the consultation's own documents (the outcome's are in other lists). */
    featured_attachments: z.optional(z.array(z.string())),
    /** How to respond (Whitehall's `ConsultationPresenter::WaysToRespond`): each part optional. */
    ways_to_respond: z.optional(
      z.object({
        link_url: z.optional(z.string()),
        email: z.optional(z.string()),
        postal_address: z.optional(z.string()),
        attachment_url: z.optional(z.string()),
      }),
    ),
  }),
  links: z._default(z.object({ organisations: z.optional(z.array(Link)) }), {}),
});
export type ConsultationContentItem = z.infer<typeof ConsultationContentItem>;

/** `/government/consultations/x(.cy)` → its Content API URL. */
function contentApiUrl(pagePath: string): string {
  return `https://${HOSTS.govuk}/api/content${pagePath.replace(/\/$/, '')}`;
}

/** A consultation's record, by its page's path: URL, source and schema. */
export function consultationRecord(pagePath: string): LiveRequest<ConsultationContentItem> {
  return { url: contentApiUrl(pagePath), source: 'govuk', schema: ConsultationContentItem };
}

/** A consultation's phase from its document type (Content API and Search API alike). */
const CONSULTATION_STATE = {
  consultation: 'upcoming',
  open_consultation: 'open',
  closed_consultation: 'closed',
  consultation_outcome: 'outcome',
} as const satisfies Record<ConsultationContentItem['document_type'], ConsultationState>;

/** The state for a document type from the Search API, which is only a string there. */
export function consultationStateOf(documentType: string | undefined) {
  return documentType && Object.hasOwn(CONSULTATION_STATE, documentType)
    ? CONSULTATION_STATE[documentType as keyof typeof CONSULTATION_STATE]
    : null;
}

/** How much of the outcome the panel quotes. */
const OUTCOME_WORDS = 60;

export const LiveConsultation = z.object({
  title: z.string(),
  url: z.string(),
  state: ConsultationState,
  opensOn: z.nullable(z.string()),
  closesOn: z.nullable(z.string()),
  withdrawnOn: z.nullable(z.string()),
  /**
   * The page's "Last updated": `public_updated_at`, shown only when it differs from the first
   * publication (frontend's `Updatable#updated`). For an outcome, when it was added or last changed.
   */
  updatedOn: z.nullable(z.string()),
  /** The outcome's opening words, as text. */
  outcome: z.nullable(z.string()),
  organisations: z.array(z.object({ name: z.string(), url: z.nullable(z.string()) })),
});
export type LiveConsultation = z.infer<typeof LiveConsultation>;

/** Govspeak HTML as plain words (the service worker has no DOM to parse it with). */
function wordsOf(html: string, limit: number): string | null {
  const words = stripTags(html)
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&rsquo;/g, '’')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  // Tags between a word and its punctuation ("plan</a>,") left a space.
  const text = words
    .slice(0, limit)
    .join(' ')
    .replace(/ ([,.;:!?)])/g, '$1');
  return text + (words.length > limit ? '…' : '');
}

function updatedOn(item: ConsultationContentItem): string | null {
  const first = item.details.first_public_at ?? item.first_published_at;
  const updated = item.public_updated_at;
  return first && updated && Date.parse(first) !== Date.parse(updated) ? londonDate(updated) : null;
}

export function toLiveConsultation(item: ConsultationContentItem): LiveConsultation {
  // frontend's `Withdrawable#withdrawn?` is `withdrawn_notice.present?`: an empty `{}` is not.
  const withdrawn = item.withdrawn_notice && Object.keys(item.withdrawn_notice).length > 0;
  return {
    title: item.title,
    url: `https://${HOSTS.govuk}${item.base_path}`,
    state: withdrawn ? 'withdrawn' : CONSULTATION_STATE[item.document_type],
    opensOn: londonDate(item.details.opening_date),
    closesOn: londonDate(item.details.closing_date, { endOfDay: true }),
    withdrawnOn: withdrawn ? londonDate(item.withdrawn_notice?.withdrawn_at) : null,
    updatedOn: updatedOn(item),
    outcome:
      item.document_type === 'consultation_outcome' && item.details.final_outcome_detail
        ? wordsOf(item.details.final_outcome_detail, OUTCOME_WORDS)
        : null,
    organisations: (item.links.organisations ?? []).map((org) => ({
      name: org.title,
      url: org.base_path ? `https://${HOSTS.govuk}${org.base_path}` : null,
    })),
  };
}

export const WaysToRespond = z.object({
  /** The "Respond online" link: https only, as the panel opens nothing else. */
  online: z.nullable(z.string()),
  email: z.nullable(z.string()),
  /** Lines of the postal address, as the publisher wrote them. */
  postalAddress: z.array(z.string()),
  /** The response form to fill in and send. */
  form: z.nullable(z.string()),
});
export type WaysToRespond = z.infer<typeof WaysToRespond>;

const httpsOrNull = (url: string | undefined) => {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
};

/** A consultation's own ways to respond, or null when it gives none. */
export function waysToRespond(item: ConsultationContentItem): WaysToRespond | null {
  const ways = item.details.ways_to_respond;
  if (!ways) return null;
  const result: WaysToRespond = {
    online: httpsOrNull(ways.link_url),
    email: ways.email?.trim() || null,
    postalAddress: (ways.postal_address ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    form: httpsOrNull(ways.attachment_url),
  };
  return result.online || result.email || result.postalAddress.length || result.form
    ? result
    : null;
}

/**
 * A consultation's HTML document: GOV.UK's `html_publication` item (publishing-api
 * content_schemas/formats/html_publication), whose body the view reads questions from.
 */
export const HtmlPublicationItem = z.object({
  base_path: z.string(),
  schema_name: z.literal('html_publication'),
  title: z.string(),
  details: z.object({
    body: z.string(),
    public_timestamp: z.optional(z.nullable(z.string())),
  }),
  links: z._default(z.object({ parent: z.optional(z.array(Link)) }), {}),
});
export type HtmlPublicationItem = z.infer<typeof HtmlPublicationItem>;

/** A consultation document's record, by its page's path. */
export function htmlPublicationRecord(pagePath: string): LiveRequest<HtmlPublicationItem> {
  return { url: contentApiUrl(pagePath), source: 'govuk', schema: HtmlPublicationItem };
}

/**
 * The consultation's HTML documents, where its questions can be read: its featured attachments
 * of type `html` that are GOV.UK pages under the consultation's own path. Their PDFs cannot be read.
 */
export function htmlDocuments(item: ConsultationContentItem): { title: string; path: string }[] {
  const featured = new Set(item.details.featured_attachments ?? []);
  const base = `${item.base_path.replace(/\.cy$/, '')}/`;
  return (item.details.attachments ?? []).flatMap((attachment) => {
    if (attachment.attachment_type !== 'html' || !featured.has(attachment.id)) return [];
    let url: URL;
    try {
      url = new URL(attachment.url, `https://${HOSTS.govuk}`);
    } catch {
      return [];
    }
    return url.hostname === HOSTS.govuk && url.pathname.startsWith(base)
      ? [{ title: attachment.title, path: url.pathname }]
      : [];
  });
}
