import { z } from '../zod';

/** The three sites answers come from. */
export const Source = z.enum(['petitions', 'govuk', 'hansard']);
export type Source = z.infer<typeof Source>;

/** A request for one answer of a site's API, checked against `schema` (made here, fetched by `utils/live`). */
export interface LiveRequest<T> {
  url: string;
  source: Source;
  schema: z.ZodMiniType<T>;
  /** Wait for a refresh of stale data instead of answering from the cache at once. */
  waitForFresh?: boolean;
  /** Ask the site even when the cache is fresh (a scheduled check wants the site's answer now). */
  force?: boolean;
  /** Answer from the cache alone, fresh or not, and never ask the site (a search past a page's budget). */
  cachedOnly?: boolean;
}
