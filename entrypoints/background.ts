import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createLastReadings, type Handed, handOver, readingOf } from '../utils/inject/handed';
import { createPageInjector } from '../utils/inject/page-scripts';
import { FRESH_FOR_MS } from '../utils/live/freshness';
import { createLiveFetcher } from '../utils/live/live-fetcher';
import { liveViewFor } from '../utils/live/live-view';
import { createPageChannel } from '../utils/messaging/page-channel';
import type { ReportAgain } from '../utils/messaging/page-protocol';
import { createMessageHandler } from '../utils/messaging/server';
import type { PageContext } from '../utils/pages/context';
import { detectHref } from '../utils/pages/registry';
import { linkCardFor } from '../utils/related/link-card';
import type { RelatedView } from '../utils/related/related-item';
import { relatedFor } from '../utils/related/related-view';
import { createTabTrail } from '../utils/related/tab-trail';
import { consultationDocuments } from '../utils/respond/documents';
import { openDraft } from '../utils/respond/open-draft';
import { addSelectedQuestion } from '../utils/respond/selected-question';
import { createHypothesisApi } from '../utils/sharing/api';
import { createQueueDriver, SHARE_ALARM } from '../utils/sharing/driver';
import { hasApiAccess } from '../utils/sharing/permission';
import { runQueue } from '../utils/sharing/queue';
import {
  chooseGroup,
  connect,
  disconnect,
  followLocalChanges,
  type GroupRead,
  groupNotes,
  pagePassages,
  publish,
  resume,
  sharesWithGroup,
  status as sharingStatus,
  unpublish,
} from '../utils/sharing/sharing';
import type { LiveRequest } from '../utils/sources/request';
import {
  addAnnotations,
  allAnnotations,
  annotationsForPage,
  deleteAnnotation,
  deleteAnnotations,
  saveAnnotation,
  saveEdit,
} from '../utils/storage/annotation-store';
import { trimCache } from '../utils/storage/cache-store';
import { dataStats, deleteAllData, openDatabase } from '../utils/storage/db';
import type { Settings } from '../utils/storage/records';
import { deleteDraft, listDrafts, saveDraft } from '../utils/storage/response-store';
import { getSettings, updateSettings } from '../utils/storage/settings-store';
import { answersKept } from '../utils/storage/story-inputs';
import { recordVisit, threadAround, visitedPage } from '../utils/storage/thread-store';
import { countUnreadable, removeUnreadable } from '../utils/storage/unreadable';
import {
  getEvent,
  getFollow,
  markAllSeen,
  putFollow,
  unfollow,
  unseenCount,
  watchlist,
} from '../utils/storage/watch-store';
import { cardSummary, createSummaryCache } from '../utils/story/card-summary';
import { createFirstStories } from '../utils/story/first-story';
import { storyFor } from '../utils/story/story';
import {
  chromiumSidePanel,
  firefoxSidebar,
  onToolbarClick,
  openView,
  VIEW_PATH,
  type ViewApis,
} from '../utils/view/open-view';
import { createShared } from '../utils/view/recent';
import { createTabHub } from '../utils/view/tab-hub';
import { VIEW_PORT } from '../utils/view/tab-state';
import { followPage, runDueChecks } from '../utils/watchlist/checker';
import { ALARM_PERIOD_MINUTES, WATCH_ALARM } from '../utils/watchlist/schedule';
import type { z } from '../utils/zod';

// The background owns the extension's IndexedDB; content scripts only message it.
export default defineBackground(() => {
  const db = openDatabase();
  // The card's summaries, kept while the answers they are built from stay the same.
  const summaries = createSummaryCache({ maxAgeMs: Math.min(...Object.values(FRESH_FOR_MS)) });
  const live = createLiveFetcher(db, { onStored: () => summaries.changed() });
  const pages = createPageChannel(browser.runtime.id);
  const trail = createTabTrail();
  /** A page's story; without `related`, the first screen (its own records and notes). */
  const storyOf = async (context: PageContext, related: RelatedView | null) =>
    storyFor(context, { get: live, db: await db, related, now: Date.now() });
  // Its first screen, kept while what it read is unchanged (utils/story/first-story.ts).
  const firstStories = createFirstStories({
    db,
    get: live,
    maxAgeMs: Math.min(...Object.values(FRESH_FOR_MS)),
  });
  // MV3 names it `action`; Firefox's MV2 build still has `browserAction`.
  const toolbarButton = browser.action ?? browser.browserAction;
  const sidePanel = chromiumSidePanel();
  // What each tab shows, for the views beside them (utils/view/tab-hub.ts).
  const tabs = createTabHub({
    extensionId: browser.runtime.id,
    askTab: (tabId) =>
      browser.tabs.sendMessage(tabId, { type: 'tab/report-again' } satisfies z.infer<
        typeof ReportAgain
      >),
    tabExists: (tabId) =>
      browser.tabs.get(tabId).then(
        () => true,
        () => false,
      ),
    enablePanel: (tabId, enabled) =>
      void sidePanel?.setOptions({ tabId, path: VIEW_PATH, enabled }).catch(() => {}),
    firstStory: firstStories,
  });
  // The side panel is offered only on supported pages: off by default, on per tab.
  void sidePanel?.setOptions({ enabled: false }).catch(() => {});
  // Each supported page gets its site's content script once it has loaded.
  const injector = createPageInjector({
    inject: async (tabId, file, url) => {
      const target = { tabId };
      // Handed over first, for the script to take as it starts. Not waited for: the file, read
      // from disk before it is sent, reaches the page after it (waiting cost a round trip to
      // the page). Without it (a settings read or a hand-over that failed, or a hand-over that
      // came late), the script asks as before.
      const handed = await handedFor(tabId, url).catch(() => null);
      if (handed)
        void browser.scripting
          .executeScript({ target, func: handOver, args: [handed] })
          .catch(() => {});
      return browser.scripting.executeScript({ target, files: [file] });
    },
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    injector.updated(tabId, change.status, tab.url);
    if (change.status === 'loading') tabs.navigating(tabId);
    if (change.status === 'complete') tabs.loaded(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    injector.closed(tabId);
    trail.closed(tabId);
    tabs.closed(tabId);
  });
  browser.runtime.onConnect.addListener((port) =>
    port.name === VIEW_PORT ? tabs.accept(port) : pages.accept(port),
  );
  // Shared only while under way: a ranking that is done is never shown to a later caller.
  const recentRelated = createShared<Awaited<ReturnType<typeof relatedFor>>>();
  /** The page the user came to `context` from; `tabId` is the tab showing it. */
  const cameFromOf = (context: PageContext, tabId: number | undefined, referrer: string | null) =>
    // The tab's own trail first: cross-site referrers carry only the origin.
    (tabId !== undefined ? trail.cameFrom(tabId, context.key) : null) ??
    (referrer ? (detectHref(referrer)?.page.key ?? null) : null);
  const rankedAround = (context: PageContext, cameFromKey: string | null) =>
    recentRelated(`${context.key} ${cameFromKey}`, async () => {
      const cameFrom = cameFromKey ? await visitedPage(await db, cameFromKey) : null;
      return relatedFor(context, live, { cameFrom });
    });
  /** Related pages and the user's thread around a page; `tabId` is the tab showing it. */
  async function relatedAround(
    context: PageContext,
    tabId: number | undefined,
    referrer: string | null,
  ) {
    const cameFromKey = cameFromOf(context, tabId, referrer);
    const [related, thread] = await Promise.all([
      rankedAround(context, cameFromKey),
      threadAround(await db, context.key, cameFromKey),
    ]);
    return { ...related, thread: thread.items, threadSkipped: thread.skipped };
  }
  /** What a card's summary is kept under: the page as read, and the page come to it from. */
  const summaryKey = (context: PageContext, cameFromKey: string | null) =>
    JSON.stringify([context, cameFromKey]);
  /** The card's headline and top links: the live answer and the related ranking, summed up. */
  function cardSummaryFor(
    context: PageContext,
    tabId: number | undefined,
    referrer: string | null,
  ) {
    readings.asked(context, referrer);
    const cameFromKey = cameFromOf(context, tabId, referrer);
    return summaries(summaryKey(context, cameFromKey), async () => {
      // The page's own answers, to tell later that they are still the ones in the cache.
      const used: { url: string; fetchedAt: number | null }[] = [];
      const tracked = <T>(request: LiveRequest<T>) =>
        live(request).then((answer) => {
          used.push({ url: request.url, fetchedAt: answer.fetchedAt });
          return answer;
        });
      const [liveView, related] = await Promise.all([
        liveViewFor(context, tracked, false),
        rankedAround(context, cameFromKey),
      ]);
      const unchanged = async () => answersKept(await db, used);
      return { summary: cardSummary(context, liveView, related), unchanged };
    });
  }
  // What a page's script is handed with its injection: the settings, and the card's summary
  // if one is kept for the page as last read (utils/inject/handed.ts).
  const readings = createLastReadings(200);
  async function handedFor(tabId: number, url: string): Promise<Handed | null> {
    const page = detectHref(url)?.page;
    if (!page) return null;
    const last = readings.of(page.key);
    const [settings, summary] = await Promise.all([
      readSettings(),
      last &&
        summaries.kept(summaryKey(last.context, cameFromOf(last.context, tabId, last.referrer))),
    ]);
    return {
      settings,
      card: last && summary && { reading: readingOf(last.context, last.referrer), summary },
    };
  }
  // The settings as last read or written here (every card asks for them before it can draw);
  // only this worker writes them, through `settings/set` or `data/delete-all`.
  let settingsRead: Promise<Settings> | null = null;
  const readSettings = () =>
    (settingsRead ??= db.then(getSettings).catch((error) => {
      settingsRead = null;
      throw error;
    }));
  const viewApis: ViewApis = {
    sidePanel,
    tabs: browser.tabs,
    getURL: (path) => browser.runtime.getURL(path as '/'),
  };
  // Sharing with a Hypothesis group: one queue in the worker, woken by changes and its alarm.
  const groupReads = createShared<GroupRead>();
  const sharing = async () => ({
    db: await db,
    api: (token: string) => createHypothesisApi(token),
    now: Date.now,
    random: Math.random,
    hasAccess: () => hasApiAccess(),
    shareRead: groupReads,
    changed: () => pages.notifySharing(),
  });
  const shareQueue = createQueueDriver({
    run: async () => {
      const deps = await sharing();
      // However it ends (waiting, stopped, idle), the views showing the queue read it again.
      try {
        return (await deps.hasAccess()) ? await runQueue(deps) : { status: 'not-connected' };
      } finally {
        pages.notifySharing();
      }
    },
    now: Date.now,
    setTimer: (run, ms) => void setTimeout(run, ms),
    setAlarm: (when) =>
      void browser.alarms.create(SHARE_ALARM, { when: Math.max(when, Date.now() + 30_000) }),
  });
  void shareQueue.kick();
  /** A published note's edit or delete follows it to the group. */
  async function followToGroup(changed: { id: string; deleted: boolean }[]) {
    await followLocalChanges(await db, changed, Date.now());
    void shareQueue.kick();
  }
  /** Runs a sharing change, then wakes the queue. */
  const thenKick = async <T>(change: Promise<T>): Promise<T> => {
    const result = await change;
    void shareQueue.kick();
    return result;
  };
  const handle = createMessageHandler(browser.runtime.id, {
    'page/visited': async ({ context, visitId }, sender) => {
      if (sender.tab?.id !== undefined) {
        trail.visited(sender.tab.id, context.key);
        tabs.visited(sender.tab.id, context);
      }
      const [record, sharing] = await Promise.all([
        db.then((database) => recordVisit(database, { context, visitId, now: Date.now() })),
        db.then(sharesWithGroup),
      ]);
      return { visitCount: record.visitCount, firstVisitedAt: record.firstVisitedAt, sharing };
    },
    'live/get': ({ context, waitForFresh }) => liveViewFor(context, live, waitForFresh),
    'related/get': ({ context, referrer, tabId }, sender) =>
      relatedAround(context, tabId ?? sender.tab?.id, referrer),
    'tab/context': async ({ report }, sender) => {
      if (sender.tab?.id === undefined) throw new Error('Only a tab can say what it shows.');
      tabs.report(sender.tab.id, report);
      return {};
    },
    'story/get': async ({ context, tabId, related }) => ({
      entries: related
        ? await storyOf(context, await relatedAround(context, tabId, null))
        : await firstStories(context),
    }),
    'card/get': ({ url }) => linkCardFor(url, live),
    'annotations/list': async ({ pageKey }) => annotationsForPage(await db, pageKey),
    'annotations/save': async ({ annotation }) => {
      const saved = await saveAnnotation(await db, annotation);
      pages.notify(saved.pageKey);
      await followToGroup([{ id: saved.id, deleted: false }]);
      return saved;
    },
    'annotations/edit': async ({ base, annotation }) => {
      const outcome = await saveEdit(await db, base, annotation);
      if (outcome.status !== 'conflict') {
        pages.notify(outcome.annotation.pageKey);
        await followToGroup([{ id: outcome.annotation.id, deleted: false }]);
      }
      return outcome;
    },
    'annotations/delete': async ({ id }) => {
      const deleted = await deleteAnnotation(await db, id);
      if (deleted) {
        pages.notify(deleted.pageKey);
        await followToGroup([{ id: deleted.id, deleted: true }]);
      }
      return { deleted };
    },
    'watch/get': async ({ pageKey }) => getFollow(await db, pageKey),
    'watch/follow': async ({ context }) => {
      if (context.kind === 'debate')
        throw new Error('Only petitions and consultations can be followed.');
      return followPage(await db, live, context, Date.now());
    },
    'watch/unfollow': async ({ pageKey }) => {
      await unfollow(await db, pageKey);
      await showUnseen();
      return {};
    },
    'watch/milestones': async ({ pageKey, milestones }) => {
      const follow = await getFollow(await db, pageKey);
      if (!follow) throw new Error('This page is not followed.');
      return putFollow(await db, {
        ...follow,
        milestones: [...new Set(milestones)].sort((a, b) => a - b),
      });
    },
    'watch/list': async () => watchlist(await db),
    'watch/seen': async () => {
      await markAllSeen(await db);
      await showUnseen();
      return {};
    },
    'library/list': async ({ limit }) => allAnnotations(await db, limit),
    'annotations/delete-many': async ({ ids }) => {
      const deleted = await deleteAnnotations(await db, ids);
      for (const key of new Set(deleted.map((a) => a.pageKey))) pages.notify(key);
      await followToGroup(deleted.map((a) => ({ id: a.id, deleted: true })));
      return { deleted };
    },
    'annotations/add-many': async ({ annotations }) => {
      const { added, duplicates } = await addAnnotations(await db, annotations);
      for (const key of new Set(added.map((a) => a.pageKey))) pages.notify(key);
      return { added: added.map((a) => a.id), duplicates };
    },
    'data/stats': async () => {
      const database = await db;
      const [stats, unreadable] = await Promise.all([
        dataStats(database),
        countUnreadable(database),
      ]);
      return { ...stats, unreadable };
    },
    'data/delete-all': async () => {
      await deleteAllData(await db);
      settingsRead = null;
      recentRelated.clear();
      summaries.changed();
      firstStories.clear();
      pages.notifyAll();
      await showUnseen();
      return {};
    },
    'data/remove-unreadable': async () => {
      const removed = await removeUnreadable(await db);
      pages.notifyAll();
      await showUnseen();
      return { removed };
    },
    'settings/get': readSettings,
    'settings/set': async ({ settings }) => {
      settingsRead = null;
      const next = await updateSettings(await db, settings);
      settingsRead = Promise.resolve(next);
      return next;
    },
    // Not async: `sidePanel.open` must be called before anything is awaited (open-view.ts).
    'view/open': (_request, sender) =>
      openView(viewApis, sender.tab).then((openedIn) => ({ openedIn })),
    'responses/get': async ({ key }) => ({ draft: await openDraft(await db, key) }),
    'responses/save': async ({ draft }) => saveDraft(await db, draft),
    'responses/delete': async ({ key }) => ({ deleted: await deleteDraft(await db, key) }),
    'responses/list': async () => listDrafts(await db),
    'responses/documents': ({ url }) => consultationDocuments(live, url),
    'responses/add-question': async ({ pageUrl, text }) => {
      const draft = await addSelectedQuestion(await db, pageUrl, text, Date.now());
      // The consultation's views hear of it as a change on its page.
      pages.notify(draft.key);
      return { key: draft.key };
    },
    'sharing/connect': async ({ token }) => thenKick(connect(await sharing(), token)),
    'sharing/choose-group': async ({ groupId }) => thenKick(chooseGroup(await sharing(), groupId)),
    'sharing/disconnect': async () => {
      await disconnect(await sharing());
      pages.notifySharing();
      return {};
    },
    'sharing/publish': async ({ selection }) => thenKick(publish(await sharing(), selection)),
    'sharing/unpublish': async ({ noteIds }) => {
      await thenKick(unpublish(await sharing(), noteIds));
      return {};
    },
    'sharing/resume': async ({ skip }) => {
      await thenKick(resume(await sharing(), skip));
      return {};
    },
    'sharing/status': async () => sharingStatus(await sharing()),
    'sharing/group-notes': async ({ uri, refresh }) => groupNotes(await sharing(), uri, refresh),
    'sharing/page-passages': async ({ uri }) => pagePassages(await sharing(), uri),
    'card/summary': ({ context, referrer }, sender) =>
      cardSummaryFor(context, sender.tab?.id, referrer),
  });
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));

  /** The toolbar badge: how many changes to followed items the user has not seen. */
  async function showUnseen() {
    const count = await unseenCount(await db);
    await toolbarButton.setBadgeText({ text: count > 0 ? String(count) : '' });
  }

  // One periodic alarm; each wake checks the few followed items that are due.
  void browser.alarms.get(WATCH_ALARM).then((alarm) => {
    if (!alarm) browser.alarms.create(WATCH_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES });
  });
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== WATCH_ALARM) return;
    const added = await runDueChecks(await db, live, Date.now);
    await showUnseen();
    if (added.length === 0 || !(await getSettings(await db)).notifyChanges) return;
    for (const event of added) {
      await browser.notifications.create(event.id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: event.pageTitle ?? 'A followed page changed',
        message: event.text,
      });
    }
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SHARE_ALARM) void shareQueue.kick();
  });
  // The same wake drops answers past the cache's bounds, away from any page's reading.
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === WATCH_ALARM) await trimCache(await db, Date.now());
  });
  browser.notifications.onClicked.addListener(async (id) => {
    const event = await getEvent(await db, id);
    if (event) await browser.tabs.create({ url: event.link ?? event.url });
    await browser.notifications.clear(id);
  });
  // No await before opening: the browser counts `open` only within the click (or shortcut).
  toolbarButton.onClicked.addListener(
    onToolbarClick(
      { sidePanel, sidebarAction: firefoxSidebar() },
      (tabId) => tabs.stateOf(tabId),
      () => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') }),
    ),
  );
});
