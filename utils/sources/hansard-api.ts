import type { LiveRequest } from '../live/live-fetcher';
import { z } from '../zod';

export const HANSARD_API_HOST = 'hansard-api.parliament.uk';

/**
 * Hansard's debate JSON (`/debates/debate/{extId}.json`). Closed source: the
 * shape comes from captured responses (see tests/fixtures/README.md).
 * Date-times carry no time zone.
 */
export const HansardDebateDocument = z.object({
  Overview: z.object({
    ExtId: z.string(),
    Title: z.string(),
    Date: z.string(),
    Location: z.optional(z.nullable(z.string())),
    House: z.string(),
    /** The debates before and after it in the sitting: neighbours in time, not in subject. */
    NextDebateExtId: z.optional(z.nullable(z.string())),
    PreviousDebateExtId: z.optional(z.nullable(z.string())),
  }),
  /** The contributions, as HTML; read for the debate's key terms. */
  Items: z._default(z.array(z.object({ Value: z.optional(z.nullable(z.string())) })), []),
});
export type HansardDebateDocument = z.infer<typeof HansardDebateDocument>;

function debateJsonUrl(extId: string): string {
  return `https://${HANSARD_API_HOST}/debates/debate/${encodeURIComponent(extId)}.json`;
}

/** A debate's record: URL, source and schema. */
export function debateRecord(extId: string): LiveRequest<HansardDebateDocument> {
  return { url: debateJsonUrl(extId), source: 'hansard', schema: HansardDebateDocument };
}

export const LiveDebate = z.object({
  title: z.string(),
  location: z.nullable(z.string()),
  house: z.string(),
  date: z.nullable(z.string()),
});
export type LiveDebate = z.infer<typeof LiveDebate>;

export function toLiveDebate({ Overview }: HansardDebateDocument): LiveDebate {
  return {
    title: Overview.Title.trim(),
    location: Overview.Location ?? null,
    house: Overview.House,
    date: /^\d{4}-\d{2}-\d{2}/.exec(Overview.Date)?.[0] ?? null,
  };
}
