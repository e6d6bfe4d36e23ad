import type { WxtBrowser } from 'wxt/browser';
import { z } from '../zod';
import { extensionApi } from './extension-api';

/**
 * A long-lived port per open page, so a change made in one tab reaches every
 * other tab showing the same page. Messages are validated on both ends.
 */
export const PORT_NAME = 'civic-thread:page';
/** What a view that shows every page's notes (the library) watches. */
export const ALL_PAGES = '*';

export const PortMessage = z.union([
  /** Content script → background: this port shows `pageKey`. */
  z.object({ type: z.literal('watch'), pageKey: z.string().check(z.minLength(1)) }),
  /** Background → content scripts: the notes on `pageKey` changed. */
  z.object({ type: z.literal('annotations/changed'), pageKey: z.string().check(z.minLength(1)) }),
]);
export type PortMessage = z.infer<typeof PortMessage>;

export type Port = Pick<
  ReturnType<WxtBrowser['runtime']['connect']>,
  'name' | 'sender' | 'postMessage' | 'onMessage' | 'onDisconnect' | 'disconnect'
>;

/** The background's side: remembers which page each port shows and tells them of changes. */
export function createPageChannel(extensionId: string) {
  const pages = new Map<Port, string>();
  return {
    accept(port: Port) {
      if (port.name !== PORT_NAME || port.sender?.id !== extensionId) return port.disconnect();
      port.onMessage.addListener((message: unknown) => {
        const parsed = PortMessage.safeParse(message);
        if (parsed.success && parsed.data.type === 'watch') pages.set(port, parsed.data.pageKey);
      });
      port.onDisconnect.addListener(() => pages.delete(port));
    },
    notify(pageKey: string) {
      const message: PortMessage = { type: 'annotations/changed', pageKey };
      for (const [port, key] of pages) {
        if (key === pageKey || key === ALL_PAGES) port.postMessage(message);
      }
    },
    /** Every open page's notes changed (all data was deleted). */
    notifyAll() {
      for (const [port, pageKey] of pages) {
        port.postMessage({ type: 'annotations/changed', pageKey } satisfies PortMessage);
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
): () => void {
  let stopped = false;
  let port: Port | null = null;
  const open = () => {
    try {
      port = connect();
    } catch {
      return; // the extension was reloaded; this page's script is stale
    }
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(() => {
      if (!stopped) setTimeout(open, 500);
    });
    port.postMessage(hello);
  };
  open();
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

/**
 * A view's side: calls `onChanged` with the page whose notes changed (this one, or any for
 * `ALL_PAGES`); reconnects if the background restarts. Returns a function that stops.
 */
export function watchPageChanges(
  pageKey: string,
  onChanged: (pageKey: string) => void,
  connect: () => Port = () => extensionApi().runtime.connect({ name: PORT_NAME }),
): () => void {
  return keepPort(connect, { type: 'watch', pageKey } satisfies PortMessage, (message) => {
    const parsed = PortMessage.safeParse(message);
    if (
      parsed.success &&
      parsed.data.type === 'annotations/changed' &&
      (pageKey === ALL_PAGES || parsed.data.pageKey === pageKey)
    ) {
      onChanged(parsed.data.pageKey);
    }
  });
}

/** How long after its port drops the content script looks whether its extension is still there. */
export const GONE_CHECK_MS = 500;

/**
 * Calls `onGone` once this content script's extension is reloaded, updated or removed: Chromium
 * disconnects its ports, then takes `runtime.id` away (a little after: asked at once, it is still
 * there, and a new port "connects" to nothing), and `connect` throws. A port dropped by a
 * restarting service worker (the extension still there) is opened again. Returns a function
 * that stops.
 */
export function whenExtensionGone(
  onGone: () => void,
  connect: () => Port = () => extensionApi().runtime.connect({ name: PORT_NAME }),
  alive: () => boolean = () => Boolean(extensionApi().runtime?.id),
): () => void {
  let stopped = false;
  let port: Port | null = null;
  const gone = () => {
    if (stopped) return;
    stopped = true;
    onGone();
  };
  const open = () => {
    if (stopped) return;
    try {
      port = connect();
    } catch {
      return gone();
    }
    port.onDisconnect.addListener(() => {
      setTimeout(() => (alive() ? open() : gone()), GONE_CHECK_MS);
    });
  };
  open();
  return () => {
    stopped = true;
    disconnect(port);
  };
}
