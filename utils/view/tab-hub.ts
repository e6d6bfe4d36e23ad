import type { Port } from '../messaging/page-channel';
import { TabReport } from '../messaging/tab-report';
import type { PageContext } from '../pages/context';
import type { StoryEntry } from '../story/timeline';
import { type TabState, VIEW_PORT, ViewPortMessage } from './tab-state';

export interface TabHubDeps {
  extensionId: string;
  /** Asks the tab's content script for its report (`tabs.sendMessage`); rejects when none answers. */
  askTab(tabId: number): Promise<unknown>;
  /** Whether the tab is still open (`tabs.get`). */
  tabExists(tabId: number): Promise<boolean>;
  /** Enables the browser's side panel for the tab, or not (Chromium; nothing in Firefox). */
  enablePanel(tabId: number, enabled: boolean): void;
  /**
   * The story's first screen of a page (`story/get` without related pages), sent with the page's
   * state so the view draws title and story from one message, with no round trip of its own.
   */
  firstStory?(context: PageContext): Promise<StoryEntry[]>;
  /** After a tab finished loading, how long its content script may take to report. */
  graceMs?: number;
  setTimer?: (run: () => void, ms: number) => void;
}

/**
 * The background's record of what each tab shows, for the views beside them. It is only a
 * cache: after a worker restart it is empty, and a view asking for a tab makes the background
 * ask that tab's content script to report again, so nothing the user sees is lost.
 */
export function createTabHub({
  extensionId,
  askTab,
  tabExists,
  enablePanel,
  firstStory,
  // The content script is injected after the page's load event; an unsupported page gets none.
  graceMs = 1500,
  setTimer = (run, ms) => void setTimeout(run, ms),
}: TabHubDeps) {
  const tabs = new Map<number, TabState>();
  const views = new Map<Port, number>();

  /**
   * The first story last put together for each tab's page, with the context it read: a report
   * that changes only the page's orphans or offers, or nothing, is told with the same story.
   */
  const built = new Map<number, { read: string; story: Promise<StoryEntry[] | undefined> }>();
  const storyFor = (
    build: NonNullable<TabHubDeps['firstStory']>,
    tabId: number,
    context: PageContext,
    again: boolean,
  ) => {
    const read = JSON.stringify(context);
    const known = built.get(tabId);
    if (known && known.read === read && !again) return known.story;
    // Without its story if that fails (the view then asks), and not kept: the next report asks.
    const story: Promise<StoryEntry[] | undefined> = build(context).catch(() => {
      if (built.get(tabId)?.story === story) built.delete(tabId);
      return undefined;
    });
    built.set(tabId, { read, story });
    return story;
  };

  /**
   * Tells `ports` (those of `tabId`'s views) its state, with a page's first story; `again` (a
   * view just connected) puts the story together afresh, as the notes may have changed since.
   */
  const tell = (ports: Port[], tabId: number, state: TabState, again = false) => {
    const post = (story?: StoryEntry[]) => {
      const message: ViewPortMessage = { type: 'tab', tabId, state, story };
      for (const port of ports) if (views.get(port) === tabId) port.postMessage(message);
    };
    if (state.status !== 'page' || !firstStory || ports.length === 0) {
      built.delete(tabId);
      return post();
    }
    // Not at all once a newer state has been told: messages never arrive out of order.
    void storyFor(firstStory, tabId, state.context, again).then((story) => {
      if (tabs.get(tabId) === state) post(story);
    });
  };
  const portsOf = (tabId: number) =>
    [...views].flatMap(([port, shown]) => (shown === tabId ? [port] : []));

  const set = (tabId: number, state: TabState) => {
    tabs.set(tabId, state);
    tell(portsOf(tabId), tabId, state);
    if (state.status === 'closed') tabs.delete(tabId);
  };

  const report = (tabId: number, next: TabReport) => {
    set(tabId, next);
    // A consultation's document has a view too: its consultation's response workspace.
    enablePanel(tabId, next.status === 'page' || next.status === 'document');
  };

  /**
   * Asks the tab again: its content script answers with its report, or there is none. A report
   * or navigation told meanwhile is newer than this answer (a content script still starting has
   * no answer yet, then reports), so the answer is dropped.
   */
  const refresh = async (tabId: number) => {
    const asked = tabs.get(tabId);
    const unchanged = () => tabs.get(tabId) === asked;
    try {
      const answer = TabReport.safeParse(await askTab(tabId));
      if (unchanged()) report(tabId, answer.success ? answer.data : { status: 'none' });
    } catch {
      const exists = await tabExists(tabId);
      if (!unchanged()) return;
      if (exists) report(tabId, { status: 'none' });
      else set(tabId, { status: 'closed' });
    }
  };

  return {
    /** A view's port: it names the tab to show and hears every change to it. */
    accept(port: Port) {
      if (port.name !== VIEW_PORT || port.sender?.id !== extensionId) return port.disconnect();
      port.onMessage.addListener((message: unknown) => {
        const parsed = ViewPortMessage.safeParse(message);
        if (!parsed.success || parsed.data.type !== 'show') return;
        const { tabId } = parsed.data;
        views.set(port, tabId);
        const known = tabs.get(tabId);
        if (known) tell([port], tabId, known, true);
        else {
          port.postMessage({
            type: 'tab',
            tabId,
            state: { status: 'loading' },
          } satisfies ViewPortMessage);
          void refresh(tabId);
        }
      });
      port.onDisconnect.addListener(() => views.delete(port));
    },
    /** The tab's content script said what it shows. */
    report,
    /**
     * The tab's page was counted as visited, which its content script says before its report
     * (that waits for the card): a view beside it has the page's first story put together now,
     * so the report finds it ready, as for a report of an unchanged page.
     */
    visited(tabId: number, context: PageContext) {
      if (firstStory && portsOf(tabId).length > 0) void storyFor(firstStory, tabId, context, false);
    },
    /** The tab started loading a new page: its old report no longer holds. */
    navigating(tabId: number) {
      set(tabId, { status: 'loading' });
    },
    /**
     * The tab finished loading without a report yet. Its content script is asked at once (a page
     * back from the back/forward cache, or one whose frame loaded something, still has one), and
     * if none answers, again once it has had time to load; then the tab has nothing.
     */
    loaded(tabId: number) {
      const waiting = () => tabs.get(tabId)?.status === 'loading';
      if (!waiting()) return;
      const later = () =>
        setTimer(() => {
          if (waiting()) void refresh(tabId);
        }, graceMs);
      askTab(tabId).then((answer) => {
        const parsed = TabReport.safeParse(answer);
        if (!waiting()) return;
        if (parsed.success) report(tabId, parsed.data);
        else later();
      }, later);
    },
    closed(tabId: number) {
      set(tabId, { status: 'closed' });
    },
    stateOf(tabId: number): TabState | undefined {
      return tabs.get(tabId);
    },
  };
}
export type TabHub = ReturnType<typeof createTabHub>;
