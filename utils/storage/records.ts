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
