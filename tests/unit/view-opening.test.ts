import { describe, expect, it, vi } from 'vitest';
import { onToolbarClick, openViewOrLibrary, type ViewOpeners } from '../../utils/view/open-view';
import type { TabState } from '../../utils/view/tab-state';

/**
 * A browser event with a user gesture: `open` works only while the listener's first turn is
 * running. A microtask queued before the listener runs ends the gesture, so any `await` in the
 * listener before `open` loses it, as in Chromium and Firefox.
 */
function gesture() {
  let active = false;
  const opened: string[] = [];
  const open = (name: string) => async () => {
    if (!active) throw new Error(`${name}.open() may only be called in response to a user action`);
    opened.push(name);
  };
  const fakes: Required<ViewOpeners> = {
    sidePanel: { open: vi.fn(open('sidePanel')) },
    sidebarAction: { open: vi.fn(open('sidebarAction')) },
  };
  return {
    fakes,
    opened,
    /** Runs `listener` as the browser runs an action click's listener. */
    async click(listener: () => unknown) {
      active = true;
      queueMicrotask(() => {
        active = false;
      });
      try {
        await listener();
      } catch {
        // a listener's own failure is the browser's console's business
      }
      // Let the opener's promise settle.
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

const PAGE: TabState = { status: 'none' };

describe('the toolbar button and the shortcut', () => {
  it('a fake that refuses an open after an await (the rule the real handler must keep)', async () => {
    const { fakes, opened, click } = gesture();
    await click(async () => {
      await Promise.resolve();
      await fakes.sidePanel.open({ tabId: 1 });
    });
    expect(opened).toEqual([]);
  });

  it('opens the side panel beside a consultation’s document too (its response workspace)', async () => {
    const { fakes, opened, click } = gesture();
    const library = vi.fn();
    const known: TabState = {
      status: 'document',
      consultation: { key: 'consultation:x', url: 'https://www.gov.uk/government/consultations/x' },
      title: 'Consultation document',
    };
    await click(() => openViewOrLibrary({ sidePanel: fakes.sidePanel }, 7, known, library));
    expect(opened).toEqual(['sidePanel']);
    expect(library).not.toHaveBeenCalled();
  });

  it('opens Chromium’s side panel for a supported page, within the gesture', async () => {
    const { fakes, opened, click } = gesture();
    const library = vi.fn();
    const known: TabState = { status: 'loading' };
    await click(() => openViewOrLibrary({ sidePanel: fakes.sidePanel }, 7, known, library));
    expect(opened).toEqual(['sidePanel']);
    expect(fakes.sidePanel.open).toHaveBeenCalledWith({ tabId: 7 });
    expect(library).not.toHaveBeenCalled();
  });

  it('opens Firefox’s sidebar, within the gesture', async () => {
    const { fakes, opened, click } = gesture();
    const library = vi.fn();
    await click(() =>
      openViewOrLibrary({ sidebarAction: fakes.sidebarAction }, 7, undefined, library),
    );
    expect(opened).toEqual(['sidebarAction']);
    expect(library).not.toHaveBeenCalled();
  });

  it('opens the library on a page the extension does not read', async () => {
    const { fakes, opened, click } = gesture();
    const library = vi.fn();
    for (const known of [PAGE, { status: 'closed' } as const]) {
      await click(() => openViewOrLibrary(fakes, 7, known, library));
    }
    await click(() => openViewOrLibrary(fakes, undefined, undefined, library));
    expect(opened).toEqual([]);
    expect(library).toHaveBeenCalledTimes(3);
  });

  it('tries the side panel for a tab it knows nothing of yet (a restarted worker), and opens the library if the browser refuses', async () => {
    const library = vi.fn();
    const refusing = { open: vi.fn(async () => Promise.reject(new Error('No active side panel'))) };
    openViewOrLibrary({ sidePanel: refusing }, 7, undefined, library);
    expect(refusing.open).toHaveBeenCalledOnce();
    await expect.poll(() => library.mock.calls.length).toBe(1);
  });
});

describe('the background’s toolbar listener', () => {
  it('opens the view for a tab that reported a page, and the library for one that has none, both within the gesture', async () => {
    const { fakes, opened, click } = gesture();
    const library = vi.fn();
    const states = new Map<number, TabState>([
      [1, { status: 'page', context: { kind: 'debate' } as never, offers: [] }],
      [2, { status: 'none' }],
    ]);
    const listener = onToolbarClick(fakes, (id) => states.get(id), library);
    await click(() => listener({ id: 1 }));
    expect(opened).toEqual(['sidePanel']);
    await click(() => listener({ id: 2 }));
    expect(opened).toEqual(['sidePanel']);
    expect(library).toHaveBeenCalledOnce();
  });
});
