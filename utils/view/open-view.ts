import type { TabState } from './tab-state';

/** The page the view is, in Chromium's side panel and Firefox's sidebar alike. */
export const VIEW_PATH = 'sidepanel.html';

/** The browser APIs that open the view: Chromium's `sidePanel`, Firefox's `sidebarAction`. */
export interface ViewOpeners {
  sidePanel?: { open(options: { tabId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * The toolbar button and the shortcut: on a supported page, the view beside it; anywhere else,
 * the library in a tab. Synchronous on purpose: `open` counts only within the user's gesture,
 * and any `await` before it loses the gesture. A tab the background knows nothing about yet
 * (the worker just restarted) is tried, and the library opened if the browser refuses.
 */
export function openViewOrLibrary(
  openers: ViewOpeners,
  tabId: number | undefined,
  known: TabState | undefined,
  openLibrary: () => void,
): void {
  const supported = known === undefined || known.status === 'page' || known.status === 'loading';
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
