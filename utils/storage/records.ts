import { HttpsUrl, LinkedPage, PageContext, PageKind, SupportedPageUrl } from '../pages/context';
import { Source } from '../sources/request';
import { z } from '../zod';
import {
  AnnotationShape,
  MAX_BOOKMARK_LENGTH,
  MAX_QUOTE_LENGTH,
  SettingsShape,
} from './record-shapes';
import { Snapshot } from './snapshot';
import { Target } from './target';

export { Colour, MAX_BOOKMARK_LENGTH, MAX_QUOTE_LENGTH } from './record-shapes';

/** A supported page the user has visited: the node of their "thread". */
export const PageRecord = z.object({
  key: z.string().check(z.minLength(1)),
  kind: PageKind,
  url: z.string(),
  title: z.nullable(z.string()),
  context: PageContext,
  firstVisitedAt: z.number(),
  lastVisitedAt: z.number(),
  visitCount: z.number().check(z.int(), z.positive()),
  lastVisitId: z.string(),
});
export type PageRecord = z.infer<typeof PageRecord>;

/** One outbound link from a visited page to another supported page: an edge of the thread. */
export const LinkRecord = z.extend(z.omit(LinkedPage, { key: true }), {
  from: z.string().check(z.minLength(1)),
  to: z.string().check(z.minLength(1)),
});
export type LinkRecord = z.infer<typeof LinkRecord>;

export const Settings = z.extend(SettingsShape, {
  panelCollapsed: z._default(z.boolean(), false),
  notifyChanges: z._default(z.boolean(), false),
  annotateKinds: z._default(z.array(PageKind), PageKind.options),
});
export type Settings = z.infer<typeof Settings>;

/** One API answer, already validated against its source's schema when it was fetched. */
export const CacheEntry = z.object({
  url: z.string(),
  source: Source,
  fetchedAt: z.number(),
  body: z.unknown(),
});
export type CacheEntry = z.infer<typeof CacheEntry>;

/** A highlight (a passage, maybe with a note), a note about the whole page, or a saved response. */
export const Annotation = z
  .extend(AnnotationShape, {
    id: z.string().check(z.minLength(1)),
    pageKey: z.string().check(z.minLength(1)),
    pageUrl: SupportedPageUrl,
    target: z.nullable(
      Target.check(
        z.refine((target) => target.quote.exact.length <= MAX_BOOKMARK_LENGTH, {
          message: `A passage can be at most ${MAX_BOOKMARK_LENGTH} characters.`,
        }),
      ),
    ),
    // zod/mini loads no locale, so limits a user can reach say what went wrong themselves.
    note: z.string().check(z.maxLength(20_000, 'A note can be at most 20000 characters.')),
    tags: z
      .array(
        z
          .string()
          .check(z.trim(), z.minLength(1), z.maxLength(60, 'A tag can be at most 60 characters.')),
      )
      .check(z.maxLength(30, 'A note can have at most 30 tags.')),
    revision: z.optional(z.number().check(z.int(), z.nonnegative())),
  })
  .check(
    z.refine(
      (a) => a.kind !== 'highlight' || (a.target?.quote.exact.length ?? 0) <= MAX_QUOTE_LENGTH,
      {
        message: `A highlight can quote at most ${MAX_QUOTE_LENGTH} characters.`,
        path: ['target'],
      },
    ),
  );
export type Annotation = z.infer<typeof Annotation>;

/** A petition or consultation the user follows, with what its last good check saw. */
export const Follow = z.object({
  pageKey: z.string().check(z.minLength(1)),
  kind: z.enum(['petition', 'consultation']),
  url: SupportedPageUrl,
  title: z.nullable(z.string()),
  followedAt: z.number(),
  /** Signature counts the user asked to hear about, besides the usual ones. */
  milestones: z
    .array(z.number().check(z.int(), z.positive()))
    .check(z.maxLength(20, 'At most 20 milestones.')),
  /** Null until the first check succeeds; the first snapshot is the baseline, not a change. */
  snapshot: z.nullable(Snapshot),
  lastCheckedAt: z.nullable(z.number()),
  nextCheckAt: z.number(),
  /** Failed checks in a row, for backoff. */
  failures: z.number().check(z.int(), z.nonnegative()),
});
export type Follow = z.infer<typeof Follow>;

/** A change to a followed item. The id is `pageKey` + the change's own id: told once, ever. */
export const WatchEvent = z.object({
  id: z.string().check(z.minLength(1)),
  pageKey: z.string(),
  kind: z.enum(['petition', 'consultation']),
  pageTitle: z.nullable(z.string()),
  url: SupportedPageUrl,
  text: z.string(),
  link: z.nullable(HttpsUrl),
  at: z.number(),
  seen: z.boolean(),
});
export type WatchEvent = z.infer<typeof WatchEvent>;
