import { browser } from 'wxt/browser';
import { keepPort, type Port } from '../messaging/page-channel';
import type { StoryEntry } from '../story/timeline';
import { type TabState, VIEW_PORT, ViewPortMessage } from './tab-state';

/**
 * The view's side of its port: shows `tabId`, and calls `onState` with what the tab shows now
 * and after every change (with a page, its story's first screen, when the background had it). Reconnects when the service worker restarts; the background then
 * asks the tab again, so nothing is lost. Returns a function that stops.
 */
export function watchTab(
  tabId: number,
  onState: (state: TabState, story?: StoryEntry[]) => void,
  connect: () => Port = () => browser.runtime.connect({ name: VIEW_PORT }),
): () => void {
  return keepPort(connect, { type: 'show', tabId } satisfies ViewPortMessage, (message) => {
    const parsed = ViewPortMessage.safeParse(message);
    if (parsed.success && parsed.data.type === 'tab' && parsed.data.tabId === tabId) {
      onState(parsed.data.state, parsed.data.story);
    }
  });
}
