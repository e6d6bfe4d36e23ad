/**
 * Which supported page each tab showed before the current one, so a page can
 * say "you came here from …" even when the site's referrer policy hides the
 * path. Kept in memory: a restarted service worker simply forgets the trail.
 */
export function createTabTrail() {
  const tabs = new Map<number, { current: string; previous: string | null }>();
  return {
    /** A tab now shows `key`. Re-reads of the same page change nothing. */
    visited(tabId: number, key: string) {
      const trail = tabs.get(tabId);
      if (trail?.current === key) return;
      tabs.set(tabId, { current: key, previous: trail?.current ?? null });
    },
    /** The page this tab showed before `key` (whether or not `key`'s visit has arrived yet). */
    cameFrom(tabId: number, key: string): string | null {
      const trail = tabs.get(tabId);
      if (!trail) return null;
      return trail.current === key ? trail.previous : trail.current;
    },
    closed(tabId: number) {
      tabs.delete(tabId);
    },
  };
}
