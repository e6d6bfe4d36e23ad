import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type FetchDeps,
  fetchJson,
  MAX_RESPONSE_BYTES,
  REQUEST_INIT,
} from '../../utils/net/fetch-json';
import { backoffDelay, parseRetryAfter, RETRY_POLICY } from '../../utils/net/retry-policy';
import { answeredFrom } from '../fixture-site/fixture-fetch';

const URL_ASKED = 'https://petition.parliament.uk/petitions/654321.json';

/**
 * What the browser gives for one request: an answer, a failure, nothing until aborted, or
 * an answer made with the request's options (a body that stops when the request is aborted).
 */
type Step = Response | Error | 'hang' | ((init: RequestInit | undefined) => Response);

/**
 * A fetch that answers from a script, one step per call, and records each call's options.
 * Time is fake: waits between attempts pass on the clock, so the deadline can be seen.
 */
function scripted(steps: Step[]) {
  const sleeps: number[] = [];
  const inits: (RequestInit | undefined)[] = [];
  const deps: FetchDeps = {
    fetch: (_url, init) => {
      inits.push(init);
      const step = steps[inits.length - 1] ?? new Error('script ran out');
      if (step === 'hang') {
        return new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          ),
        );
      }
      if (typeof step === 'function') return Promise.resolve(step(init));
      return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
    },
    sleep: (ms) => {
      sleeps.push(ms);
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
    now: () => Date.now(),
    random: () => 1,
  };
  return { deps, sleeps, inits, calls: () => inits.length };
}

/** Runs a fetch to the end, letting the fake clock run through its waits. */
async function run(deps: FetchDeps, url = URL_ASKED) {
  const result = fetchJson(url, deps);
  await vi.runAllTimersAsync();
  return result;
}

/** An answer from the API's own host, as the browser gives it. */
const answer = (body: BodyInit | null, init: ResponseInit = {}) =>
  answeredFrom(URL_ASKED, body, init);
const json = (body: unknown, init: ResponseInit = {}) =>
  answer(JSON.stringify(body), { status: 200, ...init });

/** What Chromium gives for `redirect: 'manual'`: status 0, no headers, the URL asked. */
function opaqueRedirect(): Response {
  const response = answer(null);
  Object.defineProperties(response, { type: { value: 'opaqueredirect' }, status: { value: 0 } });
  return response;
}

/** A body streamed in 64 KB chunks, `total` bytes in all, counting what the reader pulled. */
function streamed(total: number) {
  const chunk = new TextEncoder().encode('x'.repeat(65_536));
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { body, state };
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-23T12:00:00Z') });
});
afterEach(() => vi.useRealTimers());

/** A connection that fails: the request, and the look at its first answer (see fetch-json.ts). */
const unreachable = () => [new TypeError('Failed to fetch'), new TypeError('Failed to fetch')];

describe('fetchJson', () => {
  it('returns the parsed body on success, in one request, without cookies', async () => {
    const { deps, inits } = scripted([json({ data: { id: 1 } })]);
    expect(await run(deps)).toEqual({ ok: true, data: { data: { id: 1 } } });
    expect(inits).toHaveLength(1);
    expect(inits[0]).toMatchObject({
      credentials: 'omit',
      headers: { accept: 'application/json' },
    });
  });

  it('retries network errors and 5xx with growing backoff, then succeeds', async () => {
    const { deps, sleeps, calls } = scripted([
      ...unreachable(),
      answer('oops', { status: 503 }),
      json({ ok: 1 }),
    ]);
    expect(await run(deps)).toEqual({ ok: true, data: { ok: 1 } });
    expect(calls()).toBe(4);
    expect(sleeps).toEqual([RETRY_POLICY.baseDelayMs, RETRY_POLICY.baseDelayMs * 2]);
  });

  it('gives up after the last attempt with a site error', async () => {
    const { deps, calls } = scripted([
      answer('', { status: 500 }),
      answer('', { status: 500 }),
      answer('', { status: 502 }),
    ]);
    expect(await run(deps)).toEqual({
      ok: false,
      error: { kind: 'site-error', message: 'The site answered 502.', status: 502 },
    });
    expect(calls()).toBe(RETRY_POLICY.attempts);
  });

  it('reports offline when every attempt fails to connect', async () => {
    const { deps } = scripted([...unreachable(), ...unreachable(), ...unreachable()]);
    expect(await run(deps)).toMatchObject({ ok: false, error: { kind: 'offline' } });
  });

  it('does not retry a 404', async () => {
    const { deps, calls } = scripted([answer('', { status: 404 })]);
    expect(await run(deps)).toMatchObject({
      ok: false,
      error: { kind: 'site-error', status: 404 },
    });
    expect(calls()).toBe(1);
  });

  it('waits out Retry-After on 429, in seconds or as a date', async () => {
    const { deps, sleeps } = scripted([
      answer('', { status: 429, headers: { 'retry-after': '2' } }),
      // Asked 2 s later: 3 s more to wait.
      answer('', { status: 429, headers: { 'retry-after': 'Mon, 23 Nov 2026 12:00:05 GMT' } }),
      json([]),
    ]);
    expect(await run(deps)).toEqual({ ok: true, data: [] });
    expect(sleeps).toEqual([2000, 3000]);
  });

  it('reports rate limiting at once when Retry-After is past the deadline', async () => {
    const { deps, sleeps, calls } = scripted([
      answer('', {
        status: 429,
        headers: { 'retry-after': String(RETRY_POLICY.deadlineMs / 1000) },
      }),
    ]);
    expect(await run(deps)).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', status: 429 },
    });
    expect(calls()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('calls malformed JSON unexpected data, without retrying', async () => {
    const { deps, calls } = scripted([answer('{"data": ', { status: 200 })]);
    expect(await run(deps)).toMatchObject({ ok: false, error: { kind: 'unexpected-data' } });
    expect(calls()).toBe(1);
  });

  it('refuses a huge response', async () => {
    const { deps } = scripted([answer(`"${'x'.repeat(MAX_RESPONSE_BYTES)}"`, { status: 200 })]);
    expect(await run(deps)).toMatchObject({
      ok: false,
      error: { kind: 'unexpected-data', message: 'The site sent far more data than expected.' },
    });
  });
});

describe('fetchJson: only the API’s own host answers', () => {
  it('asks the browser to refuse, before sending, any redirect off the extension’s hosts', async () => {
    const { deps, inits } = scripted([json({})]);
    await run(deps);
    expect(inits[0]).toMatchObject({ mode: 'same-origin', redirect: 'follow' });
    expect(REQUEST_INIT).toMatchObject({ mode: 'same-origin', redirect: 'follow' });
  });

  it.each([
    // e-petitions sends a live petition's JSON path to its archived path.
    [
      'https://petition.parliament.uk/petitions/591092.json',
      'https://petition.parliament.uk/archived/petitions/591092.json',
    ],
    // content-store (ContentItemsController#redirect_canonical) answers a path that is only a
    // route of an item with a 303 to the item's base path on the same host.
    [
      'https://www.gov.uk/api/content/government/consultations/send-review/consultation-outcome',
      'https://www.gov.uk/api/content/government/consultations/send-review',
    ],
  ])('accepts the answer of a redirect within the host: %s → %s', async (asked, final) => {
    const { deps } = scripted([answeredFrom(final, '{"data":{}}', { status: 200 })]);
    expect(await run(deps, asked)).toEqual({ ok: true, data: { data: {} } });
  });

  it.each([
    ['another of the three sites', 'https://hansard-api.parliament.uk/petitions/654321.json'],
    ['an unlisted host', 'https://attacker.example/petition.parliament.uk/petitions/654321.json'],
    ['plain http on the same host', 'http://petition.parliament.uk/petitions/654321.json'],
    ['nowhere the browser says', ''],
  ])('refuses an answer from %s, without retrying', async (_where, from) => {
    const forged = { data: { attributes: { signature_count: 999_999 } } };
    const { deps, calls } = scripted([answeredFrom(from, JSON.stringify(forged), { status: 200 })]);
    expect(await run(deps)).toEqual({
      ok: false,
      error: { kind: 'redirected', message: 'The site redirected too often, or to another site.' },
    });
    expect(calls()).toBe(1);
  });

  it('tells a refused redirect (off the site, or a loop) from a lost connection, once', async () => {
    // The browser fails the request; its first answer alone, not followed, is a redirect.
    const { deps, inits } = scripted([new TypeError('Failed to fetch'), opaqueRedirect()]);
    expect(await run(deps)).toMatchObject({ ok: false, error: { kind: 'redirected' } });
    expect(inits.map((init) => [init?.mode, init?.redirect])).toEqual([
      ['same-origin', 'follow'],
      ['same-origin', 'manual'],
    ]);
  });
});

describe('fetchJson: bounded in size and time', () => {
  it('stops reading an endless answer at the size cap, as it streams', async () => {
    const { body, state } = streamed(10 * MAX_RESPONSE_BYTES);
    const { deps, calls } = scripted([answer(body, { status: 200 })]);
    expect(await run(deps)).toMatchObject({
      ok: false,
      error: { kind: 'unexpected-data', message: 'The site sent far more data than expected.' },
    });
    // The stream reads one chunk ahead of the reader.
    expect(state.pulled).toBeLessThanOrEqual(MAX_RESPONSE_BYTES + 2 * 65_536);
    expect(state.cancelled).toBe(true);
    expect(calls()).toBe(1);
  });

  it('refuses a declared length over the cap without reading the body', async () => {
    const { body, state } = streamed(10 * MAX_RESPONSE_BYTES);
    const headers = { 'content-length': String(10 * MAX_RESPONSE_BYTES) };
    const { deps } = scripted([answer(body, { status: 200, headers })]);
    expect(await run(deps)).toMatchObject({ ok: false, error: { kind: 'unexpected-data' } });
    expect(state.pulled).toBeLessThanOrEqual(65_536);
  });

  /** An answer whose body comes a byte every 250 ms for ever, until the request is aborted. */
  const drip = (init: RequestInit | undefined) => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        init?.signal?.addEventListener('abort', () =>
          controller.error(new DOMException('aborted', 'AbortError')),
        );
      },
      pull: (controller) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            if (init?.signal?.aborted) return resolve();
            controller.enqueue(new TextEncoder().encode(sent++ === 0 ? '{"data":"' : 'x'));
            resolve();
          }, 250),
        ),
    });
    return answer(body, { status: 200 });
  };

  it.each([
    ['never answers', 'hang' as const],
    ['drips its answer a byte at a time', drip],
  ])('gives up on a site that %s by the deadline, well within 15 s', async (_how, step) => {
    const { deps } = scripted([step, step, step]);
    let settled = false;
    const result = fetchJson(URL_ASKED, deps).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(RETRY_POLICY.deadlineMs - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect(await result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(RETRY_POLICY.deadlineMs).toBeLessThan(15_000);
  });
});

describe('retry policy', () => {
  it('doubles the backoff ceiling per attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((attempt) => backoffDelay(attempt, () => 1))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
    expect(backoffDelay(3, () => 0.5)).toBe(1000);
  });

  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Mon, 23 Nov 2026 12:01:00 GMT', 60_000],
    ['Mon, 23 Nov 2026 11:00:00 GMT', 0],
    ['soon', null],
    [null, null],
  ])('parseRetryAfter(%j) = %j ms', (header, expected) => {
    expect(parseRetryAfter(header, Date.parse('2026-11-23T12:00:00Z'))).toBe(expected);
  });
});

describe('fetchJson after a site error', () => {
  it("reports the site's error, not 'offline', when later attempts are refused by the browser", async () => {
    const { deps } = scripted([answer('', { status: 503 }), ...unreachable(), ...unreachable()]);
    expect(await run(deps)).toMatchObject({
      ok: false,
      error: { kind: 'site-error', status: 503 },
    });
  });
});

describe('fetchJson after an earlier request met a site error', () => {
  it("reports the site's error when the browser refuses every attempt of the next request", async () => {
    const siteErrors = new Map();
    const first = scripted([answer('', { status: 500 }), ...unreachable(), ...unreachable()]);
    expect(await run({ ...first.deps, siteErrors })).toMatchObject({
      error: { kind: 'site-error', status: 500 },
    });
    // Throttled from its first attempt: the next caller's request never reaches the site.
    const next = scripted([...unreachable(), ...unreachable(), ...unreachable()]);
    expect(await run({ ...next.deps, siteErrors })).toMatchObject({
      ok: false,
      error: { kind: 'site-error', status: 500 },
    });
    // A minute later a lost connection is a lost connection again.
    vi.setSystemTime(Date.now() + 61_000);
    const later = scripted([...unreachable(), ...unreachable(), ...unreachable()]);
    expect(await run({ ...later.deps, siteErrors })).toMatchObject({ error: { kind: 'offline' } });
  });

  it('forgets the error once the site answers', async () => {
    const siteErrors = new Map();
    await run({ ...scripted([answer('', { status: 503 }), ...unreachable()]).deps, siteErrors });
    expect(await run({ ...scripted([json({ ok: 1 })]).deps, siteErrors })).toMatchObject({
      ok: true,
    });
    const next = scripted([...unreachable(), ...unreachable(), ...unreachable()]);
    expect(await run({ ...next.deps, siteErrors })).toMatchObject({ error: { kind: 'offline' } });
  });
});

describe('fetchJson with a method and a JSON body', () => {
  const WRITE = { method: 'POST', headers: { authorization: 'Bearer t' }, body: { a: 1 } } as const;
  const once = { ...RETRY_POLICY, attempts: 1 };

  it('sends the method, the body as JSON and the extra headers, still same-origin', async () => {
    const { deps, inits } = scripted([json({ id: 'x' })]);
    const result = fetchJson(URL_ASKED, deps, once, WRITE);
    await vi.runAllTimersAsync();
    expect(await result).toEqual({ ok: true, data: { id: 'x' } });
    expect(inits[0]).toMatchObject({
      mode: 'same-origin',
      method: 'POST',
      body: '{"a":1}',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: 'Bearer t',
      },
    });
  });

  it('never sends a write a second time to tell a refused redirect from a lost connection', async () => {
    const { deps, calls } = scripted([new TypeError('Failed to fetch'), opaqueRedirect()]);
    const result = fetchJson(URL_ASKED, deps, once, WRITE);
    await vi.runAllTimersAsync();
    expect(await result).toMatchObject({ ok: false, error: { kind: 'offline' } });
    expect(calls()).toBe(1);
  });

  it('gives an error answer’s JSON to a caller that asks for it, and a 429’s Retry-After', async () => {
    const refused = scripted([json({ status: 'failure', reason: 'uri: bad' }, { status: 400 })]);
    const result = fetchJson(URL_ASKED, refused.deps, once, { ...WRITE, keepErrorBody: true });
    await vi.runAllTimersAsync();
    expect(await result).toMatchObject({
      ok: false,
      error: { status: 400, body: { status: 'failure', reason: 'uri: bad' } },
    });
    const unasked = scripted([json({ status: 'failure', reason: 'uri: bad' }, { status: 400 })]);
    const plain = fetchJson(URL_ASKED, unasked.deps, once, WRITE);
    await vi.runAllTimersAsync();
    expect(await plain).toEqual({
      ok: false,
      error: { kind: 'site-error', message: 'The site answered 400.', status: 400 },
    });
    const limited = scripted([answer('', { status: 429, headers: { 'retry-after': '7' } })]);
    const slow = fetchJson(URL_ASKED, limited.deps, once, WRITE);
    await vi.runAllTimersAsync();
    expect(await slow).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAfterMs: 7000 },
    });
  });
});
