// The first story kept in the worker's memory (utils/story/first-story.ts): given again only
// while the cache and the page's notes are as they were, against the fixture petition's JSON.
import { afterEach, describe, expect, it } from 'vitest';
import { describe as describeText } from '../../utils/annotations/selectors';
import { createLiveFetcher } from '../../utils/live/live-fetcher';
import type { PageContext } from '../../utils/pages/context';
import { saveAnnotation } from '../../utils/storage/annotation-store';
import { putCached } from '../../utils/storage/cache-store';
import { deleteAllData, openDatabase } from '../../utils/storage/db';
import type { Annotation } from '../../utils/storage/records';
import { answersKept } from '../../utils/storage/story-inputs';
import { createFirstStories } from '../../utils/story/first-story';
import { createFixtureFetch } from '../fixture-site/fixture-fetch';
import { petitionAt } from './fixture-facts';

let name = '';
let n = 0;
afterEach(() => indexedDB.deleteDatabase(name));

const URL_591092 = 'https://petition.parliament.uk/archived/petitions/591092';
const context: PageContext = petitionAt(
  591092,
  true,
  'Require School SENCOs to be fully qualified for the role.',
);

function bookmark(): Annotation {
  return {
    id: crypto.randomUUID(),
    kind: 'bookmark',
    pageKey: context.key,
    pageUrl: URL_591092,
    pageTitle: context.title,
    pageKind: 'petition',
    target: describeText('Ensuring SENCOs are fully qualified is integral to this.', 9, 35),
    bookmark: { label: 'Government response', date: null },
    note: '',
    tags: [],
    colour: 'yellow',
    createdAt: 1,
    updatedAt: 1,
  };
}

function setup() {
  name = `first-story-${++n}`;
  const clock = { now: Date.parse('2026-12-01T12:00:00Z') };
  const site = createFixtureFetch();
  const db = openDatabase(name);
  const live = createLiveFetcher(db, {
    now: () => clock.now,
    deps: { fetch: site.fetch, sleep: async () => {}, now: () => 0, random: () => 0 },
  });
  /** Every answer the stories were given, in order. */
  const answers: { stale: boolean }[] = [];
  const get: typeof live = async (request) => {
    const answer = await live(request);
    answers.push(answer);
    return answer;
  };
  const firstStory = createFirstStories({ db, get, maxAgeMs: 5 * 60_000, now: () => clock.now });
  return { clock, db, get, answers, firstStory, site };
}

describe('the first story kept in the worker', () => {
  it('is built once, then given again without reading or parsing the petition’s answer', async () => {
    const { answers, firstStory, site } = setup();
    const built = await firstStory(context);
    expect(built.length).toBeGreaterThan(0);
    expect(answers).toHaveLength(1);
    expect(await firstStory(context)).toEqual(built);
    expect(await firstStory(structuredClone(context))).toEqual(built);
    expect(answers).toHaveLength(1);
    expect(site.requests).toHaveLength(1);
  });

  it('is built again once the page’s notes, the cached answer or the clock moved on', async () => {
    const { answers, clock, db, firstStory } = setup();
    const notesOn = (entries: Awaited<ReturnType<typeof firstStory>>) =>
      entries.flatMap((entry) => entry.bookmarks.map((b) => b.label));
    expect(notesOn(await firstStory(context))).toEqual([]);
    // A bookmark saved on the page (here straight into the database, as no message tells it).
    await saveAnnotation(await db, bookmark());
    expect(notesOn(await firstStory(context))).toEqual(['Government response']);
    expect(answers).toHaveLength(2);
    // The cached answer written again (a refresh) or gone.
    const database = await db;
    for (const entry of await database.getAll('cache')) {
      await database.put('cache', { ...entry, fetchedAt: clock.now + 1 });
    }
    await firstStory(context);
    expect(answers).toHaveLength(3);
    await database.clear('cache');
    await firstStory(context);
    expect(answers).toHaveLength(4);
    await firstStory(context);
    expect(answers).toHaveLength(4);
    clock.now += 5 * 60_000;
    await firstStory(context);
    expect(answers).toHaveLength(5);
  });

  it('is not given once the answer it read is older than the limit, however late it was built', async () => {
    const { answers, clock, firstStory } = setup();
    await firstStory(context); // the answer is fetched now
    firstStory.clear();
    clock.now += 4 * 60_000;
    await firstStory(context); // built from the same answer, still fresh, four minutes on
    expect(answers).toHaveLength(2);
    clock.now += 60_000 + 1;
    // Five minutes after the answer was fetched: its facts are due to be asked again.
    await firstStory(context);
    expect(answers).toHaveLength(3);
  });

  it('after all data is deleted, never gives the story it had', async () => {
    const { db, firstStory } = setup();
    await saveAnnotation(await db, bookmark());
    const before = await firstStory(context);
    expect(before.flatMap((entry) => entry.bookmarks)).toHaveLength(1);
    await deleteAllData(await db);
    firstStory.clear();
    const after = await firstStory(context);
    expect(after.flatMap((entry) => entry.bookmarks)).toEqual([]);
  });

  it('keeps no story built from a stale answer: its refresh is under way', async () => {
    const { answers, clock, get, firstStory } = setup();
    await firstStory(context);
    clock.now += 5 * 60_000 + 1;
    // A story kept longer than the answer's freshness: built from the stale answer, not kept.
    const stories = createFirstStories({
      db: openDatabase(name),
      get,
      maxAgeMs: 60 * 60_000,
      now: () => clock.now,
    });
    await stories(context);
    expect(answers.at(-1)?.stale).toBe(true);
    await stories(context);
    expect(answers).toHaveLength(3);
  });
});

describe('the cache check of what a kept summary or story read', () => {
  const PETITION_JSON = 'https://petition.parliament.uk/archived/petitions/591092.json';
  const HANSARD_JSON = 'https://hansard-api.parliament.uk/search/debates.json?searchTerm=SENCO';
  const entry = (url: string, fetchedAt: number) => ({
    url,
    source: 'petitions' as const,
    fetchedAt,
    body: { data: { id: 591092 } },
  });

  it('holds while the answers are as read, and not once one is fetched again, removed or first stored', async () => {
    name = `answers-kept-${++n}`;
    const db = await openDatabase(name);
    await putCached(db, entry(PETITION_JSON, 100));
    const read = [
      { url: PETITION_JSON, fetchedAt: 100 },
      // Missing when read: it must still be missing.
      { url: HANSARD_JSON, fetchedAt: null },
    ];
    expect(await answersKept(db, read)).toBe(true);
    // Another answer stored at the same moment is not this one.
    await putCached(db, entry(`${PETITION_JSON}?again`, 100));
    expect(await answersKept(db, read)).toBe(true);

    await putCached(db, entry(HANSARD_JSON, 150));
    expect(await answersKept(db, read)).toBe(false);
    expect(await answersKept(db, [{ url: PETITION_JSON, fetchedAt: 100 }])).toBe(true);

    await putCached(db, entry(PETITION_JSON, 200));
    expect(await answersKept(db, [{ url: PETITION_JSON, fetchedAt: 100 }])).toBe(false);
    expect(await answersKept(db, [{ url: PETITION_JSON, fetchedAt: 200 }])).toBe(true);

    await db.clear('cache');
    expect(await answersKept(db, [{ url: PETITION_JSON, fetchedAt: 200 }])).toBe(false);
    expect(await answersKept(db, [{ url: PETITION_JSON, fetchedAt: null }])).toBe(true);
    db.close();
  });
});
