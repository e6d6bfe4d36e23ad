/** Pure timing rules for talking to the sites' APIs politely. */

export const RETRY_POLICY = {
  /** Attempts in all, the first included. */
  attempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  /** One attempt, body included. */
  timeoutMs: 10_000,
  /**
   * All attempts and waits together: the reader hears why within this, however slowly the
   * site drips its answer, and a 429 asking for a longer wait is reported, not waited out.
   */
  deadlineMs: 12_000,
} as const;
export type RetryPolicy = { readonly [K in keyof typeof RETRY_POLICY]: number };

/** Exponential backoff with full jitter: attempt 1 waits up to base, attempt 2 up to 2×base… */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'> = RETRY_POLICY,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * random());
}

/**
 * `Retry-After` is either seconds or an HTTP date (RFC 9110 §10.2.3).
 * Returns milliseconds to wait, or null when the header is absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
