import type { FetchDeps } from '../net/fetch-json';
import { fetchJson } from '../net/fetch-json';
import type { Fetched, SourceError } from '../net/source-error';
import type { LiveRequest } from '../sources/request';
import { getCached, putCached } from '../storage/cache-store';
import type { CivicThreadDB } from '../storage/db';
import { isFresh } from './freshness';

export interface LiveAnswer<T> {
  /** The newest good answer we have, fresh or cached; null when there is none. */
  data: T | null;
  /** When `data` was fetched (ms since the epoch). */
  fetchedAt: number | null;
  /** True when `data` is past its freshness and a refresh is under way or failed. */
  stale: boolean;
  /** Why the latest fetch failed, when it did. */
  error: SourceError | null;
}

type Fresh = { body: unknown; fetchedAt: number };

/**
 * Stale-while-revalidate over the IndexedDB cache. Identical requests share
 * one fetch, whichever tab asked; only answers that pass their schema are cached.
 */
export function createLiveFetcher(
  db: Promise<CivicThreadDB>,
  {
    now = Date.now,
    deps,
    onStored = () => {},
  }: {
    now?: () => number;
    deps?: FetchDeps;
    /** Called after each answer is cached, for what was built from the cache before. */
    onStored?: () => void;
  } = {},
) {
  const inFlight = new Map<string, Promise<Fetched<Fresh>>>();

  function refresh<T>({ url, source, schema }: LiveRequest<T>): Promise<Fetched<Fresh>> {
    const running = inFlight.get(url);
    if (running) return running;
    const started = (async (): Promise<Fetched<Fresh>> => {
      const fetched = await fetchJson(url, deps);
      if (!fetched.ok) return fetched;
      const parsed = schema.safeParse(fetched.data);
      if (!parsed.success) {
        return {
          ok: false,
          error: { kind: 'unexpected-data', message: 'The site sent data in an unexpected shape.' },
        };
      }
      const fetchedAt = now();
      await putCached(await db, { url, source, fetchedAt, body: parsed.data });
      onStored();
      return { ok: true, data: { body: parsed.data, fetchedAt } };
    })().finally(() => inFlight.delete(url));
    inFlight.set(url, started);
    return started;
  }

  return async function get<T>(request: LiveRequest<T>): Promise<LiveAnswer<T>> {
    const cachedEntry = await getCached(await db, request.url);
    // Stored answers are checked again: the schema may have moved on since they were written.
    const cachedData = cachedEntry ? request.schema.safeParse(cachedEntry.body) : null;
    const cached =
      cachedEntry && cachedData?.success ? { ...cachedEntry, body: cachedData.data } : null;
    if (request.cachedOnly) {
      const stale = cached !== null && !isFresh(cached, now());
      return {
        data: cached?.body ?? null,
        fetchedAt: cached?.fetchedAt ?? null,
        stale,
        error: null,
      };
    }
    if (cached && isFresh(cached, now()) && !request.force) {
      return { data: cached.body, fetchedAt: cached.fetchedAt, stale: false, error: null };
    }
    if (cached && !request.waitForFresh && !request.force) {
      void refresh(request);
      return { data: cached.body, fetchedAt: cached.fetchedAt, stale: true, error: null };
    }
    const fetched = await refresh(request);
    if (fetched.ok) {
      return {
        data: fetched.data.body as T,
        fetchedAt: fetched.data.fetchedAt,
        stale: false,
        error: null,
      };
    }
    return {
      data: cached?.body ?? null,
      fetchedAt: cached?.fetchedAt ?? null,
      stale: cached !== null,
      error: fetched.error,
    };
  };
}
