import type { WxtBrowser } from 'wxt/browser';
import { nonEmptyString, z } from '../zod';
import { extensionApi } from './extension-api';

/**
 * A long-lived port per open page, so a change made in one tab reaches every
 * other tab showing the same page. Messages are validated on both ends.
 */
export const PORT_NAME = 'civic-thread:page';
/** What a view that shows every page's notes (the library) watches. */
export const ALL_PAGES = '*';

/**
 * Background → content scripts: the notes on `pageKey` changed. The one message a port to a
 * page's world is told, so the page checks with this alone (no union: content_script_gzip_kb).
 */
const NotesChanged = z.object({
  type: z.literal('annotations/changed'),
  pageKey: nonEmptyString(),
});

export const PortMessage = z.union([
  /** Content script or view → background: this port also shows `pageKey`. */
  z.object({ type: z.literal('watch'), pageKey: nonEmptyString() }),
  /** Content script or view → background: this port no longer shows `pageKey`. */
  z.object({ type: z.literal('unwatch'), pageKey: nonEmptyString() }),
  NotesChanged,
  /** A view or settings page → background: this port shows the sharing status. */
  z.object({ type: z.literal('watch-sharing') }),
  /** Background → those ports: the sharing status changed (a job sent, the queue stopped…). */
  z.object({ type: z.literal('sharing/changed') }),
]);
export type PortMessage = z.infer<typeof PortMessage>;

export type Port = Pick<
  ReturnType<WxtBrowser['runtime']['connect']>,
  'name' | 'sender' | 'postMessage' | 'onMessage' | 'onDisconnect' | 'disconnect'
>;

/** The background's side: remembers which pages each port shows and tells them of changes. */
export function createPageChannel(extensionId: string) {
  const pages = new Map<Port, Set<string>>();
  const sharing = new Set<Port>();
  return {
    accept(port: Port) {
      if (port.name !== PORT_NAME || port.sender?.id !== extensionId) return port.disconnect();
      const keys = new Set<string>();
      pages.set(port, keys);
      port.onMessage.addListener((message: unknown) => {
        const parsed = PortMessage.safeParse(message);
        if (!parsed.success) return;
        if (parsed.data.type === 'watch') keys.add(parsed.data.pageKey);
        else if (parsed.data.type === 'unwatch') keys.delete(parsed.data.pageKey);
        else if (parsed.data.type === 'watch-sharing') sharing.add(port);
      });
      port.onDisconnect.addListener(() => {
        pages.delete(port);
        sharing.delete(port);
      });
    },
    /** The sharing status changed: the views showing it read it again. */
    notifySharing() {
      for (const port of sharing) {
        try {
          port.postMessage({ type: 'sharing/changed' } satisfies PortMessage);
        } catch {
          sharing.delete(port); // closed, its onDisconnect not yet run: a notice never stops the queue
        }
      }
    },
    notify(pageKey: string) {
      const message: PortMessage = { type: 'annotations/changed', pageKey };
      for (const [port, keys] of pages) {
        if (keys.has(pageKey) || keys.has(ALL_PAGES)) port.postMessage(message);
      }
    },
    /** Every open page's notes changed (all data was deleted). */
    notifyAll() {
      for (const [port, keys] of pages) {
        for (const pageKey of keys) {
          port.postMessage({ type: 'annotations/changed', pageKey } satisfies PortMessage);
        }
      }
    },
  };
}

/**
 * Keeps a port to the background open: says `hello` on connecting, hands every message to
 * `onMessage`, and reconnects (saying hello again) when the service worker restarts. Returns a
 * function that stops.
 */
export function keepPort(
  connect: () => Port,
  hello: unknown,
  onMessage: (message: unknown) => void,
  /** Called once a port dropped is open again: what was said meanwhile never came. */
  onReopened?: () => void,
): () => void {
  let stopped = false;
  let port: Port | null = null;
  const open = (again: boolean) => {
    try {
      port = connect();
    } catch {
      return; // the extension was reloaded; this page's script is stale
    }
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(() => {
      if (!stopped) setTimeout(() => open(true), 500);
    });
    port.postMessage(hello);
    if (again) onReopened?.();
  };
  open(false);
  return () => {
    stopped = true;
    disconnect(port);
  };
}

/** Closes a port; one whose extension was reloaded throws ("Extension context invalidated"). */
function disconnect(port: Port | null) {
  try {
    port?.disconnect();
  } catch {
    // Already gone with the extension.
  }
}

/** How long after its port drops the content script looks whether its extension is still there. */
export const GONE_CHECK_MS = 500;

const connectToChannel = (): Port => extensionApi().runtime.connect({ name: PORT_NAME });
const extensionAlive = () => Boolean(extensionApi().runtime?.id);

/**
 * One port to the page channel, shared by everything in this script that watches pages' notes
 * or waits for the extension to go away: open while anything uses it. When it drops, it is
 * opened again (watching the same pages) if the extension is still there, a restarting service
 * worker; otherwise the extension was reloaded, updated or removed: Chromium disconnects its
 * ports, then takes `runtime.id` away (a little after: asked at once, it is still there, and a
 * new port "connects" to nothing), and `connect` throws.
 */
export function createPagePort(connect = connectToChannel, alive = extensionAlive) {
  const watchers = new Set<{ pageKey: string; onChanged: (pageKey: string) => void }>();
  const goneListeners = new Set<() => void>();
  let port: Port | null = null;
  let gone = false;
  const inUse = () => watchers.size > 0 || goneListeners.size > 0;
  const post = (message: PortMessage) => port?.postMessage(message);
  const die = () => {
    gone = true;
    port = null;
    watchers.clear();
    const told = [...goneListeners];
    goneListeners.clear();
    for (const onGone of told) onGone();
  };
  const deliver = (message: unknown) => {
    const parsed = NotesChanged.safeParse(message);
    if (!parsed.success) return;
    const { pageKey } = parsed.data;
    for (const watcher of [...watchers]) {
      if (watcher.pageKey === ALL_PAGES || watcher.pageKey === pageKey) watcher.onChanged(pageKey);
    }
  };
  let reopening = false;
  const open = () => {
    if (gone || port || !inUse()) return;
    const again = reopening;
    reopening = false;
    let opened: Port;
    try {
      opened = connect();
    } catch {
      return die();
    }
    port = opened;
    opened.onMessage.addListener(deliver);
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return; // closed here, not dropped
      port = null;
      setTimeout(() => {
        if (gone || !inUse()) return;
        reopening = true;
        alive() ? open() : die();
      }, GONE_CHECK_MS);
    });
    for (const pageKey of new Set([...watchers].map((watcher) => watcher.pageKey))) {
      post({ type: 'watch', pageKey });
    }
    // A change made while the worker restarted was told to no port: each watcher reads again.
    if (again) for (const watcher of [...watchers]) watcher.onChanged(watcher.pageKey);
  };
  const release = () => {
    if (inUse() || !port) return;
    const closing = port;
    port = null;
    disconnect(closing);
  };
  return {
    /** Calls `onChanged` with each page whose notes changed: `pageKey`, or any for `ALL_PAGES`. */
    watch(pageKey: string, onChanged: (pageKey: string) => void): () => void {
      const watcher = { pageKey, onChanged };
      const first = ![...watchers].some((other) => other.pageKey === pageKey);
      watchers.add(watcher);
      if (port && first) post({ type: 'watch', pageKey });
      else open();
      return () => {
        if (!watchers.delete(watcher)) return;
        if (![...watchers].some((other) => other.pageKey === pageKey))
          post({ type: 'unwatch', pageKey });
        release();
      };
    },
    /** Calls `onGone` once, when this script's extension is reloaded, updated or removed. */
    whenGone(onGone: () => void): () => void {
      const listener = () => onGone();
      goneListeners.add(listener);
      open();
      return () => {
        goneListeners.delete(listener);
        release();
      };
    },
  };
}

let shared: ReturnType<typeof createPagePort> | null = null;
/** This script's one port to the page channel. */
const sharedPort = () => {
  shared ??= createPagePort();
  return shared;
};

/**
 * Calls `onChanged` with the page whose notes changed (this one, or any for `ALL_PAGES`), over
 * this script's one port (or one of its own, through `connect`). Returns a function that stops.
 */
export function watchPageChanges(
  pageKey: string,
  onChanged: (pageKey: string) => void,
  connect?: () => Port,
): () => void {
  return (connect ? createPagePort(connect) : sharedPort()).watch(pageKey, onChanged);
}

/**
 * A view's side for the sharing status: calls `onChanged` when it changed; reconnects if the
 * background restarts (and then calls it too: changes may have been missed). Returns a
 * function that stops.
 */
export function watchSharingChanges(
  onChanged: () => void,
  connect: () => Port = connectToChannel,
): () => void {
  return keepPort(
    connect,
    { type: 'watch-sharing' } satisfies PortMessage,
    (message) => {
      if (PortMessage.safeParse(message).data?.type === 'sharing/changed') onChanged();
    },
    onChanged,
  );
}

/**
 * Calls `onGone` once this content script's extension is reloaded, updated or removed, told by
 * this script's one port (or one of its own, through `connect`); a worker restart is no such
 * thing. Returns a function that stops.
 */
export function whenExtensionGone(
  onGone: () => void,
  connect?: () => Port,
  alive?: () => boolean,
): () => void {
  return (connect ? createPagePort(connect, alive) : sharedPort()).whenGone(onGone);
}
