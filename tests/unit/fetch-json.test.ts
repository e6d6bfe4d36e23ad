import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FetchDeps, fetchJson, MAX_RESPONSE_BYTES } from '../../utils/net/fetch-json';
import { backoffDelay, parseRetryAfter, RETRY_POLICY } from '../../utils/net/retry-policy';

type Step = Response | Error | 'hang';

/** A fetch that answers from a script, one step per call, and records the sleeps asked for. */
function scripted(steps: Step[]) {
  const sleeps: number[] = [];
  let calls = 0;
  const deps: FetchDeps = {
    fetch: (_url, init) => {
      const step = steps[calls++] ?? new Error('script ran out');
      if (step === 'hang') {
        return new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          ),
        );
      }
      return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => Date.parse('2026-11-23T12:00:00Z'),
    random: () => 1,
  };
  return { deps, sleeps, calls: () => calls };
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { status: 200, ...init });

afterEach(() => vi.useRealTimers());

describe('fetchJson', () => {
  it('returns the parsed body on success, in one request', async () => {
    const { deps, calls } = scripted([json({ data: { id: 1 } })]);
    expect(await fetchJson('https://petition.parliament.uk/petitions/1.json', deps)).toEqual({
      ok: true,
      data: { data: { id: 1 } },
    });
    expect(calls()).toBe(1);
  });

  it('retries network errors and 5xx with growing backoff, then succeeds', async () => {
    const { deps, sleeps, calls } = scripted([
      new TypeError('Failed to fetch'),
      new Response('oops', { status: 503 }),
      json({ ok: 1 }),
    ]);
    expect(await fetchJson('https://x.test/a.json', deps)).toEqual({ ok: true, data: { ok: 1 } });
    expect(calls()).toBe(3);
    expect(sleeps).toEqual([RETRY_POLICY.baseDelayMs, RETRY_POLICY.baseDelayMs * 2]);
  });

  it('gives up after the last attempt with a site error', async () => {
    const { deps, calls } = scripted([
      new Response('', { status: 500 }),
      new Response('', { status: 500 }),
      new Response('', { status: 502 }),
    ]);
    expect(await fetchJson('https://x.test/a.json', deps)).toEqual({
      ok: false,
      error: { kind: 'site-error', message: 'The site answered 502.', status: 502 },
    });
    expect(calls()).toBe(RETRY_POLICY.attempts);
  });

  it('reports offline when every attempt fails to connect', async () => {
    const { deps } = scripted([new TypeError('x'), new TypeError('x'), new TypeError('x')]);
    expect(await fetchJson('https://x.test/a.json', deps)).toMatchObject({
      ok: false,
      error: { kind: 'offline' },
    });
  });

  it('does not retry a 404', async () => {
    const { deps, calls } = scripted([new Response('', { status: 404 })]);
    expect(await fetchJson('https://x.test/a.json', deps)).toMatchObject({
      ok: false,
      error: { kind: 'site-error', status: 404 },
    });
    expect(calls()).toBe(1);
  });

  it('waits out Retry-After on 429, in seconds or as a date', async () => {
    const { deps, sleeps } = scripted([
      new Response('', { status: 429, headers: { 'retry-after': '2' } }),
      new Response('', {
        status: 429,
        headers: { 'retry-after': 'Mon, 23 Nov 2026 12:00:05 GMT' },
      }),
      json([]),
    ]);
    expect(await fetchJson('https://x.test/a.json', deps)).toEqual({ ok: true, data: [] });
    expect(sleeps).toEqual([2000, 5000]);
  });

  it('reports rate limiting at once when Retry-After is too long to wait', async () => {
    const { deps, sleeps, calls } = scripted([
      new Response('', { status: 429, headers: { 'retry-after': '3600' } }),
    ]);
    expect(await fetchJson('https://x.test/a.json', deps)).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', status: 429 },
    });
    expect(calls()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('calls malformed JSON unexpected data, without retrying', async () => {
    const { deps, calls } = scripted([new Response('{"data": ', { status: 200 })]);
    expect(await fetchJson('https://x.test/a.json', deps)).toMatchObject({
      ok: false,
      error: { kind: 'unexpected-data' },
    });
    expect(calls()).toBe(1);
  });

  it('refuses a huge response', async () => {
    const { deps } = scripted([
      new Response(`"${'x'.repeat(MAX_RESPONSE_BYTES)}"`, { status: 200 }),
    ]);
    expect(await fetchJson('https://x.test/a.json', deps)).toMatchObject({
      ok: false,
      error: { kind: 'unexpected-data', message: 'The site sent far more data than expected.' },
    });
  });

  it('times out a request that never answers, on the clock', async () => {
    vi.useFakeTimers();
    const { deps, calls } = scripted(['hang', 'hang', 'hang']);
    const result = fetchJson('https://x.test/a.json', deps);
    await vi.advanceTimersByTimeAsync(RETRY_POLICY.timeoutMs - 1);
    expect(calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(RETRY_POLICY.timeoutMs * 2);
    expect(await result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(calls()).toBe(3);
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
    const { deps } = scripted([
      new Response('', { status: 503 }),
      new TypeError('Failed to fetch'),
      new TypeError('Failed to fetch'),
    ]);
    expect(await fetchJson('https://x.test/a.json', deps)).toMatchObject({
      ok: false,
      error: { kind: 'site-error', status: 503 },
    });
  });
});
