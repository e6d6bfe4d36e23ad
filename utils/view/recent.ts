/**
 * Shares one computation between the callers that ask for the same thing while it is under
 * way (the page's card, the view's related section and its story all rank a page's related
 * items at about the same time). Nothing is kept once it is done: a later caller, a Try again,
 * or one after the sites' answers changed computes afresh, so no one is shown a ranking from
 * before.
 */
export function createShared<T>() {
  const running = new Map<string, Promise<T>>();
  const share = (key: string, make: () => Promise<T>): Promise<T> => {
    const known = running.get(key);
    if (known) return known;
    const value = make();
    running.set(key, value);
    const done = () => {
      // Not a newer one, asked for after a `clear`.
      if (running.get(key) === value) running.delete(key);
    };
    value.then(done, done);
    return value;
  };
  /** Forgets the computations under way (all data deleted): the next caller starts afresh. */
  const clear = () => running.clear();
  return Object.assign(share, { clear });
}
