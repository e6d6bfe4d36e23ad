import { PageContext, PageKind } from '../pages/context';
import { Target } from '../storage/target';
import { StoryEntry } from '../story/timeline';
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
const PageReport = z.object({
  status: z.literal('page'),
  context: PageContext,
  offers: z.array(BookmarkOffer),
  /** The ids of the page's notes whose passage the content script could not find on it. */
  orphans: z.optional(z.array(z.string())),
});
/** A supported page the reader could not read (`ExtractResult` with `ok: false`). */
const UnreadableReport = z.object({
  status: z.literal('unreadable'),
  kind: PageKind,
  key: z.string(),
  reason: z.string(),
});
/**
 * A consultation's HTML document (utils/pages/consultation-document.ts): no page of its own (no
 * card, no visit), but the view offers its consultation's response workspace beside it.
 */
const DocumentReport = z.object({
  status: z.literal('document'),
  consultation: z.object({ key: z.string().check(z.minLength(1)), url: z.string() }),
  title: z.nullable(z.string()),
});
/** Nothing for the extension here: not a supported page, or not that page (an error page). */
const NoneReport = z.object({ status: z.literal('none') });

export const TabReport = z.discriminatedUnion('status', [
  PageReport,
  UnreadableReport,
  NoneReport,
  DocumentReport,
]);
export type TabReport = z.infer<typeof TabReport>;

/** What the view shows for a tab: its report, or that it is loading or gone. */
export const TabState = z.discriminatedUnion('status', [
  PageReport,
  UnreadableReport,
  NoneReport,
  DocumentReport,
  z.object({ status: z.literal('loading') }),
  z.object({ status: z.literal('closed') }),
]);
export type TabState = z.infer<typeof TabState>;

/** The view's port to the background. */
export const VIEW_PORT = 'civic-thread:view';

export const ViewPortMessage = z.discriminatedUnion('type', [
  /** View → background: show me this tab, and tell me whenever it changes. */
  z.object({ type: z.literal('show'), tabId: z.number().check(z.int(), z.nonnegative()) }),
  /**
   * Background → view: what the tab shows now; with a page, its story's first screen (its own
   * records and notes, as `story/get` without related pages gives it), so the view draws the
   * title and the story from this one message.
   */
  z.object({
    type: z.literal('tab'),
    tabId: z.number().check(z.int(), z.nonnegative()),
    state: TabState,
    story: z.optional(z.array(StoryEntry)),
  }),
]);
export type ViewPortMessage = z.infer<typeof ViewPortMessage>;

/** Background → content script (`tabs.sendMessage`): report your page again (the worker restarted). */
export const ReportAgain = z.object({ type: z.literal('tab/report-again') });

/** The tab a view's address names (`sidepanel.html?tab=12`), or null: follow the active tab. */
export function tabOfViewUrl(href: string): number | null {
  const tab = new URL(href).searchParams.get('tab');
  const id = tab !== null && /^\d+$/.test(tab) ? Number(tab) : null;
  return id !== null && Number.isSafeInteger(id) ? id : null;
}
