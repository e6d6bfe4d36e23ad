import type { Page } from 'playwright-core';
import { extensionPage, type Harness, openPage } from './harness';

declare const chrome: {
  tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
};

/** Tabs already given to a view, so pages opened at once each get their own. */
const claimed = new Set<number>();

/**
 * The id of the tab most recently opened that is not one of the extension's own pages nor
 * already given to a view. The worker reads it with `tabs.query` (ids only grow; without the
 * `tabs` permission it sees the addresses of the extension's own pages only).
 */
export async function newestTabId(harness: Harness): Promise<number> {
  const ids = await harness.worker.evaluate(async () =>
    (await chrome.tabs.query({}))
      .filter((tab) => !tab.url?.startsWith('chrome-extension://'))
      .map((tab) => tab.id ?? -1),
  );
  const id = Math.max(...ids.filter((tabId) => !claimed.has(tabId)));
  claimed.add(id);
  return id;
}

/** The view as a page of its own showing `tabId` (Playwright cannot open a side panel). */
export async function openView(harness: Harness, tabId: number): Promise<Page> {
  const view = await harness.context.newPage();
  await view.goto(extensionPage(harness, `sidepanel.html?tab=${tabId}`));
  return view;
}

/** Opens `url` in a tab, and the view of that tab once the view has drawn its page. */
export async function openWithView(harness: Harness, url: string) {
  const opened = await openPage(harness, url);
  const tabId = await newestTabId(harness);
  const view = await openView(harness, tabId);
  await view.locator('.view-header h1').waitFor();
  return { ...opened, tabId, view };
}

/**
 * Opens `url` in `count` tabs at once, then a view of each. The tabs are named before any view
 * exists (a view's own new tab is blank at first, so it would look like the newest page); which
 * tab gets which id is not known, which does not matter for one address.
 */
export async function openTabsWithViews(harness: Harness, url: string, count: number) {
  const opened = await Promise.all(Array.from({ length: count }, () => openPage(harness, url)));
  const tabIds: number[] = [];
  for (const _ of opened) tabIds.push(await newestTabId(harness));
  return Promise.all(
    opened.map(async (page, index) => {
      const tabId = tabIds[index] ?? -1;
      const view = await openView(harness, tabId);
      await view.locator('.view-header h1').waitFor();
      return { ...page, tabId, view };
    }),
  );
}

/** The value of a fact in one section of the view (`.live`), by its label. */
export function viewFact(view: Page, section: string, label: string) {
  return view
    .locator(`${section} .fact`, { has: view.locator(`dt:text-is("${label}")`) })
    .locator('dd');
}
