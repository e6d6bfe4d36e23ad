import { detectPage } from '../pages/registry';
import { plural } from '../plural';
import { Annotation } from '../storage/records';
import { z } from '../zod';
import { CIVIC_THREAD_TERM } from './export';

/**
 * Reads a W3C Web Annotation file (this extension's own export, or another
 * tool's) into annotations, without writing anything: the library shows the
 * preview, then the background writes the valid ones in one transaction.
 */

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface ImportPreview {
  annotations: Annotation[];
  /** Already stored, or repeated in the file. */
  duplicates: number;
  /** Each record that could not be read: its position in the file (from 1) and why. */
  invalid: { record: number; reason: string }[];
}

/** Two annotations are the same note when they say the same thing about the same passage. */
export function contentKey(a: Annotation): string {
  return JSON.stringify([a.pageKey, a.kind, a.target?.quote.exact ?? '', a.note]);
}

/** Kept whole (loose), so the specific selector schemas below can read it. */
const Selector = z.looseObject({ type: z.string() });
const Body = z.union([
  z.string(),
  z.object({
    type: z.optional(z.string()),
    value: z.optional(z.string()),
    purpose: z.optional(z.string()),
  }),
]);
/** The parts of a W3C annotation another tool's export may carry. */
const ForeignAnnotation = z.object({
  id: z.optional(z.string()),
  motivation: z.optional(z.union([z.string(), z.array(z.string())])),
  created: z.optional(z.string()),
  modified: z.optional(z.string()),
  body: z.optional(z.union([Body, z.array(Body)])),
  target: z.union([
    z.string(),
    z.object({ source: z.string(), selector: z.optional(z.union([Selector, z.array(Selector)])) }),
  ]),
});

const Envelope = z.union([
  z.object({
    type: z.literal('AnnotationCollection'),
    first: z.object({ items: z.array(z.unknown()) }),
  }),
  z.object({ type: z.literal('AnnotationPage'), items: z.array(z.unknown()) }),
  z.object({ type: z.literal('Annotation') }),
  z.array(z.unknown()),
]);

const TextQuote = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.optional(z.string()),
  suffix: z.optional(z.string()),
});
const TextPosition = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number(),
  end: z.number(),
});

const firstIssue = (error: z.core.$ZodError) => {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'not valid';
};

const time = (value: string | undefined, fallback: number) => {
  const parsed = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(parsed) ? fallback : parsed;
};

/** Another tool's annotation, as one of ours; a string is the reason it cannot be. */
function fromForeign(item: unknown, now: number): Annotation | string {
  const parsed = ForeignAnnotation.safeParse(item);
  if (!parsed.success) return firstIssue(parsed.error);
  const foreign = parsed.data;
  const target = typeof foreign.target === 'string' ? { source: foreign.target } : foreign.target;
  let page: ReturnType<typeof detectPage> = null;
  try {
    page = detectPage(new URL(target.source));
  } catch {
    return 'target: not a web address';
  }
  if (!page) return 'target: not a petition, consultation or Hansard debate page';
  const selectors = 'selector' in target ? [target.selector ?? []].flat() : [];
  const quote = selectors.map((s) => TextQuote.safeParse(s).data).find(Boolean);
  const position = selectors.map((s) => TextPosition.safeParse(s).data).find(Boolean);
  const bodies = [foreign.body ?? []]
    .flat()
    .map((body) => (typeof body === 'string' ? { value: body } : body));
  const tags = bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value ?? '');
  const note = bodies
    .filter((b) => b.purpose !== 'tagging' && b.value)
    .map((b) => b.value)
    .join('\n\n');
  const motivations = [foreign.motivation ?? []].flat();
  const kind = motivations.includes('bookmarking') ? 'bookmark' : quote ? 'highlight' : 'page-note';
  const candidate = {
    // A stable id from the foreign one, so importing the same file twice adds nothing.
    id: foreign.id
      ? `imported:${foreign.id}`
      : `imported:${now}:${Math.random().toString(36).slice(2)}`,
    kind,
    pageKey: page.key,
    pageUrl: target.source,
    pageTitle: null,
    pageKind: page.kind,
    target: quote
      ? {
          quote: {
            type: 'TextQuoteSelector',
            exact: quote.exact,
            prefix: quote.prefix ?? '',
            suffix: quote.suffix ?? '',
          },
          // Without a position, 0–0 never matches the quote, so anchoring searches for it.
          position: {
            type: 'TextPositionSelector',
            start: position?.start ?? 0,
            end: position?.end ?? 0,
          },
        }
      : null,
    ...(kind === 'bookmark'
      ? { bookmark: { label: note.slice(0, 80) || 'Imported bookmark', date: null } }
      : {}),
    note,
    tags,
    colour: 'yellow',
    createdAt: time(foreign.created, now),
    updatedAt: time(foreign.modified ?? foreign.created, now),
  };
  const valid = Annotation.safeParse(candidate);
  return valid.success ? valid.data : firstIssue(valid.error);
}

function fromItem(item: unknown, now: number): Annotation | string {
  // This extension's own export carries the whole record under its own term.
  if (item && typeof item === 'object' && Object.hasOwn(item, CIVIC_THREAD_TERM)) {
    const own = Annotation.safeParse((item as Record<string, unknown>)[CIVIC_THREAD_TERM]);
    return own.success ? own.data : firstIssue(own.error);
  }
  return fromForeign(item, now);
}

export function parseImport(
  text: string,
  existing: Annotation[],
  now: number,
): ImportPreview | { error: string } {
  if (text.length > MAX_IMPORT_BYTES) return { error: 'The file is larger than 20 MB.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'This file is not JSON, so it cannot hold Web Annotations.' };
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) {
    return {
      error:
        'This file holds no Web Annotations (an AnnotationCollection, an AnnotationPage or a list of annotations).',
    };
  }
  const data = envelope.data;
  const items = Array.isArray(data)
    ? data
    : data.type === 'AnnotationCollection'
      ? data.first.items
      : data.type === 'AnnotationPage'
        ? data.items
        : [json];
  const ids = new Set(existing.map((a) => a.id));
  const keys = new Set(existing.map(contentKey));
  const preview: ImportPreview = { annotations: [], duplicates: 0, invalid: [] };
  items.forEach((item, index) => {
    const read = fromItem(item, now);
    if (typeof read === 'string') {
      preview.invalid.push({ record: index + 1, reason: read });
      return;
    }
    const key = contentKey(read);
    if (ids.has(read.id) || keys.has(key)) {
      preview.duplicates++;
      return;
    }
    ids.add(read.id);
    keys.add(key);
    preview.annotations.push(read);
  });
  return preview;
}

/** "124 notes, 3 duplicates skipped, 2 invalid" */
export function describePreview(preview: ImportPreview): string {
  return [
    plural(preview.annotations.length, 'note', 'notes'),
    `${plural(preview.duplicates, 'duplicate', 'duplicates')} skipped`,
    `${preview.invalid.length} invalid`,
  ].join(', ');
}
