import type { TabState } from './tab-state';

/** The page the view is, in Chromium's side panel and Firefox's sidebar alike. */
export const VIEW_PATH = 'sidepanel.html';

/** The browser APIs that open the view: Chromium's `sidePanel`, Firefox's `sidebarAction`. */
export interface ViewOpeners {
  sidePanel?: { open(options: { tabId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * The toolbar button and the shortcut: on a supported page or a consultation's document, the
 * view beside it; anywhere else, the library in a tab. Synchronous on purpose: `open` counts only
 * within the user's gesture, and any `await` before it loses the gesture. A tab the background knows nothing about yet
 * (the worker just restarted) is tried, and the library opened if the browser refuses.
 */
export function openViewOrLibrary(
  openers: ViewOpeners,
  tabId: number | undefined,
  known: TabState | undefined,
  openLibrary: () => void,
): void {
  const supported =
    known === undefined ||
    known.status === 'page' ||
    known.status === 'document' ||
    known.status === 'loading';
  if (tabId === undefined || !supported) {
    openLibrary();
  } else if (openers.sidePanel) {
    openers.sidePanel.open({ tabId }).catch(openLibrary);
  } else if (openers.sidebarAction) {
    openers.sidebarAction.open().catch(openLibrary);
  } else openLibrary();
}

/** Chromium's `sidePanel` (the polyfill's types do not have it; Firefox has no such API). */
export interface SidePanelApi {
  open(options: { tabId: number }): Promise<void>;
  setOptions(options: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
}

export function chromiumSidePanel(): SidePanelApi | undefined {
  return (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
}

/** Firefox's `sidebarAction`, from its own `browser` (Chromium has none). */
export function firefoxSidebar(): ViewOpeners['sidebarAction'] {
  return (globalThis as { browser?: { sidebarAction?: ViewOpeners['sidebarAction'] } }).browser
    ?.sidebarAction;
}

/** The listener for the toolbar button (and `_execute_action`): nothing awaited before `open`. */
export function onToolbarClick(
  openers: ViewOpeners,
  stateOf: (tabId: number) => TabState | undefined,
  openLibrary: () => void,
) {
  return (tab: { id?: number }) =>
    openViewOrLibrary(
      openers,
      tab.id,
      tab.id === undefined ? undefined : stateOf(tab.id),
      openLibrary,
    );
}

/** What the card's "Open the full story" needs: the side panel where there is one, else a tab. */
export interface ViewApis {
  sidePanel?: SidePanelApi;
  tabs: {
    create(properties: { url: string; index?: number; openerTabId?: number }): Promise<unknown>;
  };
  getURL(path: string): string;
}

/**
 * Opens the full view beside `tab`, from the card's click. Must run in the same task as the
 * message that asks for it: Chromium opens a side panel only within the user's gesture, which any
 * `await` before `open` ends. Firefox's `sidebarAction.open` does not count a click on a web page
 * as a gesture at all, so there the view opens as a tab next to the page (`?tab=` shows that
 * page's context). The tab's panel is enabled first, in the same task: a card clicked before its
 * page's report reached the worker (which enables it) would otherwise find none to open.
 */
export function openView(
  apis: ViewApis,
  tab: { id?: number; index?: number } | undefined,
): Promise<'side-panel' | 'tab'> {
  if (tab?.id === undefined) return Promise.reject(new Error('Only a page can open its view.'));
  if (apis.sidePanel) {
    // Not awaited: the browser takes the two calls in order, and the gesture lasts for `open`.
    void apis.sidePanel
      .setOptions({ tabId: tab.id, path: VIEW_PATH, enabled: true })
      .catch(() => {});
    return apis.sidePanel.open({ tabId: tab.id }).then(() => 'side-panel');
  }
  return apis.tabs
    .create({
      url: apis.getURL(`/${VIEW_PATH}?tab=${tab.id}`),
      openerTabId: tab.id,
      ...(tab.index !== undefined && { index: tab.index + 1 }),
    })
    .then(() => 'tab');
}
