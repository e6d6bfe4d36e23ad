import { PageKind, SupportedPageUrl } from '../pages/context';
import { ThreadItem } from '../storage/thread-store';
import { z } from '../zod';
import { type LinkCardShape, RelatedFactsShape } from './link-card-shape';

/** What the panel shows of a related page, whichever source found it. */
export const RelatedFacts = z.extend(RelatedFactsShape, {
  key: z.string().check(z.minLength(1)),
  url: SupportedPageUrl,
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

/** What a link card shows (link-card-shape.ts): built here in the background, checked by the page. */
export type LinkCard = z.infer<typeof LinkCardShape>;
