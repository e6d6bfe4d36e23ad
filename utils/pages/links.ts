/** Resolves an anchor's href against the page URL; null for anything but https. */
export function httpsHref(anchor: Element, base: URL): URL | null {
  const href = anchor.getAttribute('href');
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
