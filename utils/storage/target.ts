import { z } from '../zod';
import { OffsetsShape, TargetShape, TextPositionShape, TextQuoteShape } from './record-shapes';

// The stored shape of where a highlight is (W3C selectors), apart from the anchoring code: the
// records and the message protocol depend on this schema, not on how passages are found.

const Offset = z.number().check(z.int(), z.nonnegative());

export const TextQuoteSelector = z.extend(TextQuoteShape, {
  exact: z.string().check(z.minLength(1)),
});

/** Offsets in Unicode code points over the page's rendered text. */
export const TextPositionSelector = z.extend(TextPositionShape, { start: Offset, end: Offset });

/** UTF-16 offsets over the page body's `textContent`: where Hypothesis counts a passage from. */
export const TextContentOffsets = z.extend(OffsetsShape, { start: Offset, end: Offset });

export const Target = z.extend(TargetShape, {
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  /** Recorded when the passage is saved (older notes lack it): for the Hypothesis export. */
  textContent: z.optional(TextContentOffsets),
});
export type Target = z.infer<typeof Target>;
