import { detectHref } from '../pages/registry';
import type { Annotation } from '../storage/records';
import { z } from '../zod';
import {
  finish,
  importedId,
  type Read,
  shown,
  TextPosition,
  TextQuote,
  targetFrom,
} from './read-w3c';

/**
 * Hypothesis's own file format, both ways. The schema is Hypothesis's, from hypothesis/client
 * @ 9d28950c84560765f77b8e8e133c0f11ad577410: `JSONExportContent` (src/sidebar/services/
 * annotations-exporter.tsx) holding `APIAnnotationData` (src/types/api.ts), with the rules its
 * import applies: `readExportFile` wants an object with an `annotations` list
 * (src/sidebar/helpers/import.ts); the import screen lists the file's users by `user`, an
 * `acct:<name>@<authority>` id (src/sidebar/helpers/account-id.ts, annotations-by-user.ts) and
 * leaves replies (`references`) out; the import keeps only target, tags, text, uri and document,
 * with the open page's uri and document put in their place, and maps `permissions.read` to
 * shared or private (src/sidebar/services/import-annotations.ts, helpers/permissions.ts).
 * Dates are not kept: Hypothesis dates an imported annotation when it is imported (its server
 * drops a posted `created`, `updated`, `user` and `id`: hypothesis/h h/schemas/annotation.py).
 */

/** Range, EPUB, page, media and shape selectors: Hypothesis's, and not for web pages like these. */
const OtherSelector = z.looseObject({ type: z.string() });

const Principals = z.array(z.string());
/** `acct:<username>@<authority>`, as `parseAccountID` reads it. */
const AccountId = z.string().check(z.regex(/^acct:[^@]+@.+/, 'expected acct:<name>@<authority>'));

const Permissions = z.object({ read: Principals, update: Principals, delete: Principals });
const HypothesisTarget = z.object({
  source: z.string(),
  selector: z.optional(z.array(z.union([TextQuote, TextPosition, OtherSelector]))),
});

/** What Hypothesis's import reads of an annotation (`ImportData`, the permissions, a reply's thread). */
export const HypothesisAnnotation = z.object({
  id: z.optional(z.string()),
  /** A reply's thread: Hypothesis's import leaves replies out. */
  references: z.optional(z.array(z.string())),
  created: z.optional(z.string()),
  updated: z.optional(z.string()),
  tags: z.array(z.string()),
  text: z.string(),
  uri: z.string(),
  user: z.optional(AccountId),
  // The client's type says a string; the API it exports from sends a list of titles.
  document: z.optional(z.object({ title: z.optional(z.union([z.string(), z.array(z.string())])) })),
  permissions: z.optional(Permissions),
  target: z.array(HypothesisTarget),
});

/** An annotation as the client exports it (`APIAnnotationData`) and its import screen needs it. */
export const HypothesisExportedAnnotation = z.extend(HypothesisAnnotation, {
  created: z.string(),
  updated: z.string(),
  group: z.string(),
  user: AccountId,
  user_info: z.optional(z.object({ display_name: z.nullable(z.string()) })),
  hidden: z.boolean(),
  document: z.object({ title: z.string() }),
  permissions: Permissions,
});
export type HypothesisExportedAnnotation = z.infer<typeof HypothesisExportedAnnotation>;

export const HypothesisExport = z.object({
  export_date: z.string(),
  export_userid: z.string(),
  client_version: z.string(),
  annotations: z.array(HypothesisExportedAnnotation),
});

/**
 * Who the exported notes belong to. The extension has no account; Hypothesis's import screen
 * needs a user to choose, and shows this one by its display name (a user from another
 * authority is shown by `user_info.display_name`).
 */
export const EXPORT_USER = 'acct:civic_thread@civic-thread.invalid';
const EXPORT_USER_NAME = 'Civic Thread notes';

/** The page each note is on, in the library's order: Hypothesis imports a file into the open page. */
export function pagesOf(
  annotations: Annotation[],
): { pageKey: string; title: string; count: number }[] {
  const pages = new Map<string, { pageKey: string; title: string; count: number }>();
  for (const a of annotations) {
    const page = pages.get(a.pageKey);
    if (page) page.count++;
    else pages.set(a.pageKey, { pageKey: a.pageKey, title: a.pageTitle ?? a.pageUrl, count: 1 });
  }
  return [...pages.values()];
}

/**
 * One note as Hypothesis stores it. A quote, and where Hypothesis counts it (UTF-16 units over
 * the page body's `textContent`) when the note knows that; notes saved before it was recorded
 * carry the quote only, and Hypothesis finds them by it.
 */
export function toHypothesis(a: Annotation): HypothesisExportedAnnotation {
  const selectors = a.target
    ? [
        a.target.quote,
        ...(a.target.textContent
          ? [{ type: 'TextPositionSelector' as const, ...a.target.textContent }]
          : []),
      ]
    : undefined;
  return {
    created: new Date(a.createdAt).toISOString(),
    updated: new Date(a.updatedAt).toISOString(),
    group: '__world__',
    tags: a.tags,
    // A bookmark's label is the note's only words when it has none of its own.
    text: a.bookmark && !a.note ? a.bookmark.label : a.note,
    uri: a.pageUrl,
    user: EXPORT_USER,
    user_info: { display_name: EXPORT_USER_NAME },
    hidden: false,
    document: { title: a.pageTitle ?? a.pageUrl },
    // Private to its author: the import keeps it private (Only me) in the chosen group.
    permissions: { read: [EXPORT_USER], update: [EXPORT_USER], delete: [EXPORT_USER] },
    target: [{ source: a.pageUrl, ...(selectors ? { selector: selectors } : {}) }],
  };
}

export const hypothesisFile = (annotations: unknown[], now: number) => ({
  export_date: new Date(now).toISOString(),
  export_userid: EXPORT_USER,
  client_version: 'Civic Thread',
  annotations,
});

const SELECTOR_PATH = /^target\.\d+\.selector/;

/** A Hypothesis annotation, as one of ours; a string is every reason it cannot be. */
export function readHypothesis(item: unknown, now: number): Read | string {
  const parsed = HypothesisAnnotation.safeParse(item);
  if (!parsed.success) {
    return parsed.error.issues
      .map((issue) => {
        const path = issue.path.join('.') || 'record';
        return SELECTOR_PATH.test(path)
          ? `${path}: not a selector Hypothesis writes`
          : `${path}: ${issue.message}`;
      })
      .join('; ');
  }
  const h = parsed.data;
  if (h.references?.length)
    return 'references: a reply to another annotation, which Hypothesis’s import leaves out too';
  const [target] = h.target;
  const found = detectHref(target?.source ?? h.uri);
  if (!found) {
    return `uri: expected a petition, consultation or Hansard debate page, found ${shown(target?.source ?? h.uri)}`;
  }
  const simplified: string[] = ['not kept: user, group and sharing (the notes are yours here)'];
  if (h.target.length > 1)
    simplified.push(`target: ${h.target.length} targets; only the first was kept`);
  const { passage, others } = passageFromHypothesis(target?.selector ?? []);
  if (others.length) simplified.push(`selector: not kept: ${others.join(', ')}`);
  const time = (value: string | undefined, field: string) => {
    const at = value === undefined ? Number.NaN : Date.parse(value);
    if (!Number.isNaN(at)) return at;
    simplified.push(
      `${field}: ${shown(value)} is not a date that can be read, so the import time is used`,
    );
    return now;
  };
  const title = [h.document?.title ?? []].flat()[0] ?? null;
  return finish(
    {
      id: importedId('hypothesis:', h.id, item),
      kind: passage ? 'highlight' : 'page-note',
      pageKey: found.page.key,
      pageUrl: found.url.href,
      pageTitle: title,
      pageKind: found.page.kind,
      target: passage,
      note: h.text,
      tags: h.tags,
      colour: 'yellow',
      createdAt: time(h.created, 'created'),
      updatedAt: time(h.updated, 'updated'),
    },
    simplified,
  );
}

/**
 * Our passage from Hypothesis's selectors (its file's or its API's): the quote, and its
 * position kept as Hypothesis counts it (`textContent`: over another text than ours, so the
 * quote finds it). `others`: the types of the selectors not kept (Range, EPUB, page…).
 */
export function passageFromHypothesis(selectors: { type: string }[]): {
  passage: Annotation['target'];
  others: string[];
} {
  const quote = selectors.map((s) => TextQuote.safeParse(s).data).find(Boolean);
  const position = selectors.map((s) => TextPosition.safeParse(s).data).find(Boolean);
  const others = selectors
    .filter((s) => s.type !== 'TextQuoteSelector' && s.type !== 'TextPositionSelector')
    .map((s) => s.type);
  const passage = quote?.exact ? targetFrom(quote, undefined) : null;
  return {
    passage:
      passage && position
        ? { ...passage, textContent: { start: position.start, end: position.end } }
        : passage,
    others,
  };
}
