import { Target } from '../annotations/selectors';
import { Source } from '../live/freshness';
import { LinkedPage, PageContext, PageKind } from '../pages/context';
import { z } from '../zod';

/** A supported page the user has visited: the node of their "thread". */
export const PageRecord = z.object({
  key: z.string().min(1),
  kind: PageKind,
  url: z.string(),
  title: z.string().nullable(),
  context: PageContext,
  firstVisitedAt: z.number(),
  lastVisitedAt: z.number(),
  visitCount: z.number().int().positive(),
  lastVisitId: z.string(),
});
export type PageRecord = z.infer<typeof PageRecord>;

/** One outbound link from a visited page to another supported page: an edge of the thread. */
export const LinkRecord = LinkedPage.omit({ key: true }).extend({
  from: z.string().min(1),
  to: z.string().min(1),
});
export type LinkRecord = z.infer<typeof LinkRecord>;

export const Settings = z.object({
  panelCollapsed: z.boolean().default(false),
});
export type Settings = z.infer<typeof Settings>;

/** One API answer, already validated against its source's schema when it was fetched. */
export const CacheEntry = z.object({
  url: z.string(),
  source: Source,
  fetchedAt: z.number(),
  body: z.unknown(),
});
export type CacheEntry = z.infer<typeof CacheEntry>;

/** The longest passage one highlight may quote: longer selections are refused with a message. */
export const MAX_QUOTE_LENGTH = 5_000;
/** A bookmarked response keeps its whole text, up to this length. */
export const MAX_BOOKMARK_LENGTH = 50_000;

export const Colour = z.enum(['yellow', 'green', 'blue', 'pink']);
export type Colour = z.infer<typeof Colour>;

/** A highlight (a passage, maybe with a note), a note about the whole page, or a saved response. */
export const Annotation = z
  .object({
    id: z.string().min(1),
    kind: z.enum(['highlight', 'page-note', 'bookmark']),
    pageKey: z.string().min(1),
    pageUrl: z.string(),
    pageTitle: z.string().nullable(),
    pageKind: PageKind,
    /** Where the passage is, and its exact text; null for a page note. */
    target: Target.refine((target) => target.quote.exact.length <= MAX_BOOKMARK_LENGTH, {
      message: `A passage can be at most ${MAX_BOOKMARK_LENGTH} characters.`,
    }).nullable(),
    /** For a bookmark: what was saved, and its date. */
    bookmark: z.object({ label: z.string(), date: z.string().nullable() }).optional(),
    note: z.string().max(20_000),
    tags: z.array(z.string().trim().min(1).max(60)).max(30),
    colour: Colour,
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .refine(
    (a) => a.kind !== 'highlight' || (a.target?.quote.exact.length ?? 0) <= MAX_QUOTE_LENGTH,
    {
      message: `A highlight can quote at most ${MAX_QUOTE_LENGTH} characters.`,
      path: ['target'],
    },
  );
export type Annotation = z.infer<typeof Annotation>;
