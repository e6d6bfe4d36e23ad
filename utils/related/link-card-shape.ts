import { PageKind } from '../pages/context-shape';
import { bool, z } from '../zod';

/**
 * What the panel shows of a related page, as the content script checks it (a link card): types
 * only; related-item.ts adds the checks of form (RelatedFacts) for what the background keeps.
 */
export const RelatedFactsShape = z.object({
  key: z.string(),
  kind: PageKind,
  url: z.string(),
  title: z.string(),
  /** ISO date: a debate's sitting, a consultation's closing, a petition's response. */
  date: z.nullable(z.string()),
  /** A petition's state (open, closed, rejected) or a consultation's (open, closed, outcome). */
  state: z.nullable(z.string()),
  signatureCount: z.nullable(z.number()),
  responded: z.nullable(bool()),
  debated: z.nullable(bool()),
  /** A debate's location: Commons Chamber, Westminster Hall. */
  location: z.nullable(z.string()),
});

/** What a link card shows about the page a link points to; `problem` says why facts are missing. */
// Spread, not z.extend: the page's world then carries no extend (content_script_gzip_kb).
export const LinkCardShape = z.object({
  ...RelatedFactsShape.shape,
  problem: z.nullable(z.string()),
});
