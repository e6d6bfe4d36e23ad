import { z } from '../zod';

// The stored shape of where a highlight is (W3C selectors), apart from the anchoring code: the
// records and the message protocol depend on this schema, not on how passages are found.

export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().check(z.minLength(1)),
  prefix: z.string(),
  suffix: z.string(),
});

/** Offsets in Unicode code points over the page's rendered text. */
export const TextPositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().check(z.int(), z.nonnegative()),
  end: z.number().check(z.int(), z.nonnegative()),
});

/** UTF-16 offsets over the page body's `textContent`: where Hypothesis counts a passage from. */
export const TextContentOffsets = z.object({
  start: z.number().check(z.int(), z.nonnegative()),
  end: z.number().check(z.int(), z.nonnegative()),
});

export const Target = z.object({
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  /** Recorded when the passage is saved (older notes lack it): for the Hypothesis export. */
  textContent: z.optional(TextContentOffsets),
});
export type Target = z.infer<typeof Target>;
