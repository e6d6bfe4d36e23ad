import { backoffDelay, parseRetryAfter, RETRY_POLICY } from './retry-policy';
import type { Fetched, SourceError } from './source-error';

/** Larger answers are refused: no API answer we use comes near this. */
export const MAX_RESPONSE_BYTES = 2_000_000;

export interface FetchDeps {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
}

const defaultDeps: FetchDeps = {
  fetch: (...args) => fetch(...args),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  random: Math.random,
};

const failure = (error: SourceError) => ({ ok: false, error }) as const;

/**
 * GETs a JSON document with a timeout, retrying network errors and 5xx with
 * backoff and waiting out a 429's Retry-After. Never throws.
 */
export async function fetchJson(
  url: string,
  deps: FetchDeps = defaultDeps,
  policy = RETRY_POLICY,
): Promise<Fetched<unknown>> {
  let last: SourceError = { kind: 'offline', message: 'No attempt was made.' };
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const isLast = attempt === policy.attempts;
    const outcome = await attemptOnce(url, deps, policy.timeoutMs);
    if (outcome.result.ok || !outcome.retry) return outcome.result;
    // After a 5xx or 429, Chromium throttles an extension's requests to that URL and they
    // fail like a lost connection: keep the site's own answer as the reason.
    const { error } = outcome.result;
    if (!(error.kind === 'offline' && last.status !== undefined)) last = error;
    if (isLast) break;
    const retryAfter = outcome.retryAfterMs;
    if (retryAfter !== null && retryAfter > policy.maxRetryAfterMs) break;
    await deps.sleep(retryAfter ?? backoffDelay(attempt, deps.random, policy));
  }
  return failure(last);
}

interface Attempt {
  result: Fetched<unknown>;
  /** Whether another attempt may succeed (network trouble, 5xx, 429). */
  retry: boolean;
  retryAfterMs: number | null;
}

async function attemptOnce(url: string, deps: FetchDeps, timeoutMs: number): Promise<Attempt> {
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
      response = await deps.fetch(url, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
        credentials: 'omit',
      });
    } catch {
      return controller.signal.aborted
        ? give({ kind: 'timeout', message: 'The site took too long to answer.' }, true)
        : give({ kind: 'offline', message: 'The site could not be reached.' }, true);
    }
    if (response.status === 429) {
      const wait = parseRetryAfter(response.headers.get('retry-after'), deps.now());
      return give(
        { kind: 'rate-limited', message: 'The site asked us to slow down.', status: 429 },
        true,
        wait,
      );
    }
    if (!response.ok) {
      return give(
        {
          kind: 'site-error',
          message: `The site answered ${response.status}.`,
          status: response.status,
        },
        response.status >= 500,
      );
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_RESPONSE_BYTES) return give(tooLarge(), false);
    const text = await response.text();
    if (text.length > MAX_RESPONSE_BYTES) return give(tooLarge(), false);
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
      ? give({ kind: 'timeout', message: 'The site took too long to answer.' }, true)
      : give({ kind: 'offline', message: 'The connection dropped.' }, true);
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(): SourceError {
  return { kind: 'unexpected-data', message: 'The site sent far more data than expected.' };
}
