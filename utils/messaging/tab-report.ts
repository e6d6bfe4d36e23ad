import { PageContext, PageKind } from '../pages/context';
import { Target } from '../storage/target';
import { z } from '../zod';

/**
 * What a tab shows, as its content script reports it (`tab/context`), and what the view is
 * told over its port. The view reads a page only through these: never the page's DOM.
 */

/** A passage on the page that can be bookmarked from the view: its label, date and selectors. */
export const BookmarkOffer = z.object({
  label: z.string().check(z.minLength(1)),
  date: z.nullable(z.string()),
  target: Target,
});
export type BookmarkOffer = z.infer<typeof BookmarkOffer>;

/** A supported page, read. */
export const PageReport = z.object({
  status: z.literal('page'),
  context: PageContext,
  offers: z.array(BookmarkOffer),
  /** The ids of the page's notes whose passage the content script could not find on it. */
  orphans: z.optional(z.array(z.string())),
});
/** A supported page the reader could not read (`ExtractResult` with `ok: false`). */
export const UnreadableReport = z.object({
  status: z.literal('unreadable'),
  kind: PageKind,
  key: z.string(),
  reason: z.string(),
});
/**
 * A consultation's HTML document (utils/pages/consultation-document.ts): no page of its own (no
 * card, no visit), but the view offers its consultation's response workspace beside it.
 */
export const DocumentReport = z.object({
  status: z.literal('document'),
  consultation: z.object({ key: z.string().check(z.minLength(1)), url: z.string() }),
  title: z.nullable(z.string()),
});
/** Nothing for the extension here: not a supported page, or not that page (an error page). */
export const NoneReport = z.object({ status: z.literal('none') });

export const TabReport = z.discriminatedUnion('status', [
  PageReport,
  UnreadableReport,
  NoneReport,
  DocumentReport,
]);
export type TabReport = z.infer<typeof TabReport>;
