import { afterEach, describe, expect, it } from 'vitest';
import { createLiveFetcher } from '../../utils/live/live-fetcher';
import { allAnnotations } from '../../utils/storage/annotation-store';
import { type CivicThreadDB, openDatabase } from '../../utils/storage/db';
import type { Follow } from '../../utils/storage/records';
import { countUnreadable, removeUnreadable } from '../../utils/storage/unreadable';
import { putFollow, watchlist } from '../../utils/storage/watch-store';
import { runDueChecks } from '../../utils/watchlist/checker';
import { createFixtureFetch } from '../fixture-site/fixture-fetch';

const NOW = Date.parse('2026-11-23T12:00:00Z');
let n = 0;
let name = '';
afterEach(() => indexedDB.deleteDatabase(name));

async function freshDb(): Promise<CivicThreadDB> {
  name = `unreadable-${++n}`;
  return openDatabase(name);
}

const good: Follow = {
  pageKey: 'petition:701234',
  kind: 'petition',
  url: 'https://petition.parliament.uk/petitions/701234',
  title: 'Give schools ring-fenced funding',
  followedAt: NOW - 1,
  milestones: [],
  snapshot: null,
  lastCheckedAt: null,
  nextCheckAt: NOW - 1,
  failures: 0,
};

/** Five followed items damaged so they no longer validate, due before the good one. */
async function storeBadFollows(db: CivicThreadDB) {
  for (let i = 0; i < 5; i++) {
    await db.put('follows', { pageKey: `petition:${i + 1}`, nextCheckAt: i } as unknown as Follow);
  }
}

describe('unreadable records', () => {
  it('five unreadable followed items do not stop the good one being checked or listed', async () => {
    const db = await freshDb();
    await storeBadFollows(db);
    await putFollow(db, good);
    const site = createFixtureFetch();
    const get = createLiveFetcher(Promise.resolve(db), {
      deps: { fetch: site.fetch, sleep: async () => {}, now: () => NOW, random: () => 0 },
      now: () => NOW,
    });
    await runDueChecks(db, get, () => NOW);
    expect(site.requests.some((url) => url.includes('/petitions/701234.json'))).toBe(true);
    const list = await watchlist(db);
    expect(list.items.map((item) => item.follow.pageKey)).toEqual(['petition:701234']);
    expect(list.items[0]?.follow.lastCheckedAt).toBe(NOW);
    expect(list.skipped).toBe(5);
  });

  it('a note with no updatedAt is counted as unreadable in the library, not lost from view', async () => {
    const db = await freshDb();
    await db.put('annotations', {
      id: 'damaged',
      kind: 'page-note',
      pageKey: 'petition:701234',
    } as never);
    expect(await allAnnotations(db)).toMatchObject({ annotations: [], skipped: 1, total: 1 });
  });

  it('counts unreadable records per store and removes only them, in one go', async () => {
    const db = await freshDb();
    await storeBadFollows(db);
    await putFollow(db, good);
    await db.put('pages', { key: 'petition:1' } as never);
    await db.put('responses', { key: 'consultation:x', questions: 'lost' } as never);
    expect(await countUnreadable(db)).toEqual({
      annotations: 0,
      pages: 1,
      links: 0,
      follows: 5,
      events: 0,
      responses: 1,
    });
    expect(await removeUnreadable(db)).toBe(7);
    expect(await countUnreadable(db)).toEqual({
      annotations: 0,
      pages: 0,
      links: 0,
      follows: 0,
      events: 0,
      responses: 0,
    });
    expect((await watchlist(db)).items.map((item) => item.follow.pageKey)).toEqual([
      'petition:701234',
    ]);
  });
});
