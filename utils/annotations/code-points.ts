/**
 * The W3C Web Annotation model counts positions in Unicode code points;
 * JavaScript strings count UTF-16 units. Stored positions are code points.
 */
export function toCodePoints(text: string, utf16Offset: number): number {
  let points = 0;
  for (let i = 0; i < utf16Offset && i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate and the low one after it are one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < utf16Offset) i++;
    points++;
  }
  return points;
}

export function toUtf16(text: string, codePointOffset: number): number {
  let offset = 0;
  for (let points = 0; points < codePointOffset && offset < text.length; points++) {
    const unit = text.charCodeAt(offset);
    offset += unit >= 0xd800 && unit <= 0xdbff ? 2 : 1;
  }
  return offset;
}
