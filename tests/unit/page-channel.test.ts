import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ALL_PAGES,
  createPageChannel,
  createPagePort,
  GONE_CHECK_MS,
  PORT_NAME,
  watchPageChanges,
  watchSharingChanges,
  whenExtensionGone,
} from '../../utils/messaging/page-channel';

type Listener = (message: unknown) => void;

/** A pair of connected fake ports, as runtime.connect gives the two ends. */
function fakePortPair(senderId = 'ext') {
  const listeners = {
    a: [] as Listener[],
    b: [] as Listener[],
    aGone: [] as (() => void)[],
    bGone: [] as (() => void)[],
  };
  const end = (mine: 'a' | 'b', theirs: 'a' | 'b') => ({
    name: PORT_NAME,
    sender: { id: senderId },
    postMessage: vi.fn((message: unknown) => {
      for (const listener of listeners[theirs]) listener(structuredClone(message));
    }),
    onMessage: { addListener: (listener: Listener) => listeners[mine].push(listener) },
    onDisconnect: {
      addListener: (listener: () => void) => listeners[`${mine}Gone`].push(listener),
    },
    disconnect: vi.fn(() => {
      for (const listener of listeners[`${theirs}Gone`]) listener();
    }),
  });
  return { content: end('a', 'b'), background: end('b', 'a') };
}

afterEach(() => vi.useRealTimers());

describe('the page channel', () => {
  it('tells every tab showing a page, and only those, that its notes changed', () => {
    const channel = createPageChannel('ext');
    const seen: string[] = [];
    for (const [key, label] of [
      ['petition:1', 'tab A'],
      ['petition:1', 'tab B'],
      ['petition:2', 'tab C'],
    ] as const) {
      const { content, background } = fakePortPair();
      channel.accept(background as never);
      watchPageChanges(
        key,
        () => seen.push(label),
        () => content as never,
      );
    }
    channel.notify('petition:1');
    expect(seen).toEqual(['tab A', 'tab B']);
  });

  it('tells the views watching sharing, and only them, that it changed', () => {
    const channel = createPageChannel('ext');
    const page = fakePortPair();
    const view = fakePortPair();
    channel.accept(page.background as never);
    channel.accept(view.background as never);
    const pageChanged = vi.fn();
    const sharingChanged = vi.fn();
    watchPageChanges('petition:1', pageChanged, () => page.content as never);
    watchSharingChanges(sharingChanged, () => view.content as never);
    channel.notifySharing();
    expect(sharingChanged).toHaveBeenCalledTimes(1);
    expect(pageChanged).not.toHaveBeenCalled();
    expect(page.background.postMessage).not.toHaveBeenCalled();
    channel.notify('petition:1');
    expect(sharingChanged).toHaveBeenCalledTimes(1);
  });

  it('has a sharing view read the status again after the background restarts', () => {
    vi.useFakeTimers();
    const pairs = [fakePortPair(), fakePortPair()];
    let connections = 0;
    const changed = vi.fn();
    watchSharingChanges(changed, () => pairs[connections++]?.content as never);
    pairs[0]?.background.disconnect();
    expect(changed).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(connections).toBe(2);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('drops a sharing view whose port closed before its disconnect was told, and goes on', () => {
    const channel = createPageChannel('ext');
    const closed = fakePortPair();
    const open = fakePortPair();
    channel.accept(closed.background as never);
    channel.accept(open.background as never);
    closed.content.postMessage({ type: 'watch-sharing' });
    open.content.postMessage({ type: 'watch-sharing' });
    const heard: unknown[] = [];
    open.content.onMessage.addListener((message) => heard.push(message));
    closed.background.postMessage.mockImplementation(() => {
      throw new Error('Attempting to use a disconnected port object');
    });
    expect(() => channel.notifySharing()).not.toThrow();
    expect(heard).toEqual([{ type: 'sharing/changed' }]);
    channel.notifySharing();
    expect(closed.background.postMessage).toHaveBeenCalledTimes(1);
  });

  it('refuses ports from anything but this extension, and ignores malformed messages', () => {
    const channel = createPageChannel('ext');
    const stranger = fakePortPair('another-extension');
    channel.accept(stranger.background as never);
    expect(stranger.background.disconnect).toHaveBeenCalled();

    const { content, background } = fakePortPair();
    channel.accept(background as never);
    const changed = vi.fn();
    watchPageChanges('petition:1', changed, () => content as never);
    content.postMessage({ type: 'watch' });
    background.postMessage({ type: 'annotations/changed', pageKey: 'petition:2' });
    background.postMessage('annotations/changed');
    expect(changed).not.toHaveBeenCalled();
  });

  it('takes no empty page key, on either side', () => {
    const channel = createPageChannel('ext');
    const { content, background } = fakePortPair();
    channel.accept(background as never);
    content.postMessage({ type: 'watch', pageKey: '' });
    channel.notify('');
    expect(background.postMessage).not.toHaveBeenCalled();

    const changed = vi.fn();
    watchPageChanges(ALL_PAGES, changed, () => content as never);
    background.postMessage({ type: 'annotations/changed', pageKey: '' });
    expect(changed).not.toHaveBeenCalled();
    background.postMessage({ type: 'annotations/changed', pageKey: 'petition:1' });
    expect(changed).toHaveBeenCalledWith('petition:1');
  });

  it('reconnects when the background restarts, and stops when asked', () => {
    vi.useFakeTimers();
    const pairs = [fakePortPair(), fakePortPair()];
    let connections = 0;
    const stop = watchPageChanges(
      'petition:1',
      () => {},
      () => pairs[connections++]?.content as never,
    );
    pairs[0]?.background.disconnect();
    vi.advanceTimersByTime(500);
    expect(connections).toBe(2);
    stop();
    vi.advanceTimersByTime(5_000);
    expect(connections).toBe(2);
  });
});

describe("one port for a page's script", () => {
  it('watches several pages and tells of the extension going away over one port', () => {
    vi.useFakeTimers();
    let channel = createPageChannel('ext');
    const pairs = [fakePortPair(), fakePortPair()];
    let connects = 0;
    let alive = true;
    const port = createPagePort(
      () => {
        const pair = pairs[connects++];
        if (!pair) throw new Error('Extension context invalidated.');
        channel.accept(pair.background as never);
        return pair.content as never;
      },
      () => alive,
    );
    const seen: string[] = [];
    let gone = 0;
    port.whenGone(() => gone++);
    port.watch('petition:1', (key) => seen.push(`one ${key}`));
    const stopAll = port.watch(ALL_PAGES, (key) => seen.push(`all ${key}`));
    expect(connects).toBe(1);
    channel.notify('petition:2');
    stopAll();
    channel.notify('petition:2');
    channel.notify('petition:1');
    expect(seen).toEqual(['all petition:2', 'one petition:1']);

    // A worker restart (a new channel): the port comes back, watching the same page; nothing is gone.
    channel = createPageChannel('ext');
    pairs[0]?.background.disconnect();
    vi.advanceTimersByTime(GONE_CHECK_MS);
    expect(connects).toBe(2);
    // Read again as it comes back (a change meanwhile reached no port), then told as before.
    expect(seen).toEqual(['all petition:2', 'one petition:1', 'one petition:1']);
    channel.notify('petition:1');
    expect(seen).toEqual(['all petition:2', 'one petition:1', 'one petition:1', 'one petition:1']);
    expect(gone).toBe(0);

    // The extension reloaded: its port drops and runtime.id goes.
    alive = false;
    pairs[1]?.background.disconnect();
    vi.advanceTimersByTime(GONE_CHECK_MS);
    expect(gone).toBe(1);
    expect(connects).toBe(2);
  });

  it('closes its port once nothing uses it', () => {
    const { content, background } = fakePortPair();
    const channel = createPageChannel('ext');
    channel.accept(background as never);
    const port = createPagePort(() => content as never);
    const stopWatching = port.watch('petition:1', () => {});
    const stopWaiting = port.whenGone(() => {});
    stopWatching();
    expect(content.disconnect).not.toHaveBeenCalled();
    stopWaiting();
    expect(content.disconnect).toHaveBeenCalledTimes(1);
  });
});

describe('the extension going away', () => {
  /** A port the test can drop, as a worker restart or an extension reload drops it. */
  function droppablePort() {
    const gone: (() => void)[] = [];
    return {
      port: {
        name: PORT_NAME,
        postMessage: vi.fn(),
        onMessage: { addListener: vi.fn() },
        onDisconnect: { addListener: (listener: () => void) => gone.push(listener) },
        disconnect: vi.fn(),
      },
      drop: () => {
        for (const listener of gone) listener();
      },
    };
  }

  it('reconnects after a worker restart, and tells once when the extension was reloaded', () => {
    vi.useFakeTimers();
    const ports = [droppablePort(), droppablePort()];
    let connects = 0;
    let alive = true;
    let told = 0;
    whenExtensionGone(
      () => told++,
      () => {
        const next = ports[connects++];
        if (!next) throw new Error('Extension context invalidated.');
        return next.port as never;
      },
      () => alive,
    );
    ports[0]?.drop(); // the worker restarted: still this extension
    vi.advanceTimersByTime(GONE_CHECK_MS);
    expect(connects).toBe(2);
    expect(told).toBe(0);
    ports[1]?.drop(); // reloaded: runtime.id goes a little after the port
    alive = false;
    vi.advanceTimersByTime(GONE_CHECK_MS);
    expect(told).toBe(1);
    expect(connects).toBe(2);
  });

  it('has every watcher read again once its port is back after a worker restart', () => {
    vi.useFakeTimers();
    const ports = [droppablePort(), droppablePort()];
    let connects = 0;
    const heard: string[] = [];
    const port = createPagePort(
      () => (ports[connects++]?.port ?? ports[1]?.port) as never,
      () => true,
    );
    port.watch('petition:1', (pageKey) => heard.push(pageKey));
    port.watch(ALL_PAGES, (pageKey) => heard.push(`all:${pageKey}`));
    expect(heard).toEqual([]);
    // A note saved in another tab while the worker restarted was told to no port.
    ports[0]?.drop();
    vi.advanceTimersByTime(GONE_CHECK_MS);
    expect(connects).toBe(2);
    expect(heard).toEqual(['petition:1', `all:${ALL_PAGES}`]);
  });

  it('tells when the extension is already gone as it connects', () => {
    let told = 0;
    whenExtensionGone(
      () => told++,
      () => {
        throw new Error('Extension context invalidated.');
      },
      () => false,
    );
    expect(told).toBe(1);
  });
});
