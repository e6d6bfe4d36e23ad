/** What `dropOldest` needs of a store with a `byFetchedAt` index, in a read-write transaction. */
interface ByFetchedAt {
  readonly transaction: { abort(): void; readonly done: Promise<void> };
  delete(key: string): Promise<void>;
  index(name: 'byFetchedAt'): {
    count(): Promise<number>;
    getAllKeys(query?: IDBKeyRange | null, count?: number): Promise<string[]>;
  };
}

export interface Bound {
  /** Rows fetched before this time (ms since the epoch) go. */
  fetchedBefore?: number;
  /** Past this many rows, the least recently fetched go. */
  maxRows?: number;
  /** A row never removed (the one just written, even when the clock says it is no newer). */
  keep?: string;
}

/**
 * Removes the rows `bound` says are too old or too many, oldest by `byFetchedAt` first (ties in
 * key order), and returns how many. Only keys are read, never a row's body. All in `store`'s
 * transaction, which a failure aborts: the store is then left as it was, nothing half-removed.
 */
export async function dropOldest(
  store: ByFetchedAt,
  { fetchedBefore, maxRows = Number.POSITIVE_INFINITY, keep }: Bound,
): Promise<number> {
  const index = store.index('byFetchedAt');
  try {
    const aged =
      fetchedBefore === undefined
        ? []
        : (await index.getAllKeys(IDBKeyRange.upperBound(fetchedBefore, true))).filter(
            (key) => key !== keep,
          );
    const over = (await index.count()) - aged.length - maxRows;
    const gone = new Set(aged);
    if (over > 0) {
      // The aged rows lead the index, then possibly `keep`: read just past them.
      for (const key of await index.getAllKeys(null, aged.length + over + 1)) {
        if (gone.size === aged.length + over) break;
        if (key !== keep) gone.add(key);
      }
    }
    // `async`: a removal that throws at once still leaves every other one's promise watched.
    await Promise.all([...gone].map(async (key) => store.delete(key)));
    return gone.size;
  } catch (error) {
    try {
      store.transaction.abort();
    } catch {
      // Already aborted by the request that failed.
    }
    // Its rejection is this error's: the caller hears of it once, from the throw.
    await store.transaction.done.catch(() => {});
    throw error;
  }
}
