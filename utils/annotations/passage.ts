import type { Target } from '../storage/target';
import { describeOnPage, trimOffsets } from './selectors';
import { offsetsFromRange, type TextModel } from './text-model';

/** The selectors of an element's whole text (a response to bookmark), or null if it has none. */
export function targetOfElement(model: TextModel, element: Element): Target | null {
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  const whole = offsetsFromRange(model, range);
  const offsets = whole && trimOffsets(model.text, whole.start, whole.end);
  if (!offsets || offsets.start === offsets.end) return null;
  // The whole page's body, so a Hypothesis export can place the bookmark by position too.
  return describeOnPage(model, element.ownerDocument.body, offsets.start, offsets.end);
}
