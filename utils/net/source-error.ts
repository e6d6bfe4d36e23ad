import { z } from '../zod';

/**
 * Why live data could not be had, in terms the panel can explain:
 * offline (no connection), timeout, site-error (5xx or an unexpected status),
 * rate-limited (429), unexpected-data (not JSON, too large, or the wrong shape),
 * redirected (a loop, or to another host: nothing from there is used).
 */
export const SourceError = z.object({
  kind: z.enum([
    'offline',
    'timeout',
    'site-error',
    'rate-limited',
    'unexpected-data',
    'redirected',
  ]),
  message: z.string(),
  status: z.optional(z.number().check(z.int())),
  /** A 429's Retry-After, for a caller that waits itself (one attempt: `attempts: 1`). */
  retryAfterMs: z.optional(z.nullable(z.number())),
  /** The JSON an error answer carried (an API's stated reason), when it was JSON. */
  body: z.optional(z.unknown()),
});
export type SourceError = z.infer<typeof SourceError>;

export type Fetched<T> = { ok: true; data: T } | { ok: false; error: SourceError };
