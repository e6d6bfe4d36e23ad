import { PageKind } from '../pages/context-shape';
import { bool, oneOf, z } from '../zod';

// The records the content script is answered with (a note, its passage, the settings), as it
// checks them: every field's type, none of the checks of form. The background writes and reads
// them against the strict schemas built on these (target.ts, records.ts).

export const TextQuoteShape = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});
export const TextPositionShape = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number(),
  end: z.number(),
});
export const OffsetsShape = z.object({ start: z.number(), end: z.number() });

export const TargetShape = z.object({
  quote: TextQuoteShape,
  position: TextPositionShape,
  textContent: z.optional(OffsetsShape),
});

/** The longest passage one highlight may quote: longer selections are refused with a message. */
export const MAX_QUOTE_LENGTH = 5_000;
/** A bookmarked response keeps its whole text, up to this length. */
export const MAX_BOOKMARK_LENGTH = 50_000;

export const Colour = oneOf(['yellow', 'green', 'blue', 'pink']);
export type Colour = z.infer<typeof Colour>;

export const AnnotationShape = z.object({
  id: z.string(),
  kind: oneOf(['highlight', 'page-note', 'bookmark']),
  pageKey: z.string(),
  pageUrl: z.string(),
  pageTitle: z.nullable(z.string()),
  pageKind: PageKind,
  /** Where the passage is, and its exact text; null for a page note. */
  target: z.nullable(TargetShape),
  /** For a bookmark: what was saved, and its date. */
  bookmark: z.optional(z.object({ label: z.string(), date: z.nullable(z.string()) })),
  note: z.string(),
  tags: z.array(z.string()),
  colour: Colour,
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Counts saved edits, so an edit made from an older version is merged, not written over it. */
  revision: z.optional(z.number()),
});

export const SettingsShape = z.object({
  panelCollapsed: bool(),
  /** System notifications for changes to followed items: off until the user asks. */
  notifyChanges: bool(),
  /** The kinds of page on which highlighting and notes are offered. */
  annotateKinds: z.array(PageKind),
});
