/** The full view's page: the WXT side panel entrypoint, also opened as a tab with `?tab=<id>`. */
export const VIEW_PAGE = '/sidepanel.html';

/** The view page showing one tab's context. */
export function viewPageFor(tabId: number): string {
  return `${VIEW_PAGE}?tab=${tabId}`;
}

/** The parts of the extension API that open the view, so tests can pass fakes. */
export interface ViewApis {
  /** Chromium's side panel; absent in Firefox. */
  sidePanel?: { open(options: { tabId: number }): Promise<void> };
  tabs: {
    create(properties: { url: string; index?: number; openerTabId?: number }): Promise<unknown>;
  };
  getURL(path: string): string;
}

/**
 * Opens the full view beside `tab`. Must run in the same task as the message that asks
 * for it: Chromium opens a side panel only within the user's gesture, which any `await`
 * before `open` ends. Firefox's `sidebarAction.open` does not count a click on a web page
 * as a gesture at all, so there the view opens as a tab next to the page.
 */
export function openView(
  apis: ViewApis,
  tab: { id?: number; index?: number } | undefined,
): Promise<'side-panel' | 'tab'> {
  if (tab?.id === undefined) return Promise.reject(new Error('Only a page can open its view.'));
  if (apis.sidePanel) return apis.sidePanel.open({ tabId: tab.id }).then(() => 'side-panel');
  return apis.tabs
    .create({
      url: apis.getURL(viewPageFor(tab.id)),
      openerTabId: tab.id,
      ...(tab.index !== undefined && { index: tab.index + 1 }),
    })
    .then(() => 'tab');
}
