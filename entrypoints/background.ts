import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createLiveFetcher } from '../utils/live/live-fetcher';
import { liveViewFor } from '../utils/live/live-view';
import { createPageChannel } from '../utils/messaging/page-channel';
import { createMessageHandler } from '../utils/messaging/server';
import { detectPage } from '../utils/pages/registry';
import { linkCardFor } from '../utils/related/link-card';
import { relatedFor } from '../utils/related/related-view';
import { createTabTrail } from '../utils/related/tab-trail';
import {
  annotationsForPage,
  deleteAnnotation,
  saveAnnotation,
} from '../utils/storage/annotation-store';
import { openDatabase } from '../utils/storage/db';
import { getSettings, updateSettings } from '../utils/storage/settings-store';
import { recordVisit, threadAround, visitedPage } from '../utils/storage/thread-store';

// The background owns the extension's IndexedDB; content scripts only message it.
export default defineBackground(() => {
  const db = openDatabase();
  const live = createLiveFetcher(db);
  const pages = createPageChannel(browser.runtime.id);
  const trail = createTabTrail();
  browser.tabs.onRemoved.addListener((tabId) => trail.closed(tabId));
  browser.runtime.onConnect.addListener((port) => pages.accept(port));
  const handle = createMessageHandler(browser.runtime.id, {
    'page/visited': async ({ context, visitId }, sender) => {
      if (sender.tab?.id !== undefined) trail.visited(sender.tab.id, context.key);
      const record = await recordVisit(await db, { context, visitId, now: Date.now() });
      return { visitCount: record.visitCount, firstVisitedAt: record.firstVisitedAt };
    },
    'live/get': ({ context, waitForFresh }) => liveViewFor(context, live, waitForFresh),
    'related/get': async ({ context, referrer }, sender) => {
      // The tab's own trail first: cross-site referrers carry only the origin.
      const cameFromKey =
        (sender.tab?.id !== undefined ? trail.cameFrom(sender.tab.id, context.key) : null) ??
        (referrer ? (safeDetect(referrer)?.key ?? null) : null);
      const cameFrom = cameFromKey ? await visitedPage(await db, cameFromKey) : null;
      const [related, thread] = await Promise.all([
        relatedFor(context, live, { cameFrom }),
        threadAround(await db, context.key, cameFromKey),
      ]);
      return { ...related, thread };
    },
    'card/get': ({ url }) => linkCardFor(url, live),
    'annotations/list': async ({ pageKey }) => annotationsForPage(await db, pageKey),
    'annotations/save': async ({ annotation }) => {
      const saved = await saveAnnotation(await db, annotation);
      pages.notify(saved.pageKey);
      return saved;
    },
    'annotations/delete': async ({ id }) => {
      const deleted = await deleteAnnotation(await db, id);
      if (deleted) pages.notify(deleted.pageKey);
      return { deleted };
    },
    'settings/get': async () => getSettings(await db),
    'settings/set': async ({ settings }) => updateSettings(await db, settings),
  });
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));
});

function safeDetect(href: string) {
  try {
    return detectPage(new URL(href));
  } catch {
    return null;
  }
}
