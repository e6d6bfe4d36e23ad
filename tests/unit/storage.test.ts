import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageContext } from '../../utils/pages/context';
import { DB_VERSION, openDatabase } from '../../utils/storage/db';
import { PageRecord, Settings } from '../../utils/storage/records';
import { getSettings, updateSettings } from '../../utils/storage/settings-store';
import { recordVisit, threadAround } from '../../utils/storage/thread-store';
import v1 from '../fixtures/db/v1.json';
import { extractFixture } from '../load-fixture';

let name = '';
let counter = 0;
const freshName = () => {
  name = `test-${++counter}`;
  return name;
};
afterEach(() => indexedDB.deleteDatabase(name));

const petition: PageContext = {
  kind: 'petition',
  url: 'https://petition.parliament.uk/archived/petitions/592213',
  key: 'petition:592213',
  title: 'Require School SENCOs to be fully qualified for the role.',
  links: [
    {
      kind: 'consultation',
      key: 'consultation:send-review-right-support-right-place-right-time',
      url: 'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time',
      label: 'SEND review consultation',
    },
    {
      kind: 'debate',
      key: 'debate:BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40',
      url: 'https://hansard.parliament.uk/commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/SpecialEducationalNeedsAndDisabilitiesReview',
      label: 'Read what he said',
    },
  ],
  unread: [],
  petitionNumber: 592213,
  archived: true,
  parliament: '2019-2024',
  state: 'closed',
  signatureCount: 13168,
  closesOn: null,
  response: { respondedOn: '2021-09-29', summary: 'Through the SEND Review…' },
  debate: null,
};

describe('thread store', () => {
  it('stores a visited page with its outbound links, indexed by target', async () => {
    const db = await openDatabase(freshName());
    const record = await recordVisit(db, { context: petition, visitId: 'a', now: 1000 });
    expect(record).toMatchObject({ key: 'petition:592213', visitCount: 1, firstVisitedAt: 1000 });
    expect(await db.get('pages', 'petition:592213')).toEqual(record);
    const linkingToDebate = await db.getAllFromIndex(
      'links',
      'byTo',
      'debate:BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40',
    );
    expect(linkingToDebate).toEqual([
      expect.objectContaining({
        from: 'petition:592213',
        kind: 'debate',
        label: 'Read what he said',
      }),
    ]);
  });

  it('counts a new page load as a visit but not a re-read of the same load', async () => {
    const db = await openDatabase(freshName());
    await recordVisit(db, { context: petition, visitId: 'a', now: 1000 });
    await recordVisit(db, { context: petition, visitId: 'a', now: 1500 });
    const again = await recordVisit(db, { context: petition, visitId: 'b', now: 2000 });
    expect(again).toMatchObject({ visitCount: 2, firstVisitedAt: 1000, lastVisitedAt: 2000 });
  });

  it("replaces a page's links with the ones it has now", async () => {
    const db = await openDatabase(freshName());
    await recordVisit(db, { context: petition, visitId: 'a', now: 1 });
    await recordVisit(db, {
      context: { ...petition, links: petition.links.slice(0, 1) },
      visitId: 'b',
      now: 2,
    });
    expect((await db.getAll('links')).map((link) => link.to)).toEqual([
      'consultation:send-review-right-support-right-place-right-time',
    ]);
  });

  it('writes nothing when a link is invalid', async () => {
    const db = await openDatabase(freshName());
    const broken = {
      ...petition,
      links: [...petition.links, { kind: 'debate', key: '', url: 'nope', label: '' }],
    } as PageContext;
    await expect(recordVisit(db, { context: broken, visitId: 'a', now: 1 })).rejects.toThrow();
    expect(await db.count('pages')).toBe(0);
    expect(await db.count('links')).toBe(0);
  });

  it('starts over a page whose stored record is corrupt', async () => {
    const db = await openDatabase(freshName());
    await db.put('pages', { key: 'petition:592213', junk: true } as never);
    const record = await recordVisit(db, { context: petition, visitId: 'a', now: 5 });
    expect(record).toMatchObject({ visitCount: 1, firstVisitedAt: 5 });
  });
});

describe("the user's thread around a page", () => {
  const debate: PageContext = {
    kind: 'debate',
    url: 'https://hansard.parliament.uk/Commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/SpecialEducationalNeedsAndDisabilitiesReview',
    key: 'debate:BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40',
    title: 'Special Educational Needs and Disabilities Review',
    links: [],
    unread: [],
    debateId: 'BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40',
    house: 'Commons',
    sittingDate: '2022-03-29',
    location: 'Commons Chamber',
    petitionNumbers: [],
  };

  it('lists visited pages that link here, and visited pages this one links to', async () => {
    const db = await openDatabase(freshName());
    await recordVisit(db, { context: petition, visitId: 'a', now: 1 });
    await recordVisit(db, { context: debate, visitId: 'b', now: 2 });
    expect((await threadAround(db, debate.key, null)).items).toEqual([
      {
        key: petition.key,
        kind: 'petition',
        url: petition.url,
        title: petition.title,
        reason: 'you read it; it links here',
      },
    ]);
    expect((await threadAround(db, petition.key, null)).items).toEqual([
      expect.objectContaining({ key: debate.key, reason: 'this page links to it; you read it' }),
    ]);
  });

  it('puts the page the user came from first, and leaves out pages never visited', async () => {
    const db = await openDatabase(freshName());
    await recordVisit(db, { context: debate, visitId: 'b', now: 5 });
    await recordVisit(db, { context: petition, visitId: 'a', now: 1 });
    const { items: thread } = await threadAround(db, debate.key, petition.key);
    expect(thread.map((item) => [item.key, item.reason])).toEqual([
      [petition.key, 'you came here from this page'],
    ]);
    // The consultation the petition links to was never visited: not in the thread.
    expect((await threadAround(db, petition.key, null)).items).toHaveLength(1);
  });

  it('counts a page of the thread whose record is unreadable, and lists the rest', async () => {
    const db = await openDatabase(freshName());
    await recordVisit(db, { context: petition, visitId: 'a', now: 1 });
    await recordVisit(db, { context: debate, visitId: 'b', now: 2 });
    await db.put('pages', { key: debate.key, junk: true } as never);
    expect(await threadAround(db, petition.key, null)).toEqual({ items: [], skipped: 1 });
    expect(await threadAround(db, debate.key, null)).toMatchObject({
      items: [{ key: petition.key }],
      skipped: 0,
    });
  });
});

describe('settings store', () => {
  it('defaults to an open panel and remembers a collapse', async () => {
    const db = await openDatabase(freshName());
    expect(await getSettings(db)).toEqual(Settings.parse({}));
    await updateSettings(db, { panelCollapsed: true });
    expect(await getSettings(db)).toEqual(Settings.parse({ panelCollapsed: true }));
  });

  it('falls back to defaults when the stored settings are unreadable', async () => {
    const db = await openDatabase(freshName());
    await db.put('settings', { name: 'settings', value: { panelCollapsed: 'sometimes' } });
    expect(await getSettings(db)).toEqual(Settings.parse({}));
  });
});

describe('database upgrades', () => {
  it('creates every store and index at the current version', async () => {
    const db = await openDatabase(freshName());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'annotations',
      'cache',
      'events',
      'follows',
      'groupNotes',
      'links',
      'pages',
      'published',
      'responses',
      'settings',
      'shareQueue',
    ]);
    const tx = db.transaction(['pages', 'links', 'follows', 'events', 'responses']);
    expect([...tx.objectStore('pages').indexNames]).toEqual(['byLastVisited']);
    expect([...tx.objectStore('links').indexNames]).toEqual(['byTo']);
    expect([...tx.objectStore('follows').indexNames]).toEqual(['byNextCheck']);
    expect([...tx.objectStore('events').indexNames].sort()).toEqual(['byAt', 'byPage']);
    expect([...tx.objectStore('responses').indexNames]).toEqual(['byUpdated']);
  });

  it('keeps stored data when the extension reopens an existing database', async () => {
    const first = await openDatabase(freshName());
    await recordVisit(first, { context: petition, visitId: 'a', now: 1 });
    first.close();
    const reopened = await openDatabase(name);
    expect(await reopened.count('pages')).toBe(1);
    expect(await reopened.count('links')).toBe(2);
  });

  it('still reads a consultation page stored before withdrawals were read', () => {
    const result = extractFixture(
      'https://www.gov.uk/government/consultations/sen-workforce-training-standards',
    );
    if (!result?.ok) throw new Error('fixture did not extract');
    const { withdrawnOn: _, ...before } = result.context as Extract<
      PageContext,
      { kind: 'consultation' }
    >;
    const stored = {
      key: before.key,
      kind: 'consultation',
      url: before.url,
      title: before.title,
      context: before,
      firstVisitedAt: 1,
      lastVisitedAt: 1,
      visitCount: 1,
      lastVisitId: 'a',
    };
    expect(PageRecord.parse(stored).context).toEqual({ ...before, withdrawnOn: null });
  });

  it('upgrades a version 1 database to the current one without losing its pages, links or settings', async () => {
    // Version 1 exactly as it shipped, filled from a stored fixture.
    const old = await openDB(freshName(), 1, {
      upgrade(db) {
        db.createObjectStore('pages', { keyPath: 'key' }).createIndex(
          'byLastVisited',
          'lastVisitedAt',
        );
        db.createObjectStore('links', { keyPath: ['from', 'to'] }).createIndex('byTo', 'to');
        db.createObjectStore('settings', { keyPath: 'name' });
      },
    });
    for (const [store, rows] of Object.entries(v1.stores)) {
      for (const row of rows) await old.put(store, row);
    }
    old.close();

    const db = await openDatabase(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('pages')).toEqual(v1.stores.pages);
    expect(await db.getAll('links')).toEqual(v1.stores.links);
    expect(await getSettings(db)).toEqual(Settings.parse({ panelCollapsed: true }));
    expect(await db.count('cache')).toBe(0);
    // Later versions' stores arrive empty and ready, with their indexes.
    expect(await db.count('annotations')).toBe(0);
    expect(await db.count('follows')).toBe(0);
    expect(await db.count('events')).toBe(0);
    expect(await db.count('responses')).toBe(0);
    expect([...db.transaction('annotations').store.indexNames].sort()).toEqual([
      'byKind',
      'byPage',
      'byTag',
      'byUpdated',
    ]);
  });
});
