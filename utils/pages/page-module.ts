import type { PageContext, PageKind } from './context';

type ContextOf<K extends PageKind> = Extract<PageContext, { kind: K }>;

/** What a page module reads from the DOM; the registry adds the URL, key and links. */
export type Extracted<K extends PageKind> = Omit<ContextOf<K>, 'kind' | 'url' | 'key' | 'links'>;

/**
 * One supported kind of page. Detection and extraction are pure functions of
 * their inputs so they test without a browser.
 */
export interface PageModule<K extends PageKind> {
  kind: K;
  /** Real-shaped URLs this module must accept; the cross-check test makes every other module reject them. */
  examples: readonly string[];
  /** The page's canonical key (stable across URL variants), or null when `url` is not this kind of page. */
  keyFor(url: URL): string | null;
  /**
   * Whether the document is this kind of page as its site renders it, judged by the site's own
   * markup. An error page, a bot challenge or an empty shell served at a supported URL is not.
   */
  recognises(doc: Document): boolean;
  /** Where the page's site navigation is (a CSS selector): links in it are not links the page makes. */
  navigation?: string;
  extract(url: URL, doc: Document): Extracted<K>;
  /** A readable name for a link to such a page whose own text is only its URL. */
  describe(url: URL): string;
}

/** Collects the names of fields a page did not let us read. */
export function unreadTracker() {
  const unread: string[] = [];
  return {
    unread,
    note<T>(value: T | null, label: string): T | null {
      if (value === null) unread.push(label);
      return value;
    },
  };
}
