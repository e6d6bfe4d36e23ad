import type { Annotation } from '../storage/records';

/** Characters a text directive must escape (besides what encodeURIComponent does). */
const encode = (text: string) =>
  encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');

/** A quote longer than this is matched by its first and last words (textStart,textEnd). */
const WHOLE_QUOTE_LIMIT = 120;
const EDGE_WORDS = 6;

/**
 * The page's URL with a text fragment (`#:~:text=`) for the note's passage, so
 * the browser scrolls to it and marks it when the page opens; a page note
 * opens the page itself. The directive is invisible to the page's scripts.
 */
export function openLink(annotation: Annotation): string {
  const url = annotation.pageUrl.replace(/#.*$/, '');
  const exact = annotation.target?.quote.exact.replace(/\s+/g, ' ').trim();
  if (!exact) return url;
  if (exact.length <= WHOLE_QUOTE_LIMIT) return `${url}#:~:text=${encode(exact)}`;
  const words = exact.split(' ');
  const start = words.slice(0, EDGE_WORDS).join(' ');
  const end = words.slice(-EDGE_WORDS).join(' ');
  return `${url}#:~:text=${encode(start)},${encode(end)}`;
}
