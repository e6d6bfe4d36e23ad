import { PageKind, SupportedPageUrl } from '../pages/context';
import { ThreadItem } from '../storage/thread-store';
import { z } from '../zod';

/** What the panel shows of a related page, whichever source found it. */
export const RelatedFacts = z.object({
  key: z.string().check(z.minLength(1)),
  kind: PageKind,
  url: SupportedPageUrl,
  title: z.string(),
  /** ISO date: a debate's sitting, a consultation's closing, a petition's response. */
  date: z.nullable(z.string()),
  /** A petition's state (open, closed, rejected) or a consultation's (open, closed, outcome). */
  state: z.nullable(z.string()),
  signatureCount: z.nullable(z.number()),
  responded: z.nullable(z.boolean()),
  debated: z.nullable(z.boolean()),
  /** A debate's location: Commons Chamber, Westminster Hall. */
  location: z.nullable(z.string()),
});
export type RelatedFacts = z.infer<typeof RelatedFacts>;

export const RelatedItem = z.extend(RelatedFacts, {
  /** Why it is listed, in words, strongest first. */
  reasons: z.array(z.string()),
  /** Listed on explicit evidence (a link, a petition number, the user's path), not text alone. */
  explicit: z.boolean(),
  score: z.number(),
});
export type RelatedItem = z.infer<typeof RelatedItem>;

export const RelatedView = z.object({
  groups: z.array(z.object({ kind: PageKind, items: z.array(RelatedItem) })),
  thread: z.array(ThreadItem),
  /** Pages of the thread whose stored records can no longer be read. */
  threadSkipped: z.number().check(z.int(), z.nonnegative()),
  /** Sources that could not be searched this time, by name ("Hansard"). */
  failed: z.array(z.string()),
});
export type RelatedView = z.infer<typeof RelatedView>;

/** What a link card shows about the page a link points to; `problem` says why facts are missing. */
export const LinkCard = z.extend(RelatedFacts, { problem: z.nullable(z.string()) });
export type LinkCard = z.infer<typeof LinkCard>;
