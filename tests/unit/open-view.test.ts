import { describe, expect, it } from 'vitest';
import { openView, type ViewApis } from '../../utils/view/open-view';

/** Fakes of the two ways to open the view, recording calls in order. */
function fakes(withSidePanel: boolean) {
  const calls: string[] = [];
  const apis: ViewApis = {
    ...(withSidePanel && {
      sidePanel: {
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
  it("calls Chromium's sidePanel.open before anything is awaited (the gesture would be lost)", async () => {
    const { apis, calls } = fakes(true);
    const opened = openView(apis, { id: 4, index: 1 });
    expect(calls).toEqual(['sidePanel.open 4']);
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
