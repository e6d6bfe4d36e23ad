import search from 'approx-string-match';
import type { Target } from '../storage/target';
import { type PreparedText, prepareText } from './code-points';
import { type TextModel, textContentOffsets } from './text-model';

/** How much text either side of a quote is kept to tell repeated passages apart. */
export const CONTEXT_LENGTH = 32;

/** Within this many characters of its stored position, a candidate counts as "near". */
const NEAR = 2_000;

/** Narrows [start, end) to leave out white space at either end (selections and blocks often carry it). */
export function trimOffsets(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  return { start: from, end: to };
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** A cut at `offset`, moved back one unit if it would fall inside a surrogate pair. */
function pairStart(text: string, offset: number): number {
  return offset > 0 &&
    isLowSurrogate(text.charCodeAt(offset)) &&
    isHighSurrogate(text.charCodeAt(offset - 1))
    ? offset - 1
    : offset;
}

/** W3C selectors for the passage at UTF-16 offsets [start, end) of the page text. */
export function describe(page: PreparedText | string, start: number, end: number): Target {
  const { text, toCodePoints } = typeof page === 'string' ? prepareText(page) : page;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(pairStart(text, Math.max(0, start - CONTEXT_LENGTH)), start),
      suffix: text.slice(end, pairStart(text, end + CONTEXT_LENGTH)),
    },
    position: {
      type: 'TextPositionSelector',
      start: toCodePoints(start),
      end: toCodePoints(end),
    },
  };
}

/** A passage on the page: its selectors, and where Hypothesis counts it (over `root.textContent`). */
export function describeOnPage(model: TextModel, root: Node, start: number, end: number): Target {
  const textContent = textContentOffsets(model, root, start, end);
  return { ...describe(model.text, start, end), ...(textContent ? { textContent } : {}) };
}

export interface Anchored {
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  method: 'position' | 'quote' | 'fuzzy';
}

/** Longest common suffix of a and b, as a share of b's length (0…1). */
function suffixSimilarity(a: string, b: string): number {
  if (!b) return 1;
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n / b.length;
}

function prefixSimilarity(a: string, b: string): number {
  if (!b) return 1;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n / b.length;
}

/**
 * Scores a candidate [start, end): its context against the stored prefix and
 * suffix, its distance from where the passage was, and (for fuzzy matches)
 * how many edits it needed. Higher is better.
 */
function score(
  text: string,
  target: Target,
  start: number,
  end: number,
  expected: number,
  errors = 0,
) {
  const { prefix, suffix, exact } = target.quote;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  const context = suffixSimilarity(before, prefix) + prefixSimilarity(after, suffix);
  // Being near where the passage was is strong evidence when copies of it repeat elsewhere.
  const nearness = 1 - Math.min(1, Math.abs(start - expected) / NEAR);
  return 2 * (1 - errors / exact.length) + context + nearness;
}

/**
 * The start of the best exact occurrence of the quote that starts in [from, to], or null.
 * `nearFirst`: an occurrence within NEAR of the stored position whose prefix and suffix both match
 * in full scores higher than any farther one can, so the whole text is searched only when the
 * stretch around the stored position has none (on a long debate whose passages repeat, most
 * notes are found without visiting every copy).
 */
function bestOccurrence(
  text: string,
  target: Target,
  expected: number,
  from: number,
  to: number,
  nearFirst: boolean,
): number | null {
  const { exact, prefix, suffix } = target.quote;
  let best: { start: number; score: number } | null = null;
  for (let at = text.indexOf(exact, Math.max(0, from)); at !== -1 && at <= to; ) {
    const candidate = score(text, target, at, at + exact.length, expected);
    if (!best || candidate > best.score) best = { start: at, score: candidate };
    at = text.indexOf(exact, at + 1);
  }
  if (!nearFirst) return best?.start ?? null;
  const fullContext =
    best !== null &&
    text.endsWith(prefix, best.start) &&
    text.startsWith(suffix, best.start + exact.length);
  return best && fullContext
    ? best.start
    : bestOccurrence(text, target, expected, 0, text.length, false);
}

/**
 * Finds the passage again: at its stored position if the quote is still
 * there, else the best exact occurrence of the quote judged by its context and
 * position, else the best approximate match (edit-distance tolerant, up to a
 * quarter of the quote's length). Null when the passage is gone.
 */
export function anchor(page: PreparedText | string, target: Target): Anchored | null {
  const { text, toUtf16 } = typeof page === 'string' ? prepareText(page) : page;
  const { exact } = target.quote;
  const expected = toUtf16(target.position.start);
  const expectedEnd = toUtf16(target.position.end);
  if (text.slice(expected, expectedEnd) === exact) {
    return { start: expected, end: expectedEnd, method: 'position' };
  }

  const best = bestOccurrence(text, target, expected, expected - NEAR, expected + NEAR, true);
  // 0 is a start like any other.
  if (best !== null) return { start: best, end: best + exact.length, method: 'quote' };

  const maxErrors = Math.min(256, Math.floor(exact.length / 4));
  if (maxErrors === 0) return null;
  // `search` returns only the lowest-cost matches, so a near-copy elsewhere would hide the edited
  // passage itself: search the stretch around its stored position too.
  const from = Math.max(0, expected - NEAR);
  const nearby = search(text.slice(from, expectedEnd + NEAR), exact, maxErrors).map((match) => ({
    ...match,
    start: match.start + from,
    end: match.end + from,
  }));
  let fuzzy: { start: number; end: number; score: number } | null = null;
  for (const match of [...nearby, ...search(text, exact, maxErrors)]) {
    const candidate = score(text, target, match.start, match.end, expected, match.errors);
    if (!fuzzy || candidate > fuzzy.score)
      fuzzy = { start: match.start, end: match.end, score: candidate };
  }
  return fuzzy ? { start: fuzzy.start, end: fuzzy.end, method: 'fuzzy' } : null;
}
