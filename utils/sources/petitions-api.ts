import { HOSTS } from '../pages/hosts';
import { upgradedToHttps } from '../pages/links';
import { isoDatePart } from '../pages/text';
import { z } from '../zod';
import type { LiveRequest } from './request';

/**
 * petition.parliament.uk's JSON, from alphagov/e-petitions
 * (app/views/petitions/_petition.json.jbuilder and the archived twin).
 * Strict on the fields we use, silent about the rest (zod drops unknown keys).
 */
const Timestamp = z.optional(z.nullable(z.string()));

export const PetitionAttributes = z.object({
  action: z.string(),
  background: z.optional(z.nullable(z.string())),
  additional_details: z.optional(z.nullable(z.string())),
  state: z.string(),
  signature_count: z.number().check(z.int(), z.nonnegative()),
  closing_date: z.optional(z.nullable(z.string())),
  opened_at: Timestamp,
  closed_at: Timestamp,
  rejected_at: Timestamp,
  /** When it had enough supporters to go to the moderators (the story's timeline). */
  moderation_threshold_reached_at: Timestamp,
  response_threshold_reached_at: Timestamp,
  government_response_at: Timestamp,
  debate_threshold_reached_at: Timestamp,
  debate_outcome_at: Timestamp,
  scheduled_debate_date: z.optional(z.nullable(z.string())),
  government_response: z.nullable(
    z.object({
      responded_on: z.string(),
      summary: z.string(),
      details: z.optional(z.nullable(z.string())),
    }),
  ),
  debate: z.nullable(
    z.object({
      debated_on: z.nullable(z.string()),
      transcript_url: z.optional(z.nullable(z.string())),
      video_url: z.optional(z.nullable(z.string())),
      debate_pack_url: z.optional(z.nullable(z.string())),
      public_engagement_url: z.optional(z.nullable(z.string())),
      debate_summary_url: z.optional(z.nullable(z.string())),
      overview: z.optional(z.nullable(z.string())),
    }),
  ),
  departments: z._default(
    z.array(z.object({ name: z.string(), url: z.optional(z.nullable(z.string())) })),
    [],
  ),
  topics: z._default(z.array(z.string()), []),
  /** Why the site rejected it (`_petition.json.jbuilder`: `{code, details}`), null otherwise. */
  rejection: z.optional(
    z.nullable(z.object({ code: z.string(), details: z.optional(z.nullable(z.string())) })),
  ),
  /** The site's notes to signers about related business (a single petition's JSON only). */
  other_parliamentary_business: z.optional(
    z.array(z.object({ subject: z.string(), body: z.string() })),
  ),
});

export const PetitionDocument = z.object({
  data: z.object({
    type: z.enum(['petition', 'archived-petition']),
    id: z.number().check(z.int(), z.positive()),
    parliament: z.optional(z.object({ period: z.string() })),
    attributes: PetitionAttributes,
  }),
});
export type PetitionDocument = z.infer<typeof PetitionDocument>;

/** The JSON for a petition; an archived one is asked for at its archived path to save a redirect. */
function petitionJsonUrl(number: number, archived: boolean): string {
  return `https://${HOSTS.petitions}/${archived ? 'archived/' : ''}petitions/${number}.json`;
}

/** A petition's record: its URL, with the source and schema it is fetched and cached under. */
export function petitionRecord(number: number, archived: boolean): LiveRequest<PetitionDocument> {
  return { url: petitionJsonUrl(number, archived), source: 'petitions', schema: PetitionDocument };
}

/** What the panel shows about a petition, from its JSON. */
export const LivePetition = z.object({
  number: z.number(),
  title: z.string(),
  url: z.string(),
  state: z.string(),
  archivedPeriod: z.nullable(z.string()),
  signatureCount: z.number(),
  /** Whether it passed the response threshold (the government then owes it a response). */
  responseThresholdReached: z.boolean(),
  closingDate: z.nullable(z.string()),
  response: z.nullable(z.object({ respondedOn: z.nullable(z.string()), summary: z.string() })),
  debate: z.nullable(
    z.object({
      debatedOn: z.nullable(z.string()),
      overview: z.nullable(z.string()),
      links: z.array(z.object({ label: z.string(), url: z.string() })),
    }),
  ),
  scheduledDebateDate: z.nullable(z.string()),
  departments: z.array(z.string()),
});
export type LivePetition = z.infer<typeof LivePetition>;

export function toLivePetition({ data }: PetitionDocument): LivePetition {
  const { attributes: a } = data;
  const archived = data.type === 'archived-petition';
  // In the order the page lists them (`DebateOutcomeHelper::DEBATE_OUTCOME_URLS`).
  const debateLinks = a.debate
    ? [
        { label: 'Video', url: a.debate.video_url },
        { label: 'Transcript', url: a.debate.transcript_url },
        { label: 'Debate pack', url: a.debate.debate_pack_url },
        { label: 'What the public said', url: a.debate.public_engagement_url },
        { label: 'Debate summary', url: a.debate.debate_summary_url },
      ].flatMap(({ label, url }) => {
        const https = upgradedToHttps(url);
        return https ? [{ label, url: https.href }] : [];
      })
    : [];
  return {
    number: data.id,
    title: a.action,
    url: `https://${HOSTS.petitions}/${archived ? 'archived/' : ''}petitions/${data.id}`,
    state: a.state,
    archivedPeriod: data.parliament?.period ?? null,
    signatureCount: a.signature_count,
    responseThresholdReached: Boolean(a.response_threshold_reached_at),
    closingDate: isoDatePart(a.closing_date),
    response: a.government_response
      ? {
          respondedOn: isoDatePart(a.government_response.responded_on),
          summary: a.government_response.summary,
        }
      : null,
    debate: a.debate
      ? {
          debatedOn: isoDatePart(a.debate.debated_on),
          overview: a.debate.overview ?? null,
          links: debateLinks,
        }
      : null,
    scheduledDebateDate: isoDatePart(a.scheduled_debate_date),
    departments: a.departments.map((department) => department.name),
  };
}
