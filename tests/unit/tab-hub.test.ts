import { describe, expect, it, vi } from 'vitest';
import { TabReport } from '../../utils/messaging/tab-report';
import type { PageContext } from '../../utils/pages/context';
import type { StoryEntry } from '../../utils/story/timeline';
import { createTabHub, type TabHubDeps } from '../../utils/view/tab-hub';
import {
  type TabState,
  tabOfViewUrl,
  VIEW_PORT,
  ViewPortMessage,
} from '../../utils/view/tab-state';
import { watchTab } from '../../utils/view/view-channel';

const context: PageContext = {
  kind: 'debate',
  url: 'https://hansard.parliament.uk/Commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/SpecialEducationalNeedsAndDisabilitiesReview',
  key: 'debate:BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40',
  title: 'Special Educational Needs and Disabilities Review',
  links: [],
  unread: [],
  debateId: 'BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40',
  house: 'Commons',
  sittingDate: '2022-03-29',
  location: 'Commons Chamber',
  petitionNumbers: [591092],
};
const PAGE: TabReport = { status: 'page', context, offers: [] };
const ENTRY: StoryEntry = {
  date: '2022-03-29',
  what: 'Debated',
  key: context.key,
  kind: 'debate',
  url: context.url,
  title: context.title,
  current: true,
  notes: 0,
  bookmarks: [],
};

type Listener = (message: unknown) => void;

/** A view's port and the background's end of it, joined (messages cloned as the browser does). */
function portPair(senderId = 'ext') {
  const heard = { view: [] as Listener[], background: [] as Listener[] };
  const gone = { view: [] as (() => void)[], background: [] as (() => void)[] };
  const end = (mine: 'view' | 'background', theirs: 'view' | 'background') => ({
    name: VIEW_PORT,
    sender: { id: senderId },
    postMessage: (message: unknown) => {
      for (const listener of heard[theirs]) listener(structuredClone(message));
    },
    onMessage: { addListener: (listener: Listener) => heard[mine].push(listener) },
    onDisconnect: { addListener: (listener: () => void) => gone[mine].push(listener) },
    disconnect: vi.fn(() => {
      for (const listener of gone[theirs]) listener();
    }),
  });
  return { view: end('view', 'background'), background: end('background', 'view') };
}

function hubWith(overrides: Partial<TabHubDeps> = {}) {
  const timers: (() => void)[] = [];
  const enablePanel = vi.fn();
  const hub = createTabHub({
    extensionId: 'ext',
    askTab: async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    },
    tabExists: async () => true,
    enablePanel,
    setTimer: (run) => void timers.push(run),
    ...overrides,
  });
  /** Opens a view of `tabId`; returns every state it is told. */
  const view = (tabId: number) => {
    const states: TabState[] = [];
    const pair = portPair();
    hub.accept(pair.background as never);
    watchTab(
      tabId,
      (state) => states.push(state),
      () => pair.view as never,
    );
    return states;
  };
  return { hub, enablePanel, timers, view };
}

/** A view's port on `tabId`: every message it is told, with the story. */
function watcher(hub: ReturnType<typeof createTabHub>, tabId: number) {
  const pair = portPair();
  const told: ViewPortMessage[] = [];
  pair.view.onMessage.addListener((m) => told.push(ViewPortMessage.parse(m)));
  hub.accept(pair.background as never);
  pair.view.postMessage({ type: 'show', tabId });
  return told;
}

/** A first story that is put together only when the test tells it (`stories[n](entries)`). */
function storiesToTell() {
  const stories: ((entries: StoryEntry[]) => void)[] = [];
  const firstStory = vi.fn(
    (_: PageContext) => new Promise<StoryEntry[]>((resolve) => stories.push(resolve)),
  );
  return { stories, firstStory };
}

describe('what each tab shows, for the views beside them', () => {
  it('tells a view its tab’s report, and every change, and no other tab’s', () => {
    const { hub, view, enablePanel } = hubWith();
    hub.report(1, PAGE);
    const states = view(1);
    hub.report(2, { status: 'none' });
    hub.navigating(1);
    hub.report(1, { status: 'none' });
    expect(states.map((s) => s.status)).toEqual(['page', 'loading', 'none']);
    // The side panel is offered on the supported page only.
    expect(enablePanel.mock.calls).toEqual([
      [1, true],
      [2, false],
      [1, false],
    ]);
  });

  it('offers the side panel beside a consultation’s document, told to its view as it came', () => {
    const { hub, view, enablePanel } = hubWith();
    const states = view(3);
    const report = TabReport.parse({
      status: 'document',
      consultation: {
        key: 'consultation:sen-workforce-training-standards',
        url: 'https://www.gov.uk/government/consultations/sen-workforce-training-standards',
      },
      title: 'SEN workforce training standards: consultation document',
    });
    hub.report(3, report);
    expect(states.at(-1)).toEqual(report);
    expect(enablePanel.mock.calls).toEqual([[3, true]]);
  });

  it('after a restart (nothing known), asks the tab, whose content script answers with its report', async () => {
    const askTab = vi.fn(async () => structuredClone(PAGE));
    const { view } = hubWith({ askTab });
    const states = view(5);
    await expect.poll(() => states.map((s) => s.status)).toEqual(['loading', 'page']);
    expect(askTab).toHaveBeenCalledWith(5);
  });

  it('keeps a report told while the tab was being asked: the late "no answer" is older', async () => {
    let refuse = () => {};
    const askTab = () =>
      new Promise<never>((_, reject) => {
        refuse = () => reject(new Error('Receiving end does not exist.'));
      });
    let exists = (_: boolean) => {};
    const existing = new Promise<boolean>((resolve) => {
      exists = resolve;
    });
    const tabExists = vi.fn(() => existing);
    const { hub, view } = hubWith({ askTab, tabExists });
    const states = view(5);
    await expect.poll(() => states.map((s) => s.status)).toEqual(['loading']);
    // The content script, still starting when asked, reports; then the ask fails.
    hub.report(5, PAGE);
    refuse();
    await expect.poll(() => tabExists.mock.calls.length).toBe(1);
    exists(true);
    // The hub's own wait on the same answer goes first.
    await existing;
    expect(states.map((s) => s.status)).toEqual(['loading', 'page']);
  });

  it('takes an answer that is not a report as nothing to show, not as a page', async () => {
    const { view } = hubWith({ askTab: async () => ({ status: 'page', context: { kind: 'x' } }) });
    const states = view(5);
    await expect.poll(() => states.at(-1)?.status).toBe('none');
  });

  it('says a tab that does not answer has nothing, and a tab that is gone is closed', async () => {
    const open = hubWith();
    const none = open.view(5);
    await expect.poll(() => none.at(-1)?.status).toBe('none');
    const gone = hubWith({ tabExists: async () => false });
    const closed = gone.view(6);
    await expect.poll(() => closed.at(-1)?.status).toBe('closed');
  });

  it('a tab that finished loading and has not reported is asked once its grace is over', async () => {
    let answer: TabReport | null = null;
    const { hub, view, timers } = hubWith({
      askTab: async () => {
        if (!answer) throw new Error('no receiver');
        return answer;
      },
    });
    hub.report(3, PAGE);
    const states = view(3);
    hub.navigating(3);
    hub.loaded(3);
    // Asked at once: no content script answers yet, so it waits out the grace.
    await expect.poll(() => timers.length).toBe(1);
    expect(states.at(-1)?.status).toBe('loading');
    answer = { status: 'none' };
    for (const run of timers) run();
    await expect.poll(() => states.map((s) => s.status)).toEqual(['page', 'loading', 'none']);
  });

  it('a report that comes within the grace is kept, not asked again', async () => {
    const askTab = vi.fn(async (): Promise<unknown> => ({ status: 'none' }));
    const { hub, view, timers } = hubWith({ askTab });
    const states = view(3);
    await expect.poll(() => states.at(-1)?.status).toBe('none');
    hub.navigating(3);
    askTab.mockRejectedValue(new Error('no receiver yet'));
    hub.loaded(3);
    hub.report(3, PAGE);
    await Promise.resolve();
    for (const run of timers) run();
    expect(states.map((s) => s.status)).toEqual(['loading', 'none', 'loading', 'page']);
    // Asked when the view opened, and once when the tab finished loading: not after the grace.
    expect(askTab).toHaveBeenCalledTimes(2);
  });

  it('a tab that finished loading and still has its content script (back/forward cache) is asked at once', async () => {
    const askTab = vi.fn(async () => structuredClone(PAGE));
    const { hub, view, timers } = hubWith({ askTab });
    hub.report(3, PAGE);
    const states = view(3);
    hub.navigating(3);
    hub.loaded(3);
    await expect.poll(() => states.map((s) => s.status)).toEqual(['page', 'loading', 'page']);
    expect(timers).toEqual([]);
  });

  it('sends a page’s first story with its state, and never after a newer state', async () => {
    const { stories, firstStory } = storiesToTell();
    const { hub } = hubWith({ firstStory });
    // No view watches yet: no story is put together.
    hub.report(1, PAGE);
    expect(firstStory).not.toHaveBeenCalled();
    const pair = portPair();
    const told: ViewPortMessage[] = [];
    pair.view.onMessage.addListener((m) => told.push(ViewPortMessage.parse(m)));
    hub.accept(pair.background as never);
    pair.view.postMessage({ type: 'show', tabId: 1 });
    expect(firstStory).toHaveBeenCalledWith(context);
    stories[0]?.([ENTRY]);
    await expect.poll(() => told.length).toBe(1);
    expect(told[0]).toEqual({ type: 'tab', tabId: 1, state: PAGE, story: [ENTRY] });
    // A story that comes after the tab moved on is not told: the view would go back a page.
    hub.report(1, { ...PAGE, context: { ...context, title: 'SEND Review' } });
    hub.navigating(1);
    stories[1]?.([ENTRY]);
    await Promise.resolve();
    await Promise.resolve();
    expect(told.slice(1).map((m) => m.type === 'tab' && m.state.status)).toEqual(['loading']);
  });

  it('puts the first story together again only when the page it reads changed, not for each report', async () => {
    const firstStory = vi.fn(async (_: PageContext) => [ENTRY]);
    const { hub } = hubWith({ firstStory });
    hub.report(1, PAGE);
    const told = watcher(hub, 1);
    await expect.poll(() => told.length).toBe(1);
    expect(firstStory).toHaveBeenCalledTimes(1);
    // The content script found an orphaned note, then none again, then reported the same page.
    for (const report of [{ ...PAGE, orphans: ['note-1'] }, PAGE, structuredClone(PAGE)]) {
      const before = told.length;
      hub.report(1, report);
      await expect.poll(() => told.length).toBe(before + 1);
    }
    expect(firstStory).toHaveBeenCalledTimes(1);
    // Every state is still told, each with the story.
    expect(told.map((m) => m.type === 'tab' && m.state)).toEqual([
      PAGE,
      { ...PAGE, orphans: ['note-1'] },
      PAGE,
      PAGE,
    ]);
    expect(told.map((m) => m.type === 'tab' && m.story)).toEqual([
      [ENTRY],
      [ENTRY],
      [ENTRY],
      [ENTRY],
    ]);
    // What the story reads changed: the page's context, or a new load of the page.
    const renamed = { ...context, title: 'SEND Review' };
    hub.report(1, { ...PAGE, context: renamed });
    hub.navigating(1);
    hub.report(1, PAGE);
    await expect.poll(() => firstStory.mock.calls.length).toBe(3);
    expect(firstStory.mock.calls.map(([read]) => read.title)).toEqual([
      context.title,
      'SEND Review',
      context.title,
    ]);
    // A view that connects later is told a story put together afresh (the notes may have changed).
    watcher(hub, 1);
    expect(firstStory).toHaveBeenCalledTimes(4);
  });

  it('puts the first story together when the page is visited, for the report that follows', async () => {
    const { stories, firstStory } = storiesToTell();
    const { hub } = hubWith({ firstStory });
    // No view beside the tab: nothing is put together for none.
    hub.visited(1, context);
    expect(firstStory).not.toHaveBeenCalled();
    const told = watcher(hub, 1);
    hub.navigating(1);
    hub.visited(1, structuredClone(context));
    expect(firstStory).toHaveBeenCalledTimes(1);
    stories[0]?.([ENTRY]);
    // The report of that page is told with that story, not one asked again.
    hub.report(1, PAGE);
    await expect
      .poll(() => told.at(-1))
      .toEqual({ type: 'tab', tabId: 1, state: PAGE, story: [ENTRY] });
    expect(firstStory).toHaveBeenCalledTimes(1);
    // A report of another page asks its own.
    hub.navigating(1);
    hub.visited(1, context);
    hub.report(1, { ...PAGE, context: { ...context, title: 'SEND Review' } });
    expect(firstStory).toHaveBeenCalledTimes(3);
  });

  it('sends the state without a story when the story fails, and only to views that watch', async () => {
    const firstStory = vi.fn(async (_: PageContext) => Promise.reject(new Error('storage')));
    const { hub, view } = hubWith({ firstStory });
    hub.report(2, PAGE);
    const states = view(2);
    await expect.poll(() => states.map((s) => s.status)).toEqual(['page']);
    // A story that failed is not kept: the same page reported again asks for it again.
    hub.report(2, PAGE);
    await expect.poll(() => states.map((s) => s.status)).toEqual(['page', 'page']);
    expect(firstStory).toHaveBeenCalledTimes(2);
  });

  it('tells a closed tab’s views, and refuses ports from anyone else', () => {
    const { hub, view } = hubWith();
    hub.report(4, PAGE);
    const states = view(4);
    hub.closed(4);
    expect(states.at(-1)).toEqual({ status: 'closed' });
    const stranger = portPair('other-extension');
    hub.accept(stranger.background as never);
    expect(stranger.background.disconnect).toHaveBeenCalled();
  });

  it('ignores messages a view does not send', () => {
    const { hub } = hubWith();
    const pair = portPair();
    const told: unknown[] = [];
    pair.view.onMessage.addListener((m) => told.push(m));
    hub.accept(pair.background as never);
    pair.view.postMessage({ type: 'tab', tabId: 1, state: { status: 'none' } });
    pair.view.postMessage({ type: 'show', tabId: -1 });
    expect(told).toEqual([]);
    pair.view.postMessage({ type: 'show', tabId: 1 });
    expect(ViewPortMessage.parse(told[0])).toEqual({
      type: 'tab',
      tabId: 1,
      state: { status: 'loading' },
    });
  });
});

describe('the tab a view’s address names', () => {
  it('reads ?tab=<id>, and follows the active tab without one or with a bad one', () => {
    const at = (query: string) => tabOfViewUrl(`chrome-extension://abc/sidepanel.html${query}`);
    expect(at('?tab=12')).toBe(12);
    expect(at('')).toBeNull();
    for (const bad of ['?tab=', '?tab=abc', '?tab=-1', '?tab=1e3', '?tab=99999999999999999999']) {
      expect(at(bad), bad).toBeNull();
    }
  });
});
