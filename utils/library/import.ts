import { detectPage } from '../pages/registry';
import { plural } from '../plural';
import { contentKey } from '../storage/annotation-store';
import { Annotation } from '../storage/records';
import { z } from '../zod';
import { CIVIC_THREAD_TERM } from './export';

/**
 * Reads a W3C Web Annotation file (this extension's own export, or another
 * tool's) into annotations, without writing anything: the library shows the
 * preview, then writes the valid ones in batches (`inBatches` in `chunked.ts`).
 */

export interface ImportPreview {
  annotations: Annotation[];
  /** Already stored, or repeated in the file. */
  duplicates: number;
  /** Each record that could not be read: its position in the file (from 1) and why. */
  invalid: { record: number; reason: string }[];
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

const NOT_JSON = 'This file is not JSON, so it cannot hold Web Annotations.';
const NO_ANNOTATIONS =
  'This file holds no Web Annotations (an AnnotationCollection, an AnnotationPage or a list of annotations).';
/** Text outside the list of annotations is kept whole and parsed at the end; only it is capped. */
export const MAX_FRAME_CHARS = 20 * 1024 * 1024;

/** Where a list of annotations sits: a bare array, an AnnotationPage's or a collection's first page's. */
type ListPath = '' | 'items' | 'first.items';
const LIST_PATHS: readonly string[] = ['', 'items', 'first.items'] satisfies ListPath[];

interface Frame {
  array: boolean;
  /** An object's latest key. */
  key: string | null;
}

const WHITESPACE = new Set([' ', '\n', '\r', '\t']);

/**
 * Reads an import file piece by piece (`push` each piece of text as it arrives, then `finish`),
 * so a file of any size is read without one long task or one giant string. A small scanner of
 * our own for now (a well-kept streaming JSON parser should replace it): it tracks strings and
 * brackets only, cuts the annotations list into its items and
 * `JSON.parse`s each one on its own, and keeps the text around the list (the envelope) to parse
 * at the end. The file format is unchanged: plain JSON, as any tool writes it.
 */
export function createImportReader(now: number) {
  const preview: ImportPreview = { annotations: [], duplicates: 0, invalid: [] };
  const ids = new Set<string>();
  const keys = new Set<string>();
  const stack: Frame[] = [];
  const frame: string[] = [];
  let frameChars = 0;
  let listPath: ListPath | null = null;
  /** How deep the list's items sit (the list and its parents), once the list is found. */
  let listDepth = 0;
  let inList = false;
  let inString = false;
  let escaped = false;
  /** The key being read, while the scanner is inside an object key. */
  let key: string | null = null;
  let expectKey = false;
  /** The text of the item being read (from a previous piece), or null between items. */
  let item: string | null = null;
  let afterComma = false;
  let records = 0;
  let failed: string | null = null;

  const take = (value: unknown, record: number) => {
    const read = fromItem(value, now);
    if (typeof read === 'string') return void preview.invalid.push({ record, reason: read });
    const contentOf = contentKey(read);
    if (ids.has(read.id) || keys.has(contentOf)) return void preview.duplicates++;
    ids.add(read.id);
    keys.add(contentOf);
    preview.annotations.push(read);
  };
  const endItem = (text: string) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      failed = NOT_JSON;
      return;
    }
    take(value, ++records);
  };
  const keepFrame = (text: string) => {
    frameChars += text.length;
    if (frameChars > MAX_FRAME_CHARS) {
      failed = 'This file is too large to read: its annotations are not in a list.';
    }
    frame.push(text);
  };

  return {
    /** Notes already stored: the preview counts them as duplicates. */
    know(existing: Annotation[]) {
      for (const a of existing) {
        ids.add(a.id);
        keys.add(contentKey(a));
      }
    },
    /** Items read so far. */
    get records() {
      return records;
    },
    push(piece: string) {
      if (failed) return;
      const text = (item ?? '') + piece;
      let itemStart = item === null ? -1 : 0;
      let frameStart = inList ? -1 : 0;
      for (let i = item?.length ?? 0; i < text.length && !failed; i++) {
        const char = text[i] as string;
        if (inString) {
          if (escaped) escaped = false;
          else if (char === '\\') escaped = true;
          else if (char === '"') {
            inString = false;
            const top = stack.at(-1);
            if (key !== null && top) top.key = key;
            key = null;
          } else if (key !== null) key += char;
          continue;
        }
        const top = stack.at(-1);
        // Between the list's items: cut them apart.
        if (inList && stack.length === listDepth) {
          if (char === ',' || char === ']') {
            if (itemStart >= 0) endItem(text.slice(itemStart, i));
            else if (afterComma || char === ',') failed = NOT_JSON;
            itemStart = -1;
            afterComma = char === ',';
            if (char === ']') {
              stack.pop();
              inList = false;
              frameStart = i;
            }
            continue;
          }
          if (itemStart < 0 && !WHITESPACE.has(char)) itemStart = i;
        }
        if (char === '"') {
          inString = true;
          if (top && !top.array && expectKey) {
            key = '';
            expectKey = false;
          }
        } else if (char === '{') {
          stack.push({ array: false, key: null });
          expectKey = true;
        } else if (char === '[') {
          const path = stack.every((f) => !f.array) ? stack.map((f) => f.key).join('.') : null;
          stack.push({ array: true, key: null });
          if (listPath === null && path !== null && LIST_PATHS.includes(path)) {
            listPath = path as ListPath;
            listDepth = stack.length;
            inList = true;
            afterComma = false;
            keepFrame(text.slice(frameStart, i + 1));
            frameStart = -1;
          }
        } else if (char === '}' || char === ']') {
          if (!top || top.array !== (char === ']')) failed = NOT_JSON;
          stack.pop();
        } else if (char === ',' && top && !top.array) expectKey = true;
      }
      if (failed) return;
      if (frameStart >= 0) keepFrame(text.slice(frameStart));
      item = itemStart >= 0 ? text.slice(itemStart) : null;
    },
    finish(): ImportPreview | { error: string } {
      if (failed) return { error: failed };
      if (inString || stack.length > 0) return { error: NOT_JSON };
      let json: unknown;
      try {
        json = JSON.parse(frame.join(''));
      } catch {
        return { error: NOT_JSON };
      }
      const envelope = Envelope.safeParse(json);
      if (!envelope.success) return { error: NO_ANNOTATIONS };
      const data = envelope.data;
      const expected: ListPath | null = Array.isArray(data)
        ? ''
        : data.type === 'AnnotationCollection'
          ? 'first.items'
          : data.type === 'AnnotationPage'
            ? 'items'
            : null;
      // A single annotation is the whole file; a list must be the one that was read item by item.
      if (expected === null && listPath === null) take(json, 1);
      else if (expected !== listPath) return { error: NO_ANNOTATIONS };
      return preview;
    },
  };
}

/** The whole text at once (tests, small files): the same reader as a file read piece by piece. */
export function parseImport(
  text: string,
  existing: Annotation[],
  now: number,
): ImportPreview | { error: string } {
  const reader = createImportReader(now);
  reader.know(existing);
  reader.push(text);
  return reader.finish();
}

/** "124 notes, 3 duplicates skipped, 2 invalid" */
export function describePreview(preview: ImportPreview): string {
  return [
    plural(preview.annotations.length, 'note', 'notes'),
    `${plural(preview.duplicates, 'duplicate', 'duplicates')} skipped`,
    `${preview.invalid.length} invalid`,
  ].join(', ');
}
