import { PageKind } from '../pages/context-shape';
import { bool, z } from '../zod';

/**
 * What the view shows of a related page: types only; related-item.ts adds the checks of form
 * (RelatedFacts) for what the background keeps.
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

/**
 * What a link card shows about the page a link points to: its kind, its title and its key facts
 * in words (utils/related/facts.ts, worded by the background), or why there are none (`problem`).
 */
export const LinkCardShape = z.object({
  kind: PageKind,
  title: z.string(),
  facts: z.array(z.string()),
  problem: z.nullable(z.string()),
});
