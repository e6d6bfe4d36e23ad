import type { PageKind } from '../pages/context';
import type { Annotation } from '../storage/records';
import type { ResponseDraft } from '../storage/response-draft';
import { hypothesisFile, toHypothesis } from './hypothesis';

/**
 * Exporters for the user's notes. Pure: annotations in, file text out.
 * Every format keeps the page URL, the quote, the note and the tags; the W3C
 * JSON-LD export keeps everything, so importing it restores each note exactly.
 */

export const EXPORT_FORMATS = {
  w3c: { label: 'W3C Web Annotation (JSON-LD)', extension: 'jsonld', type: 'application/ld+json' },
  hypothesis: { label: 'Hypothesis import (JSON)', extension: 'json', type: 'application/json' },
  markdown: { label: 'Markdown', extension: 'md', type: 'text/markdown' },
  csv: { label: 'CSV (spreadsheet)', extension: 'csv', type: 'text/csv' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** This extension's vocabulary: an IRI namespace, so JSON-LD readers keep what sits under it. */
export const CIVIC_THREAD_NS = 'https://civic-thread.invalid/ns#';
/** The term each W3C annotation carries this extension's whole record under. */
export const CIVIC_THREAD_TERM = 'civicThread';
/** Where exports before the term was defined kept the record (an IRI key a JSON-LD reader empties). */
export const LEGACY_CIVIC_THREAD_KEY = `${CIVIC_THREAD_NS}annotation`;

/**
 * The model's context, then ours: `civicThread` is an IRI whose value is a JSON literal
 * (JSON-LD 1.1 `@json`), so expanding the file keeps the record whole instead of dropping its
 * keys, which the model's context does not define.
 */
export const W3C_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  { [CIVIC_THREAD_TERM]: { '@id': `${CIVIC_THREAD_NS}record`, '@type': '@json' } },
];

/** A URN for any stored id: ids from other tools may hold spaces or other characters an IRI cannot. */
export const annotationIri = (id: string) => `urn:civic-thread:note:${encodeURIComponent(id)}`;

const MOTIVATION: Record<Annotation['kind'], string> = {
  highlight: 'highlighting',
  'page-note': 'commenting',
  bookmark: 'bookmarking',
};

/** The extension has no account: who wrote a note is a person it cannot name (model 3.3.2). */
const AUTHOR = { type: 'Person' } as const;

const iso = (ms: number) => new Date(ms).toISOString();

/** The selectors of a stored passage, as the model writes them (positions in code points). */
const selectors = (target: NonNullable<Annotation['target']>) => [target.quote, target.position];

function w3cAnnotation(a: Annotation) {
  const bodies = [
    ...(a.note
      ? [
          {
            type: 'TextualBody',
            value: a.note,
            format: 'text/plain',
            purpose: 'commenting',
            creator: AUTHOR,
            created: iso(a.createdAt),
            modified: iso(a.updatedAt),
          },
        ]
      : []),
    ...a.tags.map((tag) => ({
      type: 'TextualBody',
      value: tag,
      format: 'text/plain',
      purpose: 'tagging',
      creator: AUTHOR,
    })),
  ];
  return {
    '@context': W3C_CONTEXT,
    id: annotationIri(a.id),
    type: 'Annotation',
    // What the user did: a bookmark stays a bookmark with a note (the note's body says commenting).
    motivation: a.kind === 'bookmark' || !a.note ? MOTIVATION[a.kind] : 'commenting',
    creator: AUTHOR,
    created: iso(a.createdAt),
    modified: iso(a.updatedAt),
    // The model has no empty body: a bare highlight or bookmark has none.
    ...(bodies.length ? { body: bodies.length === 1 ? bodies[0] : bodies } : {}),
    // A page note is about the whole page: the page as an External Web Resource.
    target: a.target
      ? { source: a.pageUrl, format: 'text/html', selector: selectors(a.target) }
      : { id: a.pageUrl, format: 'text/html' },
    [CIVIC_THREAD_TERM]: a,
  };
}

/**
 * `JSON.stringify(build(items), null, 2)`, written one item at a time: the same text, but a
 * hundred thousand notes never become one giant string or one long task (the caller joins the
 * parts into a Blob, yielding between them).
 */
function* jsonWithList<T>(
  build: (list: unknown[]) => unknown,
  items: T[],
  write: (item: T) => unknown,
): Generator<string> {
  if (items.length === 0) {
    yield JSON.stringify(build([]), null, 2);
    return;
  }
  // A string no item can contain marks where the list goes; the text around it is the frame.
  const slot = JSON.stringify('\u0000list');
  const [head = '', tail = ''] = JSON.stringify(build([JSON.parse(slot)]), null, 2).split(slot);
  const indent = head.slice(head.lastIndexOf('\n'));
  yield head;
  let separator = '';
  for (const item of items) {
    yield separator + JSON.stringify(write(item), null, 2).replaceAll('\n', indent);
    separator = `,${indent}`;
  }
  yield tail;
}

/**
 * The collection itself carries what is no annotation under our term: the consultation response
 * drafts, whole, so an import restores them as they were.
 */
export function* w3cParts(
  annotations: Annotation[],
  now: number,
  responses: ResponseDraft[] = [],
): Generator<string> {
  const id = `urn:civic-thread:export:${now}`;
  const page = `${id}:page:1`;
  yield* jsonWithList(
    (items) => ({
      '@context': W3C_CONTEXT,
      id,
      type: 'AnnotationCollection',
      label: 'Civic Thread notes',
      generated: iso(now),
      total: annotations.length,
      ...(responses.length ? { [CIVIC_THREAD_TERM]: { responses } } : {}),
      // One page holds every note; a collection with nothing in it has no pages (model 5.1).
      ...(annotations.length
        ? {
            first: { id: page, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
            last: page,
          }
        : {}),
    }),
    annotations,
    w3cAnnotation,
  );
}

/**
 * Hypothesis's own export format (`JSONExportContent`, see `hypothesis.ts`), for one page's notes:
 * Hypothesis imports a file into the page that is open, so the library asks which page.
 */
export function* hypothesisParts(annotations: Annotation[], now: number): Generator<string> {
  yield* jsonWithList((list) => hypothesisFile(list, now), annotations, toHypothesis);
}

const KIND_NAME: Record<PageKind, string> = {
  petition: 'Petition',
  consultation: 'Consultation',
  debate: 'Hansard debate',
};

/** Markdown for anything a reader might paste it into: no raw HTML, no stray link syntax. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (char) => `\\${char}`);
}

export function* markdownParts(annotations: Annotation[]): Generator<string> {
  const pages = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const items = pages.get(a.pageKey);
    if (items) items.push(a);
    else pages.set(a.pageKey, [a]);
  }
  yield '# Civic Thread notes\n\n';
  let separator = '';
  for (const items of pages.values()) {
    const [first] = items;
    if (!first) continue;
    const title = escapeMarkdown(first.pageTitle ?? first.pageUrl);
    yield `${separator}## [${title}](<${first.pageUrl}>)\n\n*${KIND_NAME[first.pageKind]}*\n`;
    separator = '\n';
    for (const a of items) {
      const lines: string[] = [];
      if (a.bookmark) lines.push(`**Bookmark: ${escapeMarkdown(a.bookmark.label)}**`, '');
      if (a.target) {
        lines.push(
          ...a.target.quote.exact.split(/\r?\n/).map((line) => `> ${escapeMarkdown(line)}`),
          '',
        );
      }
      if (a.note) lines.push(escapeMarkdown(a.note), '');
      if (a.tags.length) lines.push(`Tags: ${a.tags.map(escapeMarkdown).join(', ')}`, '');
      lines.push(`_Saved ${iso(a.updatedAt).slice(0, 10)}_`, '');
      yield `\n${lines.join('\n')}`;
    }
  }
}

/** A cell a spreadsheet will not run: formulas are defused with a leading apostrophe (OWASP). */
export function csvCell(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) || defused !== value
    ? `"${defused.replace(/"/g, '""')}"`
    : defused;
}

const CSV_COLUMNS = [
  'id',
  'type',
  'page_kind',
  'page_title',
  'page_url',
  'quote',
  'note',
  'tags',
  'colour',
  'created',
  'updated',
] as const;

function* csvParts(annotations: Annotation[]): Generator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for (const a of annotations) {
    const row = [
      a.id,
      a.kind,
      a.pageKind,
      a.pageTitle ?? '',
      a.pageUrl,
      a.target?.quote.exact ?? '',
      a.note,
      a.tags.join('; '),
      a.colour,
      iso(a.createdAt),
      iso(a.updatedAt),
    ];
    yield `${row.map(csvCell).join(',')}\r\n`;
  }
}

/**
 * The export's text in parts, about one per note, so the library can build a Blob from them
 * in short tasks; joined, they are the file.
 */
export function exportParts(
  format: ExportFormat,
  annotations: Annotation[],
  now: number,
  responses: ResponseDraft[] = [],
): Generator<string> {
  switch (format) {
    case 'w3c':
      return w3cParts(annotations, now, responses);
    case 'hypothesis':
      return hypothesisParts(annotations, now);
    case 'markdown':
      return markdownParts(annotations);
    case 'csv':
      return csvParts(annotations);
  }
}

export const exportAs = (
  format: ExportFormat,
  annotations: Annotation[],
  now: number,
  responses: ResponseDraft[] = [],
): string => [...exportParts(format, annotations, now, responses)].join('');
