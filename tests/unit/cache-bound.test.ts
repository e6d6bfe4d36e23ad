// The `cache` store's bounds (utils/storage/cache-store.ts, through the helper groupNotes shares:
// utils/storage/drop-oldest.ts): old answers go, the newest are kept under a count, never half.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CACHE_MAX_AGE_MS,
  MAX_CACHED_ANSWERS,
  putCached,
  trimCache,
} from '../../utils/storage/cache-store';
import { type CivicThreadDB, openDatabase } from '../../utils/storage/db';
import { dropOldest } from '../../utils/storage/drop-oldest';
import { answersKept, storedInputs } from '../../utils/storage/story-inputs';
import { createSummaryCache } from '../../utils/story/card-summary';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const DAY = 24 * 60 * 60_000;
const url = (i: number) =>
  `https://petition.parliament.uk/petitions/${String(i).padStart(6, '0')}.json`;

let name = '';
let n = 0;
let db: CivicThreadDB | null = null;
afterEach(() => {
  vi.restoreAllMocks();
  db?.close();
  db = null;
  indexedDB.deleteDatabase(name);
});

async function open(): Promise<CivicThreadDB> {
  name = `cache-bound-${++n}`;
  db = await openDatabase(name);
  return db;
}

/** Stores answers fetched at the given times, in one transaction (a thousand puts are slow). */
async function store(database: CivicThreadDB, entries: { url: string; fetchedAt: number }[]) {
  const tx = database.transaction('cache', 'readwrite');
  for (const { url, fetchedAt } of entries) {
    void tx.store.put({ url, source: 'petitions', fetchedAt, body: { data: { url } } });
  }
  await tx.done;
}

const keys = async (database: CivicThreadDB) => (await database.getAllKeys('cache')).sort();

describe('the cache store’s bounds', () => {
  it('removes the answers not fetched for longer than CACHE_MAX_AGE_MS, and only those', async () => {
    const database = await open();
    await store(database, [
      { url: url(1), fetchedAt: NOW - CACHE_MAX_AGE_MS - 1 },
      { url: url(2), fetchedAt: NOW - 90 * DAY },
      // Exactly the limit's age, a stale answer of last week and one of a moment ago stay.
      { url: url(3), fetchedAt: NOW - CACHE_MAX_AGE_MS },
      { url: url(4), fetchedAt: NOW - 7 * DAY },
      { url: url(5), fetchedAt: NOW - 1 },
    ]);
    expect(await trimCache(database, NOW)).toBe(2);
    expect(await keys(database)).toEqual([url(3), url(4), url(5)]);
    // Nothing more to remove: the bound holds, a second run changes nothing.
    expect(await trimCache(database, NOW)).toBe(0);
    expect(await database.count('cache')).toBe(3);
  });

  it('keeps the MAX_CACHED_ANSWERS most recently fetched past the count', async () => {
    const database = await open();
    // Stored newest first, so key order is not the age order.
    const total = MAX_CACHED_ANSWERS + 3;
    await store(
      database,
      Array.from({ length: total }, (_, i) => ({ url: url(i), fetchedAt: NOW - i * 60_000 })),
    );
    expect(await trimCache(database, NOW)).toBe(3);
    expect(await database.count('cache')).toBe(MAX_CACHED_ANSWERS);
    const kept = new Set(await keys(database));
    for (const i of [total - 1, total - 2, total - 3]) expect(kept.has(url(i))).toBe(false);
    expect(kept.has(url(total - 4))).toBe(true);
    expect(kept.has(url(0))).toBe(true);
  });

  it('counts only what the age left, when both bounds apply', async () => {
    const database = await open();
    const aged = [1, 2].map((i) => ({ url: url(900_000 + i), fetchedAt: NOW - 60 * DAY - i }));
    const recent = Array.from({ length: MAX_CACHED_ANSWERS + 2 }, (_, i) => ({
      url: url(i),
      fetchedAt: NOW - DAY - i,
    }));
    await store(database, [...aged, ...recent]);
    expect(await trimCache(database, NOW)).toBe(4);
    expect(await database.count('cache')).toBe(MAX_CACHED_ANSWERS);
    const kept = new Set(await keys(database));
    for (const gone of [
      ...aged.map((a) => a.url),
      url(MAX_CACHED_ANSWERS),
      url(MAX_CACHED_ANSWERS + 1),
    ]) {
      expect(kept.has(gone)).toBe(false);
    }
    expect(kept.has(url(MAX_CACHED_ANSWERS - 1))).toBe(true);
  });

  it('breaks ties of fetchedAt by key, and never removes the row it is told to keep', async () => {
    const database = await open();
    await store(database, [
      { url: url(3), fetchedAt: 500 },
      { url: url(1), fetchedAt: 500 },
      { url: url(2), fetchedAt: 500 },
      { url: url(4), fetchedAt: 900 },
    ]);
    const drop = async (bound: Parameters<typeof dropOldest>[1]) => {
      const tx = database.transaction('cache', 'readwrite');
      const removed = await dropOldest(tx.store, bound);
      await tx.done;
      return removed;
    };
    expect(await drop({ maxRows: 3 })).toBe(1);
    expect(await keys(database)).toEqual([url(2), url(3), url(4)]);
    // The oldest (tied) row is the one just written: the next oldest goes instead.
    expect(await drop({ maxRows: 2, keep: url(2) })).toBe(1);
    expect(await keys(database)).toEqual([url(2), url(4)]);
    // Too old, but kept all the same.
    expect(await drop({ fetchedBefore: 1_000, keep: url(4) })).toBe(1);
    expect(await keys(database)).toEqual([url(4)]);
  });

  it('removes nothing when a removal fails part way: one transaction, aborted', async () => {
    const database = await open();
    await store(
      database,
      [1, 2, 3, 4].map((i) => ({ url: url(i), fetchedAt: NOW - 40 * DAY - i })),
    );
    const remove = IDBObjectStore.prototype.delete;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (
      this: IDBObjectStore,
      key,
    ) {
      // The first removal is made; the third fails.
      if (++calls === 3) throw new DOMException('The disk is full.', 'QuotaExceededError');
      return remove.call(this, key);
    });
    await expect(trimCache(database, NOW)).rejects.toThrow('The disk is full.');
    vi.restoreAllMocks();
    expect(await keys(database)).toEqual([url(1), url(2), url(3), url(4)]);
    // And the next run, with the disk fine again, removes them.
    expect(await trimCache(database, NOW)).toBe(4);
  });

  it('makes a kept summary or first story built from a removed answer count as changed', async () => {
    const database = await open();
    const read = { url: url(1), fetchedAt: NOW - 40 * DAY };
    await putCached(database, { ...read, source: 'petitions', body: {} });
    await putCached(database, { url: url(2), source: 'petitions', fetchedAt: NOW, body: {} });
    const fresh = [{ url: url(2), fetchedAt: NOW }];
    expect(await answersKept(database, [read])).toBe(true);

    // The worker's summaries, as the background keeps them: unchanged while `answersKept`.
    const summaries = createSummaryCache({ maxAgeMs: 5 * 60_000, now: () => NOW });
    let builds = 0;
    const build = async () => {
      builds++;
      return {
        summary: { headline: [], links: [], incomplete: false },
        unchanged: () => answersKept(database, [read]),
      };
    };
    await summaries('page', build);
    await summaries('page', build);
    expect(builds).toBe(1);

    expect(await trimCache(database, NOW)).toBe(1);
    expect(await answersKept(database, [read])).toBe(false);
    expect((await storedInputs(database, [read], 'page')).answersKept).toBe(false);
    await summaries('page', build);
    expect(builds).toBe(2);
    // The answer that stayed still counts as kept.
    expect(await answersKept(database, fresh)).toBe(true);
  });
});
