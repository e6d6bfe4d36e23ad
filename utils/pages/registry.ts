import { consultationAddress } from './consultation';
import type { LinkedPage, PageContext, PageKind } from './context';
import { debateAddress } from './debate';
import { httpsHref } from './links';
import type { PageAddress, PageReaders } from './page-module';
import { petitionAddress } from './petition';
import type { ResponseBlock } from './responses';
import { cleanText } from './text';

const ADDRESSES: { [K in PageKind]: PageAddress<K> } = {
  petition: petitionAddress,
  consultation: consultationAddress,
  debate: debateAddress,
};

/** Every supported kind of page. Adding one here adds it to detection, linking and the cross-check test. */
export const PAGE_ADDRESSES = Object.values(ADDRESSES);

export interface DetectedPage {
  kind: PageKind;
  key: string;
}

export function detectPage(url: URL): DetectedPage | null {
  for (const module of PAGE_ADDRESSES) {
    const key = module.keyFor(url);
    if (key) return { kind: module.kind, key };
  }
  return null;
}

/** A web address as text (from a link, a referrer, a file) that points at a supported page, its fragment dropped. */
export function detectHref(href: string): { url: URL; page: DetectedPage } | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const page = detectPage(url);
  if (!page) return null;
  url.hash = '';
  return { url, page };
}

export type ExtractResult =
  | { ok: true; context: PageContext }
  | { ok: false; kind: PageKind; key: string; reason: string };

/**
 * Reads a supported page into its typed context with its site's `readers`: null when the URL is
 * not a page they read or the document is not that page (yet). Never throws: a page that breaks
 * extraction yields `ok: false` with a reason the panel can show.
 */
export function extractPage(url: URL, doc: Document, readers: PageReaders): ExtractResult | null {
  const page = detectPage(url);
  const reader = page && readers[page.kind];
  if (!page || !reader?.recognises(doc)) return null;
  try {
    // Checked for its shape here; the background checks its form (PageContext) when it is sent.
    const parsed = reader.shape.safeParse({
      kind: page.kind,
      url: url.href,
      key: page.key,
      links: linkedPages(doc, url, page.key),
      ...reader.extract(url, doc),
    });
    if (parsed.success) return { ok: true, context: parsed.data };
    return {
      ok: false,
      ...page,
      reason: `Unexpected page content (${parsed.error.issues[0]?.path.join('.')})`,
    };
  } catch (error) {
    return { ok: false, ...page, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The passages on the page that can be bookmarked in one click, by its site's `readers`. */
export function findResponses(
  context: PageContext,
  doc: Document,
  readers: PageReaders,
): ResponseBlock[] {
  switch (context.kind) {
    case 'petition':
      return readers.petition?.responses(context, doc) ?? [];
    case 'consultation':
      return readers.consultation?.responses(context, doc) ?? [];
    case 'debate':
      return readers.debate?.responses(context, doc) ?? [];
  }
}

/**
 * Every anchor on the page that points at another supported page, with what it points at; the
 * page's site navigation (a breadcrumb, previous/next links) left out.
 */
export function supportedAnchors(
  doc: Document,
  base: URL,
  ownKey: string,
): { anchor: Element; url: URL; page: DetectedPage }[] {
  const navigation = PAGE_ADDRESSES.find((module) => module.keyFor(base))?.navigation;
  return [...doc.querySelectorAll('a[href]')].flatMap((anchor) => {
    if (navigation && anchor.closest(navigation)) return [];
    const url = httpsHref(anchor, base);
    const page = url && detectPage(url);
    if (!url || !page || page.key === ownKey) return [];
    url.hash = '';
    return [{ anchor, url, page }];
  });
}

/** Every link on the page to another supported page, once per target, in page order. */
export function linkedPages(doc: Document, base: URL, ownKey: string): LinkedPage[] {
  const byKey = new Map<string, LinkedPage>();
  for (const { anchor, url, page } of supportedAnchors(doc, base, ownKey)) {
    if (byKey.has(page.key)) continue;
    const text = cleanText(anchor.textContent);
    // Many pages print the bare URL (with or without its scheme) as the link text; name the page instead.
    const label = !text || /^\S+\.\S+\/\S*$/.test(text) ? ADDRESSES[page.kind].describe(url) : text;
    byKey.set(page.key, { ...page, url: url.href, label });
  }
  return [...byKey.values()];
}
