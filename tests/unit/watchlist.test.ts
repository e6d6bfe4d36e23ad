import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLiveFetcher } from '../../utils/live/live-fetcher';
import { ConsultationContentItem, toLiveConsultation } from '../../utils/sources/govuk-content-api';
import { openDatabase } from '../../utils/storage/db';
import type { Follow } from '../../utils/storage/records';
import {
  type ConsultationSnapshot,
  type PetitionSnapshot,
  Snapshot,
} from '../../utils/storage/snapshot';
import { putFollow, recordCheck, unseenCount, watchlist } from '../../utils/storage/watch-store';
import { detectChanges } from '../../utils/watchlist/changes';
import { runDueChecks } from '../../utils/watchlist/checker';
import {
  CHECK_EVERY_MS,
  MAX_BACKOFF_MS,
  nextCheckAt,
  STAGGER_MS,
  staggerFor,
} from '../../utils/watchlist/schedule';
import { consultationSnapshot } from '../../utils/watchlist/take-snapshot';
import { answeredFrom, createFixtureFetch } from '../fixture-site/fixture-fetch';

const petition: PetitionSnapshot = {
  kind: 'petition',
  state: 'open',
  signatureCount: 9_500,
  responded: false,
  respondedOn: null,
  scheduledDebateDate: null,
  debatedOn: null,
  transcriptUrl: null,
};
const NOW = Date.parse('2026-11-23T12:00:00Z');
const changes = (
  before: PetitionSnapshot,
  after: Partial<PetitionSnapshot>,
  milestones: number[] = [],
) =>
  detectChanges(before, { ...before, ...after }, { milestones, now: NOW }).map((c) => [
    c.id,
    c.text,
  ]);

describe('change detection', () => {
  it('finds each signature milestone crossed, the usual ones and the user’s own', () => {
    expect(changes(petition, { signatureCount: 120_000 }, [50_000])).toEqual([
      ['signatures:10000', 'Reached 10,000 signatures'],
      ['signatures:50000', 'Reached 50,000 signatures'],
      ['signatures:100000', 'Reached 100,000 signatures'],
    ]);
    expect(changes({ ...petition, signatureCount: 10_000 }, { signatureCount: 10_400 })).toEqual(
      [],
    );
  });

  it('finds a response, a debate scheduled, a debate held, a closing and a rejection', () => {
    expect(changes(petition, { responded: true, respondedOn: '2026-11-20' })).toEqual([
      ['response', 'The government responded on 20 November 2026'],
    ]);
    expect(changes(petition, { scheduledDebateDate: '2026-12-07' })).toEqual([
      ['debate-scheduled:2026-12-07', 'A debate is scheduled for 7 December 2026'],
    ]);
    const held = detectChanges(
      { ...petition, scheduledDebateDate: '2026-12-07' },
      {
        ...petition,
        scheduledDebateDate: '2026-12-07',
        debatedOn: '2026-12-07',
        transcriptUrl: 'https://hansard.parliament.uk/x',
      },
      { milestones: [], now: NOW },
    );
    expect(held).toEqual([
      {
        id: 'debated',
        text: 'Parliament debated it on 7 December 2026',
        link: 'https://hansard.parliament.uk/x',
      },
    ]);
    expect(changes(petition, { state: 'closed' })).toEqual([['closed', 'The petition closed']]);
    expect(changes(petition, { state: 'rejected' })).toEqual([
      ['rejected', 'The petition was rejected'],
    ]);
  });

  it('tells nothing when nothing changed', () => {
    expect(changes(petition, {})).toEqual([]);
  });

  const consultation: ConsultationSnapshot = {
    kind: 'consultation',
    state: 'open',
    closesOn: '2026-12-20',
    withdrawnOn: null,
  };
  const at = (iso: string) => ({ milestones: [], now: Date.parse(iso) });

  it('reminds a week and a day before a consultation closes, each once per closing date', () => {
    expect(detectChanges(consultation, consultation, at('2026-12-10T09:00:00Z'))).toEqual([]);
    expect(detectChanges(consultation, consultation, at('2026-12-14T09:00:00Z'))).toEqual([
      { id: 'closing-7:2026-12-20', text: 'Closes in 6 days (20 December 2026)', link: null },
    ]);
    expect(detectChanges(consultation, consultation, at('2026-12-19T09:00:00Z'))).toEqual([
      { id: 'closing-1:2026-12-20', text: 'Closes tomorrow (20 December 2026)', link: null },
    ]);
  });

  it('finds a consultation closing and its outcome', () => {
    const closed = { ...consultation, state: 'closed' as const };
    expect(
      detectChanges(consultation, closed, at('2026-12-21T00:00:00Z')).map((c) => c.id),
    ).toEqual(['closed']);
    expect(
      detectChanges(closed, { ...closed, state: 'outcome' }, at('2027-03-01T00:00:00Z')).map(
        (c) => c.id,
      ),
    ).toEqual(['outcome']);
  });
});

describe('a followed consultation, from the real example items', () => {
  const snapshotOf = (name: string) =>
    consultationSnapshot(
      toLiveConsultation(
        ConsultationContentItem.parse(
          JSON.parse(
            readFileSync(
              resolve(process.cwd(), '../shared/real/govuk/content-items/current', `${name}.json`),
              'utf8',
            ),
          ),
        ),
      ),
    );
  const at = (iso: string) => ({ milestones: [], now: Date.parse(iso) });

  it('is told once it is withdrawn (the same consultation before and after)', () => {
    expect(
      detectChanges(
        snapshotOf('open_consultation'),
        snapshotOf('consultation_withdrawn'),
        at('2016-11-13T09:00:00Z'),
      ),
    ).toEqual([
      {
        id: 'withdrawn',
        text: 'The consultation was withdrawn on 12 November 2016',
        link: null,
      },
    ]);
  });

  it('gives no closing reminders for a withdrawn consultation', () => {
    const withdrawn = snapshotOf('consultation_withdrawn');
    // A week before its (never reached) closing date of 16 December 2216.
    expect(detectChanges(withdrawn, withdrawn, at('2216-12-12T09:00:00Z'))).toEqual([]);
  });

  it('still reads a snapshot stored before withdrawals were told', () => {
    expect(Snapshot.parse({ kind: 'consultation', state: 'open', closesOn: '2026-12-20' })).toEqual(
      { kind: 'consultation', state: 'open', closesOn: '2026-12-20', withdrawnOn: null },
    );
  });

  it('is told once a consultation not yet open opens', () => {
    const unopened = snapshotOf('unopened_consultation');
    expect(
      detectChanges(unopened, { ...unopened, state: 'open' }, at('2200-10-06T09:00:00Z')),
    ).toEqual([
      { id: 'opened', text: 'The consultation opened; it closes on 31 October 2210', link: null },
    ]);
  });
});

describe('schedule', () => {
  it('checks every few hours, each item at its own fixed offset', () => {
    const key = 'petition:701234';
    expect(nextCheckAt(key, 0, 0)).toBe(CHECK_EVERY_MS + staggerFor(key));
    expect(staggerFor(key)).toBe(staggerFor(key));
    expect(staggerFor(key)).toBeLessThan(STAGGER_MS);
    expect(staggerFor('petition:701234')).not.toBe(staggerFor('petition:654321'));
  });

  it('backs off after failures, doubling up to a day', () => {
    const key = 'petition:1';
    const wait = (failures: number) => nextCheckAt(key, 0, failures) - staggerFor(key);
    expect(wait(1)).toBe(2 * CHECK_EVERY_MS);
    expect(wait(2)).toBe(4 * CHECK_EVERY_MS);
    expect(wait(10)).toBe(MAX_BACKOFF_MS);
  });
});

let dbName = '';
let n = 0;
afterEach(() => {
  vi.useRealTimers();
  indexedDB.deleteDatabase(dbName);
});

const follow = (over: Partial<Follow> = {}): Follow => ({
  pageKey: 'petition:701234',
  kind: 'petition',
  url: 'https://petition.parliament.uk/petitions/701234',
  title: 'Give schools ring-fenced funding',
  followedAt: 0,
  milestones: [],
  snapshot: petition,
  lastCheckedAt: null,
  nextCheckAt: 0,
  failures: 0,
  ...over,
});

describe('recording checks', () => {
  it('writes each change once, however often the same check is repeated', async () => {
    dbName = `watch-${++n}`;
    const db = await openDatabase(dbName);
    await putFollow(db, follow());
    const after = { ...petition, responded: true, respondedOn: '2026-11-20' };
    expect(await recordCheck(db, 'petition:701234', after, NOW)).toHaveLength(1);
    // A repeat after a restart: the snapshot moved on, and the event is already there.
    await putFollow(db, { ...follow(), snapshot: petition });
    expect(await recordCheck(db, 'petition:701234', after, NOW + 1)).toEqual([]);
    const [item] = (await watchlist(db)).items;
    expect(item?.events.map((e) => e.text)).toEqual([
      'The government responded on 20 November 2026',
    ]);
    expect(await unseenCount(db)).toBe(1);
  });

  it('takes the first snapshot as the baseline, not as a change', async () => {
    dbName = `watch-${++n}`;
    const db = await openDatabase(dbName);
    await putFollow(db, follow({ snapshot: null }));
    expect(await recordCheck(db, 'petition:701234', { ...petition, responded: true }, NOW)).toEqual(
      [],
    );
    expect((await watchlist(db)).items[0]?.follow.snapshot).toMatchObject({ responded: true });
  });
});

describe('running due checks against the fixture API', () => {
  function setup(fail: boolean) {
    dbName = `watch-${++n}`;
    const site = createFixtureFetch();
    const db = openDatabase(dbName);
    const get = createLiveFetcher(db, {
      deps: {
        fetch: fail ? async (url) => answeredFrom(String(url), '{}', { status: 503 }) : site.fetch,
        sleep: async () => {},
        now: () => NOW,
        random: () => 0,
      },
      now: () => NOW,
    });
    return { db, get, site };
  }

  it('records the change the site shows, and schedules the next check', async () => {
    const { db, get } = setup(false);
    // Followed when it had no response and 9,500 signatures; the fixture has 8,213 and no response.
    await putFollow(await db, follow({ snapshot: { ...petition, signatureCount: 8_000 } }));
    expect(await runDueChecks(await db, get, () => NOW)).toEqual([]);
    const [item] = (await watchlist(await db)).items;
    expect(item?.follow).toMatchObject({ lastCheckedAt: NOW, failures: 0 });
    expect(item?.follow.nextCheckAt).toBeGreaterThan(NOW + CHECK_EVERY_MS - 1);
  });

  it('records nothing during an outage, and waits longer before the next try', async () => {
    const { db, get } = setup(true);
    await putFollow(await db, follow());
    expect(await runDueChecks(await db, get, () => NOW)).toEqual([]);
    const [item] = (await watchlist(await db)).items;
    expect(item?.events).toEqual([]);
    expect(item?.follow).toMatchObject({ failures: 1, snapshot: petition, lastCheckedAt: null });
    expect(item?.follow.nextCheckAt).toBe(nextCheckAt('petition:701234', NOW, 1));
  });

  it('retries a failing site later and later as the clock moves on (fake timers)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    dbName = `watch-${++n}`;
    const db = await openDatabase(dbName);
    let calls = 0;
    const get = createLiveFetcher(Promise.resolve(db), {
      deps: {
        fetch: async (url) => {
          calls++;
          return answeredFrom(String(url), '{}', { status: 503 });
        },
        sleep: async () => {},
        now: Date.now,
        random: () => 0,
      },
    });
    await putFollow(db, follow());
    const checksAfter = async (hours: number) => {
      vi.setSystemTime(NOW + hours * 3_600_000);
      const before = calls;
      await runDueChecks(db, get, Date.now);
      return calls > before;
    };
    expect(await checksAfter(0)).toBe(true); // due: fails, next try in 6 hours (+ stagger)
    expect(await checksAfter(3)).toBe(false);
    expect(await checksAfter(6.5)).toBe(true); // fails again: next in 12 hours
    expect(await checksAfter(12)).toBe(false);
    expect(await checksAfter(19)).toBe(true);
    expect((await watchlist(db)).items[0]?.follow.failures).toBe(3);
  });

  it('checks only items that are due', async () => {
    const { db, get, site } = setup(false);
    await putFollow(await db, follow({ nextCheckAt: NOW + 1 }));
    await runDueChecks(await db, get, () => NOW);
    expect(site.requests).toEqual([]);
  });
});
