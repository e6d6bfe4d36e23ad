import type { z } from '../zod';
import type { PageContext, PageKind } from './context';
import type { ResponseBlock } from './responses';

type ContextOf<K extends PageKind> = Extract<PageContext, { kind: K }>;

/** What a page module reads from the DOM; the registry adds the URL, key and links. */
export type Extracted<K extends PageKind> = Omit<ContextOf<K>, 'kind' | 'url' | 'key' | 'links'>;

/**
 * Where one supported kind of page lives: its addresses, and what a link to one is called.
 * Every site's content script knows every kind's addresses (links between the sites are the
 * point), so this half is small. Pure functions of their inputs, tested without a browser
 * (tests/unit/detectors.test.ts holds each kind's real-shaped example addresses).
 */
export interface PageAddress<K extends PageKind> {
  kind: K;
  /** The page's canonical key (stable across URL variants), or null when `url` is not this kind of page. */
  keyFor(url: URL): string | null;
  /** Where the page's site navigation is (a CSS selector): links in it are not links the page makes. */
  navigation?: string;
  /** A readable name for a link to such a page whose own text is only its URL. */
  describe(url: URL): string;
}

/**
 * How one kind of page is read from its document. Only its own site's content script carries
 * it (utils/inject/page-scripts.ts), so a petition page runs no GOV.UK or Hansard reader.
 */
export interface PageReader<K extends PageKind> {
  kind: K;
  /** The reading's shape (utils/pages/context-shape.ts), checked before anything is sent. */
  shape: z.ZodMiniType<ContextOf<K>>;
  /**
   * Whether the document is this kind of page as its site renders it, judged by the site's own
   * markup. An error page, a bot challenge or an empty shell served at a supported URL is not.
   */
  recognises(doc: Document): boolean;
  extract(url: URL, doc: Document): Extracted<K>;
  /** The passages on the page that can be bookmarked in one click (responses.ts). */
  responses(context: ContextOf<K>, doc: Document): ResponseBlock[];
}

/** The readers one site's content script carries. */
export type PageReaders = { [K in PageKind]?: PageReader<K> };

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
