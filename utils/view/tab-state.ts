import { DocumentReport, NoneReport, PageReport, UnreadableReport } from '../messaging/tab-report';
import { StoryEntry } from '../story/timeline';
import { z } from '../zod';

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

/** The tab a view's address names (`sidepanel.html?tab=12`), or null: follow the active tab. */
export function tabOfViewUrl(href: string): number | null {
  const tab = new URL(href).searchParams.get('tab');
  const id = tab !== null && /^\d+$/.test(tab) ? Number(tab) : null;
  return id !== null && Number.isSafeInteger(id) ? id : null;
}
