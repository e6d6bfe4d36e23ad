import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createLiveFetcher } from '../utils/live/live-fetcher';
import { liveViewFor } from '../utils/live/live-view';
import { createMessageHandler } from '../utils/messaging/server';
import {
  annotationsForPage,
  deleteAnnotation,
  saveAnnotation,
} from '../utils/storage/annotation-store';
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
    'annotations/list': async ({ pageKey }) => annotationsForPage(await db, pageKey),
    'annotations/save': async ({ annotation }) => saveAnnotation(await db, annotation),
    'annotations/delete': async ({ id }) => ({ deleted: await deleteAnnotation(await db, id) }),
    'settings/get': async () => getSettings(await db),
    'settings/set': async ({ settings }) => updateSettings(await db, settings),
  });
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));
});
