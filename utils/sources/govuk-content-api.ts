import type { LiveRequest } from '../live/live-fetcher';
import { HOSTS } from '../pages/hosts';
import { isoDatePart } from '../pages/text';
import { z } from '../zod';

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
  public_updated_at: z.optional(z.nullable(z.string())),
  details: z.object({
    /** The consultation's text, as HTML; read for its key terms. */
    body: z.optional(z.string()),
    opening_date: z.optional(z.string()),
    closing_date: z.optional(z.string()),
    final_outcome_publication_date: z.optional(z.string()),
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

/** A consultation's state from its document type (Content API and Search API alike). */
const CONSULTATION_STATE = {
  consultation: 'upcoming',
  open_consultation: 'open',
  closed_consultation: 'closed',
  consultation_outcome: 'outcome',
} as const satisfies Record<ConsultationContentItem['document_type'], string>;

/** The state for a document type from the Search API, which is only a string there. */
export function consultationStateOf(documentType: string | undefined) {
  return documentType && Object.hasOwn(CONSULTATION_STATE, documentType)
    ? CONSULTATION_STATE[documentType as keyof typeof CONSULTATION_STATE]
    : null;
}

export const LiveConsultation = z.object({
  title: z.string(),
  url: z.string(),
  state: z.enum(['upcoming', 'open', 'closed', 'outcome']),
  opensOn: z.nullable(z.string()),
  closesOn: z.nullable(z.string()),
  outcomePublishedOn: z.nullable(z.string()),
  organisations: z.array(z.object({ name: z.string(), url: z.nullable(z.string()) })),
});
export type LiveConsultation = z.infer<typeof LiveConsultation>;

export function toLiveConsultation(item: ConsultationContentItem): LiveConsultation {
  return {
    title: item.title,
    url: `https://${HOSTS.govuk}${item.base_path}`,
    state: CONSULTATION_STATE[item.document_type],
    opensOn: isoDatePart(item.details.opening_date),
    closesOn: isoDatePart(item.details.closing_date),
    outcomePublishedOn: isoDatePart(item.details.final_outcome_publication_date),
    organisations: (item.links.organisations ?? []).map((org) => ({
      name: org.title,
      url: org.base_path ? `https://${HOSTS.govuk}${org.base_path}` : null,
    })),
  };
}
