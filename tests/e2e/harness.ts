import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type BrowserContext,
  type ConsoleMessage,
  chromium,
  type Locator,
  type Page,
  type Worker,
} from 'playwright-core';
import type { Request } from '../../utils/messaging/protocol';
import type { HypothesisControl } from '../fixture-site/hypothesis';
import { FIXTURE_HOSTS, type FixtureSite, startFixtureSite } from '../fixture-site/server';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  site: FixtureSite;
  context: BrowserContext;
  /** The extension's background service worker. */
  worker: Worker;
  close(): Promise<void>;
}

/**
 * Starts the fixture site and a headless Chromium with the built extension,
 * with the real hostnames pointed at the fixture site. With `userDataDir`, the browser's
 * profile is kept there, so launching again with it is the same user coming back (a fresh
 * temporary profile otherwise); with `hypothesis`, the fixture Hypothesis API keeps that state.
 */
export async function launch({
  userDataDir = '',
  hypothesis,
}: {
  userDataDir?: string;
  hypothesis?: HypothesisControl;
} = {}): Promise<Harness> {
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const { site, context, close } = await launchBrowser(EXTENSION_DIR, userDataDir, hypothesis);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // Once its script has run, the worker hears tabs load (and injects their content script): on
  // install, a page that loads before then is not injected, as for any tab open at install.
  await worker.evaluate(() => 0);
  return { site, context, worker, close };
}

/** The fixture site and headless Chromium, with the extension built in `extensionDir` or none (the bench compares). */
export async function launchBrowser(
  extensionDir: string | null,
  userDataDir = '',
  hypothesis?: HypothesisControl,
) {
  const site = await startFixtureSite(hypothesis);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      // Without the extension: the same browser, for comparisons in the bench.
      ...(extensionDir
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
      `--host-resolver-rules=${site.hostResolverRules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    site,
    context,
    close: async () => {
      await context.close();
      await site.close();
    },
  };
}

/** The extension's host element on a page. Its shadow root is closed: read inside it with `ExtensionUi` (closed-root.ts). */
export function panelOf(page: Page): Locator {
  return page.locator('civic-thread-panel');
}

/** The value of a fact in one panel section (`.page-facts` or `.live`), by its label. */
export function factOf(page: Page, section: '.page-facts' | '.live', label: string): Locator {
  return panelOf(page)
    .locator(`${section} .fact`, { has: page.locator(`dt:text-is("${label}")`) })
    .locator('dd');
}

/**
 * Chromium's report of a load the site itself chose: the status of an error page it served at
 * the address (petitions' 404/410), or a page resource on a host the fixture site does not
 * serve (the YouTube poster on a debated petition). Neither is the extension's doing.
 */
function isSitesOwnLoad(message: ConsoleMessage, pageUrl: string): boolean {
  if (!message.text().startsWith('Failed to load resource')) return false;
  const source = message.location().url;
  return source === pageUrl || !FIXTURE_HOSTS.includes(new URL(source).hostname);
}

/** Opens a URL and collects the page's console errors and uncaught exceptions. */
export async function openPage(
  harness: Harness,
  url: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await harness.context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' || isSitesOwnLoad(message, url)) return;
    errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
}

/** An extension page's URL, such as `library.html`. */
export function extensionPage(harness: Harness, path: string): string {
  return `chrome-extension://${new URL(harness.worker.url()).host}/${path}`;
}

type StoreOperation = 'getAll' | 'clear';

/** Runs one operation on a store of the extension's own IndexedDB, inside its service worker. */
function onStore(harness: Harness, store: string, operation: StoreOperation): Promise<unknown> {
  return harness.worker.evaluate(
    ([name, op]) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('civic-thread');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(name, op === 'clear' ? 'readwrite' : 'readonly');
          const request = tx.objectStore(name)[op]();
          tx.oncomplete = () => {
            open.result.close();
            resolve(request.result);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, operation] as const,
  );
}

/** Every record in one object store of the extension's database. */
export async function readStore(harness: Harness, store: string): Promise<unknown[]> {
  return (await onStore(harness, store, 'getAll')) as unknown[];
}

/** The settings as stored: a change on the options page has been written once this shows it. */
export async function storedSettings(harness: Harness): Promise<Record<string, unknown>> {
  const [record] = (await readStore(harness, 'settings')) as { value?: Record<string, unknown> }[];
  return record?.value ?? {};
}

export async function clearStore(harness: Harness, store: string): Promise<void> {
  await onStore(harness, store, 'clear');
}

/** Sets `changes` on every record of one store of the extension's database (to age a cache, make a check due). */
export function updateRecords(
  harness: Harness,
  store: string,
  changes: Record<string, unknown>,
): Promise<void> {
  return harness.worker.evaluate(
    ([name, fields]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('civic-thread');
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          const records = tx.objectStore(name);
          const all = records.getAll();
          all.onsuccess = () => {
            for (const record of all.result) records.put({ ...record, ...fields });
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, changes] as const,
  );
}

/** Writes `records` into one store of the extension's database as they are, unchecked (to damage it). */
export function putRecords(harness: Harness, store: string, records: object[]): Promise<void> {
  return harness.worker.evaluate(
    ([name, rows]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('civic-thread');
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          for (const row of rows) tx.objectStore(name).put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, records] as const,
  );
}

/** Selects the first occurrence of `text` on the page, as a user dragging over it would. */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      // A reader selects what is on screen (opening a "More details" first): the toolbar then
      // sits beside it, where a click lands.
      for (let open = node.parentElement; open; open = open.parentElement) {
        if (open instanceof HTMLDetailsElement) open.open = true;
      }
      node.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not on the page`);
  }, text);
}

/** The text of every painted highlight, per colour. */
export function paintedText(page: Page, colour = 'yellow'): Promise<string[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    return highlight ? [...highlight].map((range) => range.toString()) : [];
  }, `civic-thread-${colour}`);
}

/**
 * Replaces the stored notes with `count` highlights and page notes on 400 petitions, the newest
 * first, their text made of `words` (the library's bench and its large-collection tests).
 */
export function storeManyNotes(harness: Harness, count: number, words: string[]): Promise<void> {
  return harness.worker.evaluate(
    ({ count, words }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('civic-thread');
        open.onsuccess = () => {
          const tx = open.result.transaction('annotations', 'readwrite');
          const store = tx.objectStore('annotations');
          store.clear();
          const now = Date.now();
          for (let i = 0; i < count; i++) {
            const page = 700000 + (i % 400);
            store.put({
              id: `bench-${i}`,
              kind: i % 10 === 0 ? 'page-note' : 'highlight',
              pageKey: `petition:${page}`,
              pageUrl: `https://petition.parliament.uk/petitions/${page}`,
              pageTitle: `A petition about ${words[i % words.length]} number ${page}`,
              pageKind: 'petition',
              target:
                i % 10 === 0
                  ? null
                  : {
                      quote: {
                        type: 'TextQuoteSelector',
                        exact: `Passage ${i} on ${words[(i * 3) % words.length]} and the needs of children`,
                        prefix: 'before ',
                        suffix: ' after',
                      },
                      position: { type: 'TextPositionSelector', start: i, end: i + 50 },
                    },
              note: `Note ${i}: ${words[(i * 7) % words.length]} ${words[(i * 5) % words.length]}`,
              tags: [words[i % words.length] ?? 'x'],
              colour: 'yellow',
              createdAt: now - i * 1000,
              updatedAt: now - i * 1000,
            });
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { count, words },
  );
}

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
/** An extension page's own API (the test's code has no `chrome` types). */
type WithRuntime = { chrome: { runtime: { sendMessage(message: unknown): Promise<Answer> } } };

/** Sends one protocol request from an extension page, as the extension's own pages do. */
export function sendFromPage(page: Page, request: Request): Promise<Answer> {
  return page.evaluate(
    (message) => (globalThis as unknown as WithRuntime).chrome.runtime.sendMessage(message),
    request as never,
  );
}
