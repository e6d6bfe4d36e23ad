/** An address as written, resolved against the page; null when it is not one. */
function resolve(href: string | null | undefined, base?: URL): URL | null {
  if (!href) return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** Resolves an anchor's href against the page URL; null for anything but https. */
export function httpsHref(anchor: Element, base: URL): URL | null {
  const url = resolve(anchor.getAttribute('href'), base);
  return url?.protocol === 'https:' ? url : null;
}

/**
 * An http or https address, as https. The petitions site keeps older debate links
 * (parliamentlive.tv, Hansard, research briefings) as editors typed them, often http;
 * those hosts answer on https. Anything else (mailto:, javascript:, junk) is null.
 */
export function upgradedToHttps(href: string | null | undefined, base?: URL): URL | null {
  const url = resolve(href, base);
  if (url?.protocol === 'http:') url.protocol = 'https:';
  return url?.protocol === 'https:' ? url : null;
}
