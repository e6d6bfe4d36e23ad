import { prepareText } from './code-points';
import { describe, trimOffsets } from './selectors';
import type { Target } from './target';
import { offsetsFromRange, type TextModel } from './text-model';

/** The selectors of an element's whole text (a response to bookmark), or null if it has none. */
export function targetOfElement(model: TextModel, element: Element): Target | null {
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  const whole = offsetsFromRange(model, range);
  const offsets = whole && trimOffsets(model.text, whole.start, whole.end);
  if (!offsets || offsets.start === offsets.end) return null;
  return describe(prepareText(model.text), offsets.start, offsets.end);
}
