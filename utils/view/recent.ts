/**
 * Shares one computation between the callers that ask for the same thing within `ttlMs` (the
 * page's card, the view's related section and its story all rank a page's related items), and
 * while it is under way. Only a cache: a worker restart loses it, and a failure (or an answer
 * `keep` refuses) is not kept, so Try again asks again.
 */
export function createRecent<T>(
  ttlMs: number,
  { now = Date.now, keep = () => true }: { now?: () => number; keep?: (value: T) => boolean } = {},
) {
  const recent = new Map<string, { at: number; value: Promise<T> }>();
  const share = (key: string, make: () => Promise<T>): Promise<T> => {
    const at = now();
    for (const [old, entry] of recent) if (at - entry.at > ttlMs) recent.delete(old);
    const known = recent.get(key);
    if (known) return known.value;
    const value = make();
    recent.set(key, { at, value });
    value.then(
      (done) => {
        if (!keep(done)) recent.delete(key);
      },
      () => recent.delete(key),
    );
    return value;
  };
  /** Forgets everything (all data deleted). */
  const clear = () => recent.clear();
  return Object.assign(share, { clear });
}
