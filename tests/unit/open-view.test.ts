import { describe, expect, it } from 'vitest';
import { openView, type ViewApis } from '../../utils/view/open-view';

/** Fakes of the two ways to open the view, recording calls in order. */
function fakes(withSidePanel: boolean) {
  const calls: string[] = [];
  const apis: ViewApis = {
    ...(withSidePanel && {
      sidePanel: {
        setOptions: async (options) => {
          calls.push(`sidePanel.setOptions ${JSON.stringify(options)}`);
        },
        open: async ({ tabId }) => {
          calls.push(`sidePanel.open ${tabId}`);
        },
      },
    }),
    tabs: {
      create: async (properties) => {
        calls.push(`tabs.create ${JSON.stringify(properties)}`);
      },
    },
    getURL: (path) => `chrome-extension://id${path}`,
  };
  return { apis, calls };
}

describe('opening the full view', () => {
  it("enables the tab's side panel and opens it before anything is awaited (the gesture would be lost)", async () => {
    const { apis, calls } = fakes(true);
    const opened = openView(apis, { id: 4, index: 1 });
    // A card clicked before its page's report reached the worker: the panel is enabled first.
    expect(calls).toEqual([
      `sidePanel.setOptions ${JSON.stringify({ tabId: 4, path: 'sidepanel.html', enabled: true })}`,
      'sidePanel.open 4',
    ]);
    expect(await opened).toBe('side-panel');
  });

  it('opens the view page for this tab in a new tab next to it where there is no side panel (Firefox)', async () => {
    const { apis, calls } = fakes(false);
    expect(await openView(apis, { id: 4, index: 1 })).toBe('tab');
    expect(calls).toEqual([
      `tabs.create ${JSON.stringify({ url: 'chrome-extension://id/sidepanel.html?tab=4', openerTabId: 4, index: 2 })}`,
    ]);
  });

  it('refuses a sender without a tab (an extension page)', async () => {
    const { apis, calls } = fakes(true);
    await expect(openView(apis, undefined)).rejects.toThrow('Only a page can open its view.');
    expect(calls).toEqual([]);
  });
});
