import { detectHref } from '../../utils/pages/registry';

/**
 * The links the card may draw: https links to the three sites' pages only. The background
 * builds them from checked related items; the page checks again what it puts in an `href`.
 */
export function siteLinks<T extends { url: string }>(links: readonly T[]): T[] {
  return links.filter((link) => detectHref(link.url)?.url.protocol === 'https:');
}
