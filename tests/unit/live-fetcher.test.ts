import { afterEach, describe, expect, it } from 'vitest';
import { FRESH_FOR_MS, isFresh } from '../../utils/live/freshness';
import { createLiveFetcher } from '../../utils/live/live-fetcher';
import type { FetchDeps } from '../../utils/net/fetch-json';
import { getCached } from '../../utils/storage/cache-store';
import { openDatabase } from '../../utils/storage/db';
import { z } from '../../utils/zod';
import { answeredFrom } from '../fixture-site/fixture-fetch';

const Count = z.object({ signature_count: z.number() });
const URL_A = 'https://petition.parliament.uk/petitions/701234/count.json';

let dbName = '';
let n = 0;
afterEach(() => indexedDB.deleteDatabase(dbName));

/** A fake network that answers `body` (or fails) and counts requests. */
function network() {
  const state = {
    calls: 0,
    body: { signature_count: 10 } as unknown,
    fail: false,
    /** Where the browser says the answer came from (after redirects), when not the URL asked. */
    answeredFrom: null as string | null,
    gate: Promise.resolve(),
  };
  const deps: FetchDeps = {
    fetch: async (url) => {
      state.calls++;
      await state.gate;
      if (state.fail) throw new TypeError('Failed to fetch');
      return answeredFrom(state.answeredFrom ?? String(url), JSON.stringify(state.body));
    },
    sleep: async () => {},
    now: () => 0,
    random: () => 0,
  };
  return { state, deps };
}

function setup() {
  dbName = `live-${++n}`;
  const clock = { now: 1_000_000 };
  const net = network();
  const db = openDatabase(dbName);
  const get = createLiveFetcher(db, { now: () => clock.now, deps: net.deps });
  const request = { url: URL_A, source: 'petitions' as const, schema: Count };
  return { clock, net, get, request, db };
}

describe('live fetcher', () => {
  it('answers a cachedOnly request from the cache, stale or not, and never asks the site', async () => {
    const { clock, net, get, request } = setup();
    expect(await get({ ...request, cachedOnly: true })).toEqual({
      data: null,
      fetchedAt: null,
      stale: false,
      error: null,
    });
    expect(net.state.calls).toBe(0);
    await get(request);
    clock.now += FRESH_FOR_MS.petitions + 1;
    net.state.body = { signature_count: 99 };
    const answer = await get({ ...request, cachedOnly: true });
    expect(answer).toMatchObject({ data: { signature_count: 10 }, stale: true, error: null });
    expect(net.state.calls).toBe(1);
  });

  it('fetches once, then answers from the cache while fresh', async () => {
    const { net, get, request, clock } = setup();
    expect(await get(request)).toEqual({
      data: { signature_count: 10 },
      fetchedAt: clock.now,
      stale: false,
      error: null,
    });
    clock.now += FRESH_FOR_MS.petitions - 1;
    expect(await get(request)).toMatchObject({ data: { signature_count: 10 }, stale: false });
    expect(net.state.calls).toBe(1);
  });

  it('answers stale data at once and refreshes behind it', async () => {
    const { net, get, request, clock } = setup();
    await get(request);
    const firstFetch = clock.now;
    clock.now += FRESH_FOR_MS.petitions + 1;
    net.state.body = { signature_count: 11 };
    expect(await get(request)).toEqual({
      data: { signature_count: 10 },
      fetchedAt: firstFetch,
      stale: true,
      error: null,
    });
    // The caller that waits for fresh data shares the refresh already under way.
    expect(await get({ ...request, waitForFresh: true })).toMatchObject({
      data: { signature_count: 11 },
      stale: false,
    });
    expect(net.state.calls).toBe(2);
  });

  it('shares one fetch among identical requests made at the same time', async () => {
    const { net, get, request } = setup();
    let open = () => {};
    net.state.gate = new Promise((resolve) => {
      open = resolve;
    });
    const answers = Promise.all([get(request), get(request), get(request)]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    open();
    expect((await answers).map((answer) => answer.data)).toEqual([
      { signature_count: 10 },
      { signature_count: 10 },
      { signature_count: 10 },
    ]);
    expect(net.state.calls).toBe(1);
  });

  it('keeps showing cached data, marked stale, when the refresh fails', async () => {
    const { net, get, request, clock } = setup();
    await get(request);
    clock.now += FRESH_FOR_MS.petitions * 3;
    net.state.fail = true;
    expect(await get({ ...request, waitForFresh: true })).toMatchObject({
      data: { signature_count: 10 },
      stale: true,
      error: { kind: 'offline' },
    });
  });

  it('keeps no part of a site’s error answer on its error', async () => {
    const { net, get, request } = setup();
    net.deps.fetch = async (url) => {
      net.state.calls++;
      return answeredFrom(String(url), JSON.stringify({ trace: 'x'.repeat(50_000) }), {
        status: 500,
      });
    };
    const answer = await get({ ...request, waitForFresh: true });
    expect(answer.error).toEqual({
      kind: 'site-error',
      message: 'The site answered 500.',
      status: 500,
    });
    expect(net.state.calls).toBeGreaterThan(0);
  });

  it('never caches an answer of the wrong shape', async () => {
    const { net, get, request } = setup();
    net.state.body = { signature_count: 'lots' };
    expect(await get(request)).toEqual({
      data: null,
      fetchedAt: null,
      stale: false,
      error: { kind: 'unexpected-data', message: 'The site sent data in an unexpected shape.' },
    });
    net.state.body = { signature_count: 12 };
    expect(await get(request)).toMatchObject({ data: { signature_count: 12 } });
    expect(net.state.calls).toBe(2);
  });
});

describe('an answer from another host', () => {
  it('is never shown or cached, even when it fits the schema; the real one later is', async () => {
    const { net, get, request, db } = setup();
    // The browser followed a redirect to a host it may reach: here, another of the three sites.
    net.state.answeredFrom = 'https://hansard-api.parliament.uk/petitions/701234/count.json';
    net.state.body = { signature_count: 999_999 };
    expect(await get(request)).toEqual({
      data: null,
      fetchedAt: null,
      stale: false,
      error: { kind: 'redirected', message: 'The site redirected too often, or to another site.' },
    });
    expect(await getCached(await db, URL_A)).toBeNull();
    // The site recovers: its own answer is shown and cached, as if nothing had come before.
    net.state.answeredFrom = null;
    net.state.body = { signature_count: 8_213 };
    expect(await get(request)).toMatchObject({ data: { signature_count: 8_213 }, error: null });
    expect(await getCached(await db, URL_A)).toMatchObject({ body: { signature_count: 8_213 } });
  });
});

describe('freshness', () => {
  it('is per source', () => {
    const now = 10 * 24 * 60 * 60_000;
    expect(isFresh({ source: 'petitions', fetchedAt: now - 4 * 60_000 }, now)).toBe(true);
    expect(isFresh({ source: 'petitions', fetchedAt: now - 6 * 60_000 }, now)).toBe(false);
    expect(isFresh({ source: 'govuk', fetchedAt: now - 30 * 60_000 }, now)).toBe(true);
    expect(isFresh({ source: 'hansard', fetchedAt: now - 23 * 60 * 60_000 }, now)).toBe(true);
    expect(isFresh({ source: 'hansard', fetchedAt: now - 25 * 60 * 60_000 }, now)).toBe(false);
  });

  it('does not trust an entry from the future', () => {
    expect(isFresh({ source: 'govuk', fetchedAt: 2000 }, 1000)).toBe(false);
  });
});
