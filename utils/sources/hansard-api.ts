import { stripTags } from '../pages/text';
import { z } from '../zod';
import type { LiveRequest } from './request';

export const HANSARD_API_HOST = 'hansard-api.parliament.uk';

const Overview = z.object({
  ExtId: z.string(),
  Title: z.string(),
  Date: z.string(),
  Location: z.optional(z.nullable(z.string())),
  House: z.string(),
  /** The debates before and after it in the sitting: neighbours in time, not in subject. */
  NextDebateExtId: z.optional(z.nullable(z.string())),
  PreviousDebateExtId: z.optional(z.nullable(z.string())),
});

/** A debate section's speeches and its child sections, which nest in turn. */
const HansardDebateChild = z.object({
  Overview: z.object({ ExtId: z.string() }),
  /** The contributions, as HTML; read for the debate's key terms. */
  Items: z._default(z.array(z.object({ Value: z.optional(z.nullable(z.string())) })), []),
  get ChildDebates(): z.ZodMiniDefault<z.ZodMiniArray<typeof HansardDebateChild>> {
    return z._default(z.array(HansardDebateChild), []);
  },
});

/**
 * Hansard's debate JSON (`/debates/debate/{extId}.json`, the Swagger's `Debate`). Closed source:
 * the shape follows the Swagger and captured answers (see tests/fixtures/API.md). Date-times carry
 * no time zone. A parent section (Oral Answers, Petitions) has no items of its own: its speeches
 * are in `ChildDebates`, which nest in turn.
 */
export const HansardDebateDocument = z.extend(HansardDebateChild, {
  Overview,
  /** The section tree down to this debate: the day's section ("Commons Chamber"), its parents. */
  Navigator: z._default(z.array(z.object({ ExternalId: z.nullable(z.string()) })), []),
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

/**
 * The keys of the sections that are this same debate, not others: the ones above it in the
 * section tree and its child sections, at any depth.
 */
export function ownSectionKeys(debate: HansardDebateDocument): Set<string> {
  const below = (section: z.infer<typeof HansardDebateChild>): string[] =>
    section.ChildDebates.flatMap((child) => [child.Overview.ExtId, ...below(child)]);
  const ids = [...debate.Navigator.flatMap((node) => node.ExternalId ?? []), ...below(debate)];
  return new Set(ids.map((id) => `debate:${id.toUpperCase()}`));
}

/** The text of every contribution in a debate and its child sections, in order, tags dropped. */
export function debateText(section: z.infer<typeof HansardDebateChild>): string {
  return [
    ...section.Items.map((item) => stripTags(item.Value ?? '')),
    ...section.ChildDebates.map(debateText),
  ].join(' ');
}
