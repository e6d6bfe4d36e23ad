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

/**
 * An http or https address, as https. The petitions site keeps older debate links
 * (parliamentlive.tv, Hansard, research briefings) as editors typed them, often http;
 * those hosts answer on https. Anything else (mailto:, javascript:, junk) is null.
 */
export function upgradedToHttps(href: string | null | undefined, base?: URL): URL | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol === 'http:') url.protocol = 'https:';
    return url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
