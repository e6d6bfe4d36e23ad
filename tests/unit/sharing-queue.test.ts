import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXPORT_FORMATS, type ExportFormat, exportAs } from '../../utils/library/export';
import type { FetchDeps } from '../../utils/net/fetch-json';
import { createHypothesisApi } from '../../utils/sharing/api';
import { type QueueDeps, runQueue, WRITES_PER_MINUTE } from '../../utils/sharing/queue';
import {
  chooseGroup,
  connect,
  disconnect,
  followLocalChanges,
  groupNotes,
  pagePassages,
  publish,
  resume,
  type SharingDeps,
  sharesWithGroup,
  status,
  unpublish,
} from '../../utils/sharing/sharing';
import {
  allAnnotations,
  deleteAnnotation,
  saveAnnotation,
} from '../../utils/storage/annotation-store';
import { type CivicThreadDB, DB_VERSION, openDatabase } from '../../utils/storage/db';
import type { Annotation } from '../../utils/storage/records';
import {
  getConnection,
  listJobs,
  MAX_GROUP_NOTE_PAGES,
  putGroupNotes,
} from '../../utils/storage/sharing-store';
import { createShared } from '../../utils/view/recent';
import {
  createHypothesisControl,
  type HypothesisControl,
  hypothesisFetch,
  leaveGroup,
  revokeToken,
} from '../fixture-site/hypothesis';

const TOKEN = '6879-fixture-campaigner-token';
const ME = 'acct:amira_campaigns@hypothes.is';
const GROUP = 'Kd3VxYp2';
const PAGE_URL = 'https://petition.parliament.uk/petitions/701234';
const START = Date.parse('2026-12-01T10:00:00Z');

let counter = 0;
let open: CivicThreadDB[] = [];
afterEach(() => {
  for (const db of open) db.close();
  open = [];
});

/** A world for one test: a database, the fixture API, and a clock that only moves when told. */
async function world(name = `sharing-${++counter}`) {
  const control = createHypothesisControl(() => clock.now);
  const clock = { now: START };
  const hosts: string[] = [];
  const fixtureFetch = hypothesisFetch(control);
  const fetchDeps: FetchDeps = {
    fetch: (input, init) => {
      hosts.push(new URL(String(input)).host);
      return fixtureFetch(input, init);
    },
    sleep: async (ms) => {
      clock.now += ms;
    },
    now: () => clock.now,
    random: () => 1,
  };
  const reopen = async () => {
    const db = await openDatabase(name);
    open.push(db);
    const deps: SharingDeps & QueueDeps = {
      db,
      api: (token) => createHypothesisApi(token, fetchDeps),
      now: () => clock.now,
      random: () => 1,
      hasAccess: async () => true,
      shareRead: createShared(),
      changed: () => changes.push(clock.now),
    };
    return deps;
  };
  /** When the views were told the queue changed. */
  const changes: number[] = [];
  const deps = await reopen();
  return { control, clock, hosts, deps, reopen, changes };
}

function note(id: string, over: Partial<Annotation> = {}): Annotation {
  return {
    id,
    kind: 'highlight',
    pageKey: 'petition:701234',
    pageUrl: PAGE_URL,
    pageTitle: 'Give schools ring-fenced funding to meet the needs of every pupil with SEND',
    pageKind: 'petition',
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact: `Passage ${id}`,
        prefix: 'before ',
        suffix: ' after',
      },
      position: { type: 'TextPositionSelector', start: 10, end: 20 },
      textContent: { start: 1000, end: 1010 },
    },
    note: `Note ${id}`,
    tags: ['briefing'],
    colour: 'yellow',
    createdAt: START - 1000,
    updatedAt: START - 1000,
    ...over,
  };
}

async function connected(w: Awaited<ReturnType<typeof world>>, ids: string[]) {
  expect((await connect(w.deps, TOKEN)).status).toBe('connected');
  await chooseGroup(w.deps, GROUP);
  for (const id of ids) await saveAnnotation(w.deps.db, note(id));
}

const mine = (control: HypothesisControl) => control.annotations.filter((a) => a.user === ME);
const writes = (control: HypothesisControl) => control.requests.filter((r) => !r.startsWith('GET'));

describe('connecting', () => {
  it('checks the token with the profile and lists only the private groups', async () => {
    const w = await world();
    const outcome = await connect(w.deps, ` ${TOKEN} `);
    expect(outcome).toEqual({
      status: 'connected',
      account: {
        userid: ME,
        displayName: 'Amira Hassan',
        groups: [
          { id: 'Kd3VxYp2', name: 'SEND funding campaign' },
          { id: 'q7WnZ2bE', name: "Parents' forum reading group" },
          { id: 'Wm4Tb9Ls', name: 'Hansard watchers' },
        ],
        groupId: null,
      },
    });
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
    expect(w.control.authorizations.every((a) => a === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('tells the page to ask for group passages only once a group is chosen', async () => {
    const w = await world();
    expect(await sharesWithGroup(w.deps.db)).toBe(false);
    expect((await connect(w.deps, TOKEN)).status).toBe('connected');
    expect(await sharesWithGroup(w.deps.db)).toBe(false);
    await chooseGroup(w.deps, GROUP);
    expect(await sharesWithGroup(w.deps.db)).toBe(true);
    await disconnect(w.deps);
    expect(await sharesWithGroup(w.deps.db)).toBe(false);
  });

  it('refuses a token Hypothesis does not know, and keeps nothing', async () => {
    const w = await world();
    expect(await connect(w.deps, 'not-a-token')).toMatchObject({
      status: 'refused',
      reason: 'token-invalid',
    });
    expect(await getConnection(w.deps.db)).toBeNull();
  });

  it('asks for nothing before the host permission is granted', async () => {
    const w = await world();
    const outcome = await connect({ ...w.deps, hasAccess: async () => false }, TOKEN);
    expect(outcome).toMatchObject({ status: 'refused', reason: 'no-permission' });
    expect(w.control.requests).toEqual([]);
  });

  it('refuses a group that is not one of the account’s', async () => {
    const w = await world();
    await connect(w.deps, TOKEN);
    expect(await chooseGroup(w.deps, '__world__')).toEqual({
      status: 'refused',
      message: 'That is not one of your private groups.',
    });
  });
});

describe('the publishing queue', () => {
  it('publishes three notes, readable by the group only, then follows an edit and a delete', async () => {
    const w = await world();
    await connected(w, ['a', 'b', 'c']);
    const outcome = await publish(w.deps, { pageKey: 'petition:701234' });
    expect(outcome.status === 'queued' && outcome.queued.sort()).toEqual(['a', 'b', 'c']);
    expect(await runQueue(w.deps)).toEqual({ status: 'idle' });
    expect(mine(w.control).map((a) => a.text)).toEqual(['Note a', 'Note b', 'Note c']);
    expect(mine(w.control).every((a) => a.shared && a.group === GROUP)).toBe(true);

    await saveAnnotation(w.deps.db, note('b', { note: 'Edited b' }));
    await followLocalChanges(w.deps.db, [{ id: 'b', deleted: false }], w.clock.now);
    await deleteAnnotation(w.deps.db, 'c');
    await followLocalChanges(w.deps.db, [{ id: 'c', deleted: true }], w.clock.now);
    expect(await runQueue(w.deps)).toEqual({ status: 'idle' });
    expect(mine(w.control).map((a) => a.text)).toEqual(['Note a', 'Edited b']);
    expect(writes(w.control).map((r) => r.split(' ')[0])).toEqual([
      'POST',
      'POST',
      'POST',
      'PATCH',
      'DELETE',
    ]);
    expect((await status(w.deps)).published.map((p) => p.noteId).sort()).toEqual(['a', 'b']);
  });

  it('never publishes a note tagged private, and takes one out of the group once so tagged', async () => {
    const w = await world();
    await connected(w, ['a']);
    await saveAnnotation(w.deps.db, note('secret', { tags: ['private'] }));
    expect(await publish(w.deps, { noteIds: ['a', 'secret'] })).toEqual({
      status: 'queued',
      queued: ['a'],
      privateIds: ['secret'],
    });
    await runQueue(w.deps);
    await saveAnnotation(w.deps.db, note('a', { tags: ['private'] }));
    await followLocalChanges(w.deps.db, [{ id: 'a', deleted: false }], w.clock.now);
    await runQueue(w.deps);
    expect(mine(w.control)).toEqual([]);
    expect(writes(w.control).map((r) => r.split(' ')[0])).toEqual(['POST', 'DELETE']);
  });

  it('a note edited and deleted before it was sent costs no write', async () => {
    const w = await world();
    await connected(w, ['a']);
    await publish(w.deps, { noteIds: ['a'] });
    await unpublish(w.deps, ['a']);
    expect(await listJobs(w.deps.db)).toEqual([]);
    await runQueue(w.deps);
    expect(writes(w.control)).toEqual([]);
  });

  it(`sends at most ${WRITES_PER_MINUTE} writes a minute, counted across restarts`, async () => {
    const w = await world();
    const ids = Array.from({ length: 25 }, (_, i) => `n${i}`);
    await connected(w, ids);
    await publish(w.deps, { noteIds: ids });
    expect(await runQueue(w.deps)).toEqual({ status: 'waiting', until: START + 60_000 });
    expect(writes(w.control)).toHaveLength(20);
    // A restarted worker knows the minute's writes: still waiting.
    const again = await w.reopen();
    w.clock.now = START + 30_000;
    expect(await runQueue(again)).toEqual({ status: 'waiting', until: START + 60_000 });
    w.clock.now = START + 60_001;
    expect(await runQueue(again)).toEqual({ status: 'idle' });
    expect(mine(w.control)).toHaveLength(25);
  });

  it('backs off after a lost connection and a 5xx, and waits out a 429’s Retry-After', async () => {
    const w = await world();
    await connected(w, ['a']);
    await publish(w.deps, { noteIds: ['a'] });
    w.control.faults.push({ kind: 'server-error' });
    expect(await runQueue(w.deps)).toEqual({ status: 'waiting', until: START + 2_000 });
    w.clock.now = START + 2_000;
    w.control.faults.push({ kind: 'rate-limited', retryAfter: '30' });
    expect(await runQueue(w.deps)).toEqual({ status: 'waiting', until: START + 32_000 });
    w.clock.now = START + 32_000;
    w.control.faults.push({ kind: 'offline' });
    // Third failure in a row: 2 s × 2² (random 1: the top of the jitter).
    const third = await runQueue(w.deps);
    expect(third.status).toBe('waiting');
    w.clock.now = START + 32_000 + 8_000;
    expect(await runQueue(w.deps)).toEqual({ status: 'idle' });
    expect(mine(w.control)).toHaveLength(1);
  });

  it('tells the views after each job it sends', async () => {
    const w = await world();
    await connected(w, ['a', 'b']);
    await publish(w.deps, { noteIds: ['a', 'b'] });
    expect(w.changes).toEqual([]);
    expect(await runQueue(w.deps)).toEqual({ status: 'idle' });
    expect(w.changes).toHaveLength(2);
  });

  it('finds a post whose answer was lost instead of posting it again, after a restart', async () => {
    const w = await world();
    await connected(w, ['a', 'b']);
    await publish(w.deps, { noteIds: ['a', 'b'] });
    w.control.faults.push({ kind: 'lose-answer' });
    expect((await runQueue(w.deps)).status).toBe('waiting');
    expect(mine(w.control)).toHaveLength(1);
    // The worker is stopped and starts again from the database alone.
    const again = await w.reopen();
    w.clock.now += 10_000;
    expect(await runQueue(again)).toEqual({ status: 'idle' });
    expect(mine(w.control).map((a) => a.text)).toEqual(['Note a', 'Note b']);
    expect(writes(w.control).filter((r) => r.startsWith('POST'))).toHaveLength(3 - 1);
    const published = (await status(again)).published;
    expect(published.map((p) => p.annotationId).sort()).toEqual(
      mine(w.control)
        .map((a) => a.id)
        .sort(),
    );
  });

  it('tells a lost post from the user’s other annotation of the same words by its quote', async () => {
    const w = await world();
    await connected(w, ['a']);
    await publish(w.deps, { noteIds: ['a'] });
    w.control.faults.push({ kind: 'lose-answer' });
    expect((await runQueue(w.deps)).status).toBe('waiting');
    const [lost] = mine(w.control);
    if (!lost) throw new Error('the post was not made');
    // Made on hypothes.is itself: the same words and tags on another passage of the page.
    w.control.annotations.unshift({
      ...lost,
      id: 'same-words-other-passage',
      target: [
        {
          source: PAGE_URL,
          selector: [
            { type: 'TextQuoteSelector', exact: 'Another passage', prefix: '', suffix: '' },
          ],
        },
      ],
    });
    w.clock.now += 10_000;
    expect(await runQueue(w.deps)).toEqual({ status: 'idle' });
    expect(writes(w.control).filter((r) => r.startsWith('POST'))).toHaveLength(1);
    expect((await status(w.deps)).published).toMatchObject([
      { noteId: 'a', annotationId: lost.id },
    ]);
  });

  it('stops for a revoked token, keeps the notes and the job, and goes on after reconnecting', async () => {
    const w = await world();
    await connected(w, ['a']);
    await publish(w.deps, { noteIds: ['a'] });
    revokeToken(w.control, TOKEN);
    // h answers a token that is no one's with its standard 404; the profile tells why.
    expect(await runQueue(w.deps)).toMatchObject({
      status: 'stopped',
      reason: { kind: 'token-revoked' },
    });
    expect(await runQueue(w.deps)).toMatchObject({ status: 'stopped' });
    expect((await listJobs(w.deps.db)).map((j) => j.noteId)).toEqual(['a']);
    expect(await w.deps.db.count('annotations')).toBe(1);
    w.control.users.push({ token: 'new-token', userid: ME, display_name: 'Amira Hassan' });
    expect((await connect(w.deps, 'new-token')).status).toBe('connected');
    expect(await runQueue(w.deps)).toEqual({ status: 'idle' });
    expect(mine(w.control)).toHaveLength(1);
  });

  it('stops on a 401 as a revoked token too', async () => {
    const w = await world();
    await connected(w, ['a']);
    await publish(w.deps, { noteIds: ['a'] });
    const unauthorised: QueueDeps = {
      ...w.deps,
      api: (token) =>
        createHypothesisApi(token, {
          fetch: async (input) => {
            const response = new Response('{"status":"failure"}', { status: 401 });
            Object.defineProperty(response, 'url', { value: String(input) });
            return response;
          },
          sleep: async () => {},
          now: () => w.clock.now,
          random: () => 1,
        }),
    };
    expect(await runQueue(unauthorised)).toMatchObject({ reason: { kind: 'token-revoked' } });
  });

  it('stops when the user has left the group, until another group is chosen', async () => {
    const w = await world();
    await connected(w, ['a']);
    await publish(w.deps, { noteIds: ['a'] });
    leaveGroup(w.control, GROUP, ME);
    expect(await runQueue(w.deps)).toEqual({
      status: 'stopped',
      reason: {
        kind: 'group-left',
        groupId: GROUP,
        message: 'This account is no longer in the group. Choose another group, or join it again.',
      },
    });
    await chooseGroup(w.deps, 'q7WnZ2bE');
    expect(await runQueue(w.deps)).toEqual({ status: 'idle' });
    expect(mine(w.control).map((a) => a.group)).toEqual(['q7WnZ2bE']);
  });

  it('stops on a refused note with Hypothesis’s reason, and goes on when told to skip it', async () => {
    const w = await world();
    await connected(w, ['a']);
    // The group's enforced scope is Hansard: a petition's note is refused.
    await chooseGroup(w.deps, 'Wm4Tb9Ls');
    await publish(w.deps, { noteIds: ['a'] });
    expect(await runQueue(w.deps)).toEqual({
      status: 'stopped',
      reason: {
        kind: 'refused',
        noteId: 'a',
        reason: 'group scope: Annotations for this target URI are not allowed in this group',
        message:
          'Hypothesis refused this note: group scope: Annotations for this target URI are not allowed in this group',
      },
    });
    expect((await status(w.deps)).stopped?.kind).toBe('refused');
    await resume(w.deps, true);
    expect(await runQueue(w.deps)).toEqual({ status: 'idle' });
    expect(await w.deps.db.count('annotations')).toBe(1);
  });
});

describe('the group’s notes on a page', () => {
  it('lists the teammate’s note, pages with search_after, and keeps them for offline', async () => {
    const w = await world();
    await connected(w, []);
    for (let i = 0; i < 205; i++) {
      w.control.annotations.push({
        ...w.control.annotations[0],
        id: `bulk${String(i).padStart(4, '0')}`,
        created: `2026-11-28T10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000000+00:00`,
      } as HypothesisControl['annotations'][number]);
    }
    const { entry } = await groupNotes(w.deps, PAGE_URL, false);
    expect(entry?.total).toBe(206);
    expect(entry?.notes).toHaveLength(206);
    expect(entry?.notes[0]).toMatchObject({
      user: 'acct:sam_okafor@hypothes.is',
      displayName: 'Sam Okafor',
    });
    expect(w.control.requests.filter((r) => r.startsWith('GET /api/search'))).toHaveLength(2);
    // Offline: the kept notes, with the reason (each of a read's 3 attempts is looked at twice).
    w.control.faults.push(...Array.from({ length: 6 }, () => ({ kind: 'offline' as const })));
    const offline = await groupNotes(w.deps, PAGE_URL, true);
    expect(offline.entry?.fetchedAt).toBe(START);
    expect(offline.error).toBe('The site could not be reached.');
  });
});

describe('one read of a page’s group notes at a time', () => {
  it('shares the search the view’s list and the page’s passages ask for at once, and only while it runs', async () => {
    const w = await world();
    await connected(w, []);
    const searches = () => w.control.requests.filter((r) => r.startsWith('GET /api/search'));
    const [listed, painted] = await Promise.all([
      groupNotes(w.deps, PAGE_URL, true),
      pagePassages(w.deps, PAGE_URL),
    ]);
    expect(searches()).toHaveLength(1);
    expect(listed.entry?.notes).toHaveLength(1);
    expect(painted.passages).toHaveLength(1);
    // Done: a refresh asked now reads again, never the finished read.
    await groupNotes(w.deps, PAGE_URL, true);
    expect(searches()).toHaveLength(2);
  });
});

describe('disconnecting', () => {
  it('removes the token, the queue and the group’s notes, and keeps the local notes', async () => {
    const w = await world();
    await connected(w, ['a']);
    await groupNotes(w.deps, PAGE_URL, false);
    await publish(w.deps, { noteIds: ['a'] });
    await disconnect(w.deps);
    expect(await getConnection(w.deps.db)).toBeNull();
    expect(await w.deps.db.count('shareQueue')).toBe(0);
    expect(await w.deps.db.count('groupNotes')).toBe(0);
    expect(await w.deps.db.count('annotations')).toBe(1);
    const settings = await w.deps.db.getAll('settings');
    expect(JSON.stringify(settings)).not.toContain(TOKEN);
  });

  it('puts the token in no export of the library', async () => {
    const w = await world();
    await connected(w, ['a']);
    await publish(w.deps, { noteIds: ['a'] });
    await runQueue(w.deps);
    const { annotations } = await allAnnotations(w.deps.db);
    for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
      expect(exportAs(format, annotations, START)).not.toContain(TOKEN);
    }
  });

  it('sends the token to api.hypothes.is only', async () => {
    const w = await world();
    await connected(w, ['a']);
    await publish(w.deps, { noteIds: ['a'] });
    await runQueue(w.deps);
    expect(new Set(w.hosts)).toEqual(new Set(['api.hypothes.is']));
    expect(JSON.stringify(await status(w.deps))).not.toContain(TOKEN);
  });
});

describe('database version 6', () => {
  it('upgrades a version 5 database, keeping its notes, with the sharing stores empty', async () => {
    const name = `v5-${++counter}`;
    const v5 = await openDatabase(name, 5);
    await saveAnnotation(v5, note('kept'));
    v5.close();
    const db = await openDatabase(name);
    open.push(db);
    expect(db.version).toBe(DB_VERSION);
    expect((await db.getAll('annotations')).map((a) => a.id)).toEqual(['kept']);
    expect(await db.count('shareQueue')).toBe(0);
    expect([...db.transaction('shareQueue').store.indexNames]).toEqual(['byQueued']);
    expect([...db.transaction('published').store.indexNames]).toEqual(['byAnnotation']);
    const raw = await openDB(name);
    expect([...raw.objectStoreNames]).toContain('groupNotes');
    raw.close();
  });
});

describe('the group notes kept', () => {
  const row = (i: number) => ({
    uri: `https://petition.parliament.uk/petitions/${700000 + i}`,
    groupId: GROUP,
    fetchedAt: START + i,
    notes: [],
    total: 0,
  });

  it('keeps the most recently read pages’ only, past MAX_GROUP_NOTE_PAGES', async () => {
    const w = await world();
    await connected(w, []);
    for (let i = 0; i < MAX_GROUP_NOTE_PAGES + 5; i++) await putGroupNotes(w.deps.db, row(i));
    expect(await w.deps.db.count('groupNotes')).toBe(MAX_GROUP_NOTE_PAGES);
    const kept = (await w.deps.db.getAllKeys('groupNotes')).sort();
    expect(kept[0]).toBe(row(5).uri);
    expect(kept).toContain(row(MAX_GROUP_NOTE_PAGES + 4).uri);
    // A page read again is the newest, whatever its clock said.
    await putGroupNotes(w.deps.db, row(0));
    expect(await w.deps.db.get('groupNotes', row(0).uri)).toEqual(row(0));
    expect(await w.deps.db.get('groupNotes', row(5).uri)).toBeUndefined();
    expect(await w.deps.db.count('groupNotes')).toBe(MAX_GROUP_NOTE_PAGES);
  });

  it('writes nothing when a removal past the limit fails: the put and the removals are one', async () => {
    const w = await world();
    await connected(w, []);
    for (let i = 0; i < MAX_GROUP_NOTE_PAGES; i++) await putGroupNotes(w.deps.db, row(i));
    // Any way of removing a row fails, by the store or by a cursor.
    const full = () => {
      throw new DOMException('The disk is full.', 'QuotaExceededError');
    };
    const failing = [
      vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(full),
      vi.spyOn(IDBCursor.prototype, 'delete').mockImplementation(full),
    ];
    try {
      await expect(putGroupNotes(w.deps.db, row(MAX_GROUP_NOTE_PAGES))).rejects.toThrow(
        'The disk is full.',
      );
    } finally {
      for (const spy of failing) spy.mockRestore();
    }
    expect(await w.deps.db.get('groupNotes', row(MAX_GROUP_NOTE_PAGES).uri)).toBeUndefined();
    expect(await w.deps.db.get('groupNotes', row(0).uri)).toEqual(row(0));
    expect(await w.deps.db.count('groupNotes')).toBe(MAX_GROUP_NOTE_PAGES);
  });

  it('keeps nothing of a read that ends after the user disconnected', async () => {
    const w = await world();
    await connected(w, []);
    let started = () => {};
    const searching = new Promise<void>((resolve) => {
      started = resolve;
    });
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: SharingDeps = {
      ...w.deps,
      api: (token) => {
        const api = w.deps.api(token);
        return {
          ...api,
          search: async (q) => {
            started();
            await gate;
            return api.search(q);
          },
        };
      },
    };
    const read = groupNotes(slow, PAGE_URL, true);
    await searching;
    await disconnect(w.deps);
    release();
    await read;
    expect(await w.deps.db.count('groupNotes')).toBe(0);
  });

  it('upgrades a version 6 database, keeping its group notes, now by age', async () => {
    const name = `v6-${++counter}`;
    const v6 = await openDatabase(name, 6);
    await v6.put('groupNotes', row(1));
    v6.close();
    const db = await openDatabase(name);
    open.push(db);
    expect(await db.getAllFromIndex('groupNotes', 'byFetchedAt')).toEqual([row(1)]);
  });
});

describe('the passages the page paints (sharing/page-passages)', () => {
  it('gives only ids and selectors of the group notes by others, and nothing before a group is chosen', async () => {
    const w = await world();
    expect(await pagePassages(w.deps, PAGE_URL)).toEqual({ passages: [] });
    expect(w.control.requests).toEqual([]);
    expect((await connect(w.deps, TOKEN)).status).toBe('connected');
    await chooseGroup(w.deps, GROUP);
    // One of the user's own annotations in the group: painted as their own note, not the group's.
    w.control.annotations.push({
      ...(w.control.annotations[0] as HypothesisControl['annotations'][number]),
      id: 'mine-1',
      user: ME,
    });
    const { passages } = await pagePassages(w.deps, PAGE_URL);
    expect(passages).toEqual([
      {
        id: 'Xq8Lr0SVEe-kCwtV1nPzqA',
        target: expect.objectContaining({
          quote: expect.objectContaining({
            exact: 'Schools tell us they cannot afford teaching assistants',
          }),
        }),
      },
    ]);
    expect(Object.keys(passages[0] ?? {})).toEqual(['id', 'target']);
  });
});
