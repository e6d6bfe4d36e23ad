import { backoffDelay, parseRetryAfter, RETRY_POLICY, type RetryPolicy } from './retry-policy';
import type { Fetched, SourceError } from './source-error';

/** Larger answers are refused: no API answer we use comes near this. */
export const MAX_RESPONSE_BYTES = 2_000_000;

export interface FetchDeps {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  /**
   * The site's own last error per URL, kept a while. After a 5xx or 429, Chromium throttles an
   * extension's requests to that URL and they fail like a lost connection, from the first
   * attempt of the next caller's request too: the reader is told what the site said, not that
   * they may be offline.
   */
  siteErrors?: Map<string, { error: SourceError; at: number }>;
}

const SITE_ERROR_MEMORY_MS = 60_000;

const defaultDeps: FetchDeps = {
  fetch: (...args) => fetch(...args),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  random: Math.random,
  siteErrors: new Map(),
};

/**
 * How every API request is made. A service worker cannot follow redirects itself:
 * `redirect: 'manual'` gives an opaque redirect (status 0, no readable Location), and plain
 * `redirect: 'follow'` has already sent the request on to wherever a redirect points by the
 * time `response.url` can be checked. `mode: 'same-origin'` lets the browser decide at each hop
 * before it sends anything: the extension's host permissions count as its own origin, so
 * redirects within the sites' APIs are followed (a petition's archived path, GOV.UK's 303 to
 * a base path) and a redirect to any other host fails at once, with nothing sent there.
 * Checked by tests/e2e/live.e2e.ts (Chromium) and firefox.e2e.ts (Firefox does the same).
 */
export const REQUEST_INIT = {
  mode: 'same-origin',
  redirect: 'follow',
  credentials: 'omit',
  headers: { accept: 'application/json' },
} as const satisfies RequestInit;

const failure = (error: SourceError) => ({ ok: false, error }) as const;

/**
 * A request other than a plain GET: a method, extra headers (an API's own `accept`, a token)
 * and a JSON body. Give writes `attempts: 1`: a repeated POST whose first answer was lost
 * could write twice, so the caller decides what a retry means.
 */
export interface JsonRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: unknown;
  /** Keep an error answer's JSON on the error (an API's stated reason); the sites' is dropped. */
  keepErrorBody?: boolean;
}

function initFor(request: JsonRequest | undefined): RequestInit {
  if (!request) return REQUEST_INIT;
  const withBody = request.body !== undefined;
  return {
    ...REQUEST_INIT,
    method: request.method,
    headers: {
      ...REQUEST_INIT.headers,
      ...(withBody ? { 'content-type': 'application/json' } : {}),
      ...request.headers,
    },
    ...(withBody ? { body: JSON.stringify(request.body) } : {}),
  };
}

/**
 * GETs a JSON document from `url`'s own host, within a total deadline, retrying network
 * errors and 5xx with backoff and waiting out a 429's Retry-After while time allows.
 * Never throws.
 */
export async function fetchJson(
  url: string,
  deps: FetchDeps = defaultDeps,
  policy: RetryPolicy = RETRY_POLICY,
  request?: JsonRequest,
): Promise<Fetched<unknown>> {
  const init = initFor(request);
  const keepErrorBody = request?.keepErrorBody === true;
  const deadline = deps.now() + policy.deadlineMs;
  let last: SourceError = { kind: 'offline', message: 'No attempt was made.' };
  const siteErrors = deps.siteErrors;
  const remembered = siteErrors?.get(url);
  if (remembered && deps.now() - remembered.at < SITE_ERROR_MEMORY_MS) last = remembered.error;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const timeoutMs = Math.min(policy.timeoutMs, deadline - deps.now());
    const outcome = await attemptOnce(url, init, deps, timeoutMs, keepErrorBody);
    if (outcome.result.ok) siteErrors?.delete(url);
    if (outcome.result.ok || !outcome.retry) return outcome.result;
    // A throttled request fails like a lost connection: keep the site's own answer as the reason.
    const { error } = outcome.result;
    if (error.status !== undefined) siteErrors?.set(url, { error, at: deps.now() });
    if (!(error.kind === 'offline' && last.status !== undefined)) last = error;
    if (attempt === policy.attempts) break;
    const wait = outcome.retryAfterMs ?? backoffDelay(attempt, deps.random, policy);
    // The reader is told within the deadline, rather than after one more late attempt.
    if (deps.now() + wait >= deadline) break;
    await deps.sleep(wait);
  }
  return failure(last);
}

interface Attempt {
  result: Fetched<unknown>;
  /** Whether another attempt may succeed (network trouble, 5xx, 429). */
  retry: boolean;
  retryAfterMs: number | null;
}

const TIMEOUT: SourceError = { kind: 'timeout', message: 'The site took too long to answer.' };
const REDIRECTED: SourceError = {
  kind: 'redirected',
  message: 'The site redirected too often, or to another site.',
};

async function attemptOnce(
  url: string,
  init: RequestInit,
  deps: FetchDeps,
  timeoutMs: number,
  keepErrorBody: boolean,
): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const give = (
    error: SourceError,
    retry: boolean,
    retryAfterMs: number | null = null,
  ): Attempt => ({
    result: failure(error),
    retry,
    retryAfterMs,
  });
  try {
    let response: Response;
    try {
      response = await deps.fetch(url, { ...init, signal: controller.signal });
    } catch {
      if (controller.signal.aborted) return give(TIMEOUT, true);
      // The browser refuses a redirect off the site, and a loop after 20 hops, like a lost
      // connection: one look at the first answer alone tells the two apart. Only for a read:
      // looking again would send a write a second time.
      const safe = (init.method ?? 'GET') === 'GET';
      return safe && (await redirects(url, init, deps, controller.signal))
        ? give(REDIRECTED, false)
        : give({ kind: 'offline', message: 'The site could not be reached.' }, true);
    }
    // Only the host asked may answer (a redirect to another of the three sites is followed).
    if (!isFrom(response, url)) return give(REDIRECTED, false);
    if (response.status === 429) {
      const wait = parseRetryAfter(response.headers.get('retry-after'), deps.now());
      return give(
        {
          kind: 'rate-limited',
          message: 'The site asked us to slow down.',
          status: 429,
          retryAfterMs: wait,
        },
        true,
        wait,
      );
    }
    if (!response.ok) {
      const body = keepErrorBody ? await errorBody(response) : undefined;
      if (!keepErrorBody) void response.body?.cancel().catch(() => undefined);
      return give(
        {
          kind: 'site-error',
          message: `The site answered ${response.status}.`,
          status: response.status,
          ...(body === undefined ? {} : { body }),
        },
        response.status >= 500,
      );
    }
    const text = await readCapped(response, MAX_RESPONSE_BYTES);
    if (text === null) return give(tooLarge(), false);
    try {
      return { result: { ok: true, data: JSON.parse(text) }, retry: false, retryAfterMs: null };
    } catch {
      return give(
        { kind: 'unexpected-data', message: 'The site sent something that is not JSON.' },
        false,
      );
    }
  } catch {
    // The body stopped arriving (timeout abort or a dropped connection).
    return controller.signal.aborted
      ? give(TIMEOUT, true)
      : give({ kind: 'offline', message: 'The connection dropped.' }, true);
  } finally {
    clearTimeout(timer);
  }
}

/** True when the answer came from the host the request was for, over https. */
function isFrom(response: Response, url: string): boolean {
  if (!URL.canParse(response.url)) return false;
  const from = new URL(response.url);
  return from.protocol === 'https:' && from.host === new URL(url).host;
}

/** Whether the site's first answer to `url` is a redirect; nothing is followed, or sent elsewhere. */
async function redirects(
  url: string,
  init: RequestInit,
  deps: FetchDeps,
  signal: AbortSignal,
): Promise<boolean> {
  try {
    const first = await deps.fetch(url, { ...init, redirect: 'manual', signal });
    return first.type === 'opaqueredirect';
  } catch {
    return false;
  }
}

/** An error answer's JSON (an API's stated reason), if it is small JSON; undefined otherwise. */
async function errorBody(response: Response): Promise<unknown> {
  const text = await readCapped(response, 64_000).catch(() => null);
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The body as text, or null once it passes `limit` bytes: counted as it streams, so an
 * endless answer is cut off there rather than held whole. A declared length over the limit
 * is refused before reading.
 */
async function readCapped(response: Response, limit: number): Promise<string | null> {
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    void response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

function tooLarge(): SourceError {
  return { kind: 'unexpected-data', message: 'The site sent far more data than expected.' };
}
