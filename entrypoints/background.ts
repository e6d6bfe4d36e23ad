import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createLiveFetcher } from '../utils/live/live-fetcher';
import { liveViewFor } from '../utils/live/live-view';
import { createMessageHandler } from '../utils/messaging/server';
import { openDatabase } from '../utils/storage/db';
import { getSettings, updateSettings } from '../utils/storage/settings-store';
import { recordVisit } from '../utils/storage/thread-store';

// The background owns the extension's IndexedDB; content scripts only message it.
export default defineBackground(() => {
  const db = openDatabase();
  const live = createLiveFetcher(db);
  const handle = createMessageHandler(browser.runtime.id, {
    'page/visited': async ({ context, visitId }) => {
      const record = await recordVisit(await db, { context, visitId, now: Date.now() });
      return { visitCount: record.visitCount, firstVisitedAt: record.firstVisitedAt };
    },
    'live/get': ({ context, waitForFresh }) => liveViewFor(context, live, waitForFresh),
    'settings/get': async () => getSettings(await db),
    'settings/set': async ({ settings }) => updateSettings(await db, settings),
  });
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));
});
