import { plural } from '../plural';
import { contentKey } from '../storage/annotation-store';
import type { Annotation } from '../storage/records';
import { ResponseDraft } from '../storage/response-draft';
import { CIVIC_THREAD_TERM, LEGACY_CIVIC_THREAD_KEY } from './export';
import { readHypothesis } from './hypothesis';
import {
  finish,
  hasModelContext,
  isObject,
  MODEL_CONTEXT,
  type Read,
  readW3c,
  shown,
} from './read-w3c';

/**
 * Reads a W3C Web Annotation file (this extension's own export, or another tool's) or a
 * Hypothesis export into annotations, without writing anything: the library shows the preview,
 * then writes the valid ones in batches (`inBatches` in `chunked.ts`).
 */

export interface ImportPreview {
  annotations: Annotation[];
  /** Already stored, or repeated in the file. */
  duplicates: number;
  /** Each record that could not be read: its position in the file (from 1) and why. */
  invalid: { record: number; reason: string }[];
  /** What was read with something left out or changed: the record (0: the file as a whole) and what. */
  simplified: { record: number; what: string }[];
  /** Consultation response drafts this extension's own export carries on the collection. */
  responses: ResponseDraft[];
}

/** The drafts under our term on the file itself; one that no longer validates is reported. */
function ownResponses(json: unknown, preview: ImportPreview): void {
  const own = isObject(json) ? json[CIVIC_THREAD_TERM] : undefined;
  const list = isObject(own) && Array.isArray(own.responses) ? own.responses : [];
  list.forEach((row: unknown, index) => {
    const parsed = ResponseDraft.safeParse(row);
    if (parsed.success) preview.responses.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      preview.simplified.push({
        record: 0,
        what: `response draft ${index + 1} left out: ${issue?.path.join('.') || 'the draft'}: ${issue?.message ?? 'unreadable'}`,
      });
    }
  });
}

/** This extension's own record, under its term (or the key older exports used). */
function ownRecord(item: unknown): Read | string | null {
  if (!item || typeof item !== 'object') return null;
  const key = [CIVIC_THREAD_TERM, LEGACY_CIVIC_THREAD_KEY].find((k) => Object.hasOwn(item, k));
  if (!key) return null;
  return finish((item as Record<string, unknown>)[key], []);
}

const NOT_JSON = 'This file is not JSON, so it cannot hold Web Annotations.';
const NO_ANNOTATIONS =
  'This file holds no Web Annotations (an AnnotationCollection, an AnnotationPage or a list of annotations) and is no Hypothesis export.';
/** Text outside the list of annotations is kept whole and parsed at the end; only it is capped. */
export const MAX_FRAME_CHARS = 20 * 1024 * 1024;

/**
 * Where a list of annotations sits: a bare array, an AnnotationPage's, each embedded page of a
 * collection (its first page, that page's next, …), or a Hypothesis export's.
 */
const isListPath = (path: string) =>
  path === '' || path === 'items' || path === 'annotations' || /^first(\.next)*\.items$/.test(path);

/**
 * The lists a file's envelope says it holds, and what it says is elsewhere; a string when the
 * envelope is no file of annotations.
 */
interface Expected {
  paths: string[];
  /** What the file says is not in it. */
  elsewhere: string | null;
  /** The file is one annotation. */
  single?: true;
}

function expectedLists(json: unknown): Expected | string {
  if (Array.isArray(json)) return { paths: [''], elsewhere: null };
  if (!isObject(json)) return NO_ANNOTATIONS;
  // Hypothesis's own check on its files (hypothesis/client src/sidebar/helpers/import.ts).
  if (Array.isArray(json.annotations)) return { paths: ['annotations'], elsewhere: null };
  const types = [json.type].flat();
  if (types.includes('AnnotationPage')) {
    const next = typeof json.next === 'string' ? json.next : null;
    return {
      paths: ['items'],
      elsewhere:
        next &&
        `next: this is one page of a collection; its next page, ${shown(next)}, is not in this file`,
    };
  }
  if (!types.includes('AnnotationCollection')) {
    // One annotation is the whole file (the model's checks say what is wrong with it).
    const annotationLike = ['type', '@context', 'target', 'body', 'bodyValue'].some(
      (k) => k in json,
    );
    return annotationLike ? { paths: [], elsewhere: null, single: true } : NO_ANNOTATIONS;
  }
  // An empty collection has no pages.
  if (json.first === undefined && json.total === 0) return { paths: [], elsewhere: null };
  const paths: string[] = [];
  let page: unknown = json.first;
  let path = 'first';
  while (isObject(page)) {
    paths.push(`${path}.items`);
    page = page.next;
    path += '.next';
  }
  if (typeof page !== 'string') return { paths, elsewhere: null };
  if (paths.length === 0) {
    return `This file describes a collection whose annotations are elsewhere (its first page is ${shown(page)}); a file holding its pages can be imported.`;
  }
  return {
    paths,
    elsewhere: `next: the collection's pages from ${shown(page)} on are not in this file, so only the ${plural(paths.length, 'page', 'pages')} in it were read`,
  };
}

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
  const preview: ImportPreview = {
    annotations: [],
    duplicates: 0,
    invalid: [],
    simplified: [],
    responses: [],
  };
  const ids = new Set<string>();
  const keys = new Set<string>();
  const stack: Frame[] = [];
  const frame: string[] = [];
  let frameChars = 0;
  /** Every list read item by item, and the one being read. */
  const lists: string[] = [];
  /** Records read on the strength of the envelope's @context: refused at the end if it has none. */
  const leaning: { record: number; annotation: Annotation }[] = [];
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
    const path = lists.at(-1) ?? null;
    const ownContext = isObject(value) && hasModelContext(value['@context']);
    const own = ownRecord(value);
    const read =
      own ??
      (path === 'annotations'
        ? readHypothesis(value, now)
        : // Inside a page or collection, the envelope's context applies (checked at the end).
          readW3c(value, ownContext || (path !== null && path !== ''), now));
    if (typeof read === 'string') return void preview.invalid.push({ record, reason: read });
    const { annotation, simplified } = read;
    const contentOf = contentKey(annotation);
    if (ids.has(annotation.id) || keys.has(contentOf)) return void preview.duplicates++;
    ids.add(annotation.id);
    keys.add(contentOf);
    preview.annotations.push(annotation);
    for (const what of simplified) preview.simplified.push({ record, what });
    if (!own && !ownContext && path && path !== 'annotations') {
      leaning.push({ record, annotation });
    }
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
          if (!inList && path !== null && isListPath(path)) {
            lists.push(path);
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
      const expected = expectedLists(json);
      if (typeof expected === 'string') return { error: expected };
      // A single annotation is the whole file; lists must be the ones the envelope names.
      if (expected.single && lists.length === 0) take(json, 1);
      else if (
        expected.paths.length !== lists.length ||
        expected.paths.some((path) => !lists.includes(path))
      ) {
        return { error: NO_ANNOTATIONS };
      }
      if (expected.elsewhere) preview.simplified.unshift({ record: 0, what: expected.elsewhere });
      ownResponses(json, preview);
      if (leaning.length && !(isObject(json) && hasModelContext(json['@context']))) {
        const refused = new Set(leaning.map((l) => l.annotation));
        preview.annotations = preview.annotations.filter((a) => !refused.has(a));
        preview.simplified = preview.simplified.filter(
          (s) => !leaning.some((l) => l.record === s.record),
        );
        for (const { record } of leaning) {
          preview.invalid.push({
            record,
            reason: `@context: expected "${MODEL_CONTEXT}" on the annotation or the file, found ${shown(isObject(json) ? json['@context'] : undefined)}`,
          });
        }
        preview.invalid.sort((a, b) => a.record - b.record);
      }
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

/** "124 notes, 3 duplicates skipped, 2 invalid, 5 simplified (listed below)" */
export function describePreview(preview: ImportPreview): string {
  return [
    plural(preview.annotations.length, 'note', 'notes'),
    ...(preview.responses.length
      ? [plural(preview.responses.length, 'response draft', 'response drafts')]
      : []),
    `${plural(preview.duplicates, 'duplicate', 'duplicates')} skipped`,
    `${preview.invalid.length} invalid`,
    ...(preview.simplified.length
      ? [`${preview.simplified.length} simplified (listed below)`]
      : []),
  ].join(', ');
}
