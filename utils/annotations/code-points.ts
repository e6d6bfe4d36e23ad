/**
 * The W3C Web Annotation model counts positions in Unicode code points;
 * JavaScript strings count UTF-16 units. Stored positions are code points.
 * A page's text is prepared once, so converting many positions costs a binary
 * search each rather than a walk over the text.
 */
export interface PreparedText {
  text: string;
  toCodePoints(utf16Offset: number): number;
  toUtf16(codePointOffset: number): number;
}

export function prepareText(text: string): PreparedText {
  // UTF-16 offsets of the second unit of each surrogate pair, in order.
  const lowSurrogates: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) lowSurrogates.push(++i);
    }
  }
  /** How many entries of the sorted `values` are below `limit`. */
  const countBelow = (values: number[], limit: number) => {
    let low = 0;
    let high = values.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((values[middle] ?? 0) < limit) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  // The i-th pair starts at UTF-16 offset p - 1 (p its low half), which is code point p - 1 - i.
  const pairCodePoints = lowSurrogates.map((offset, index) => offset - 1 - index);
  return {
    text,
    toCodePoints: (utf16Offset) => utf16Offset - countBelow(lowSurrogates, utf16Offset + 1),
    toUtf16: (codePointOffset) => codePointOffset + countBelow(pairCodePoints, codePointOffset),
  };
}
