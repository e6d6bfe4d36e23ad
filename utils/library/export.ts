import type { PageKind } from '../pages/context';
import type { Annotation } from '../storage/records';

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

/** Where this extension's own fields live inside a W3C annotation. */
export const CIVIC_THREAD_TERM = 'https://civic-thread.invalid/ns#annotation';

const MOTIVATION: Record<Annotation['kind'], string> = {
  highlight: 'highlighting',
  'page-note': 'commenting',
  bookmark: 'bookmarking',
};

const iso = (ms: number) => new Date(ms).toISOString();

function w3cAnnotation(a: Annotation) {
  return {
    id: `urn:civic-thread:${a.id}`,
    type: 'Annotation',
    motivation: a.note ? 'commenting' : MOTIVATION[a.kind],
    created: iso(a.createdAt),
    modified: iso(a.updatedAt),
    body: [
      ...(a.note
        ? [{ type: 'TextualBody', value: a.note, format: 'text/plain', purpose: 'commenting' }]
        : []),
      ...a.tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' })),
    ],
    target: a.target
      ? { source: a.pageUrl, selector: [a.target.quote, a.target.position] }
      : { source: a.pageUrl },
    [CIVIC_THREAD_TERM]: a,
  };
}

export function toW3C(annotations: Annotation[], now: number): string {
  return JSON.stringify(
    {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:civic-thread:export:${now}`,
      type: 'AnnotationCollection',
      label: 'Civic Thread notes',
      generated: iso(now),
      total: annotations.length,
      first: { type: 'AnnotationPage', startIndex: 0, items: annotations.map(w3cAnnotation) },
    },
    null,
    2,
  );
}

/** Hypothesis's import format: the fields its importer keeps (uri, text, tags, target, document, dates). */
export function toHypothesis(annotations: Annotation[]): string {
  return JSON.stringify(
    {
      annotations: annotations.map((a) => ({
        uri: a.pageUrl,
        text: a.note,
        tags: a.tags,
        target: [
          a.target
            ? { source: a.pageUrl, selector: [a.target.quote, a.target.position] }
            : { source: a.pageUrl },
        ],
        document: { title: a.pageTitle ? [a.pageTitle] : [] },
        created: iso(a.createdAt),
        updated: iso(a.updatedAt),
      })),
    },
    null,
    2,
  );
}

const KIND_NAME: Record<PageKind, string> = {
  petition: 'Petition',
  consultation: 'Consultation',
  debate: 'Hansard debate',
};

/** Markdown for anything a reader might paste it into: no raw HTML, no stray link syntax. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (char) => `\\${char}`);
}

export function toMarkdown(annotations: Annotation[]): string {
  const pages = new Map<string, Annotation[]>();
  for (const a of annotations) pages.set(a.pageKey, [...(pages.get(a.pageKey) ?? []), a]);
  const sections = [...pages.values()].map((items) => {
    const [first] = items;
    if (!first) return '';
    const title = escapeMarkdown(first.pageTitle ?? first.pageUrl);
    const lines = [`## [${title}](<${first.pageUrl}>)`, '', `*${KIND_NAME[first.pageKind]}*`, ''];
    for (const a of items) {
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
    }
    return lines.join('\n');
  });
  return `# Civic Thread notes\n\n${sections.join('\n')}`;
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

export function toCsv(annotations: Annotation[]): string {
  const rows = annotations.map((a) =>
    [
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
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export function exportAs(format: ExportFormat, annotations: Annotation[], now: number): string {
  switch (format) {
    case 'w3c':
      return toW3C(annotations, now);
    case 'hypothesis':
      return toHypothesis(annotations);
    case 'markdown':
      return toMarkdown(annotations);
    case 'csv':
      return toCsv(annotations);
  }
}
