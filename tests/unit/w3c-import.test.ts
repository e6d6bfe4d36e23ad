import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describe as describeSelectors } from '../../utils/annotations/selectors';
import { exportAs } from '../../utils/library/export';
import { createImportReader, parseImport } from '../../utils/library/import';
import { contentKey } from '../../utils/storage/annotation-store';
import type { Annotation } from '../../utils/storage/records';
import { SUITE } from './w3c-suite';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const SAMPLES = resolve(SUITE, 'tools/samples');
const samples = (kind: 'correct' | 'incorrect') =>
  readdirSync(resolve(SAMPLES, kind))
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ file, text: readFileSync(resolve(SAMPLES, kind, file), 'utf8') }));

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The suite's samples annotate example.org; the importer takes only supported pages, so each
 * distinct target address is moved onto a petition page of its own (the rest is unchanged).
 */
function onSupportedPages(json: unknown): { json: unknown; annotations: number } {
  const pages = new Map<string, string>();
  const move = (href: string) => {
    if (!pages.has(href))
      pages.set(href, `https://petition.parliament.uk/petitions/${700001 + pages.size}`);
    return pages.get(href) as string;
  };
  const retarget = (target: unknown): unknown => {
    if (typeof target === 'string') return move(target);
    if (Array.isArray(target)) return target.map(retarget);
    if (!isObject(target)) return target;
    if (Array.isArray(target.items)) return { ...target, items: target.items.map(retarget) };
    if (typeof target.source === 'string') return { ...target, source: move(target.source) };
    if (typeof target.id === 'string') return { ...target, id: move(target.id) };
    return target;
  };
  let annotations = 0;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!isObject(value)) return value;
    const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    if ([value.type].flat().includes('Annotation')) {
      annotations++;
      if ('target' in value) out.target = retarget(value.target);
    }
    return out;
  };
  return { json: walk(json), annotations };
}

describe('the W3C suite’s samples through the importer', () => {
  it.each(samples('correct'))('reads every annotation of the correct sample $file', ({
    file,
    text,
  }) => {
    const { json, annotations } = onSupportedPages(JSON.parse(text));
    const preview = parseImport(JSON.stringify(json), [], NOW);
    if (annotations === 0) {
      // A collection whose pages live elsewhere (the model's example 41): said so, not read as empty.
      expect(preview, file).toEqual({
        error: expect.stringMatching(/first page is "http:\/\/example\.org\/page1"/),
      });
      return;
    }
    if ('error' in preview) throw new Error(`${file}: ${preview.error}`);
    expect(preview.invalid, file).toEqual([]);
    expect(preview.annotations.length + preview.duplicates, file).toBe(annotations);
    // Nothing silent: what was left out is said in words a person reads, with the record it was in.
    for (const { what } of preview.simplified) expect(what).toMatch(/^[\w@.[\] ]+: \S/);
  });

  it.each(
    samples('incorrect'),
  )('refuses the incorrect sample $file, saying which field and what was expected', ({
    file,
    text,
  }) => {
    let input = text;
    try {
      input = JSON.stringify(onSupportedPages(JSON.parse(text)).json);
    } catch {
      // Not JSON at all: the file as it is.
    }
    const preview = parseImport(input, [], NOW);
    if ('error' in preview) {
      expect(preview.error, file).toMatch(/is not JSON|holds no Web Annotations/);
      return;
    }
    expect(preview.annotations, file).toEqual([]);
    expect(preview.invalid.length, file).toBeGreaterThan(0);
    for (const { reason } of preview.invalid) {
      expect(reason, file).toMatch(/^[\w@.[\]]+: expected .+, found /);
      expect(reason).not.toMatch(/Invalid input/);
    }
  });
});

const PETITION = 'https://petition.parliament.uk/petitions/701234';
const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const read = (value: unknown) => {
  const preview = parseImport(JSON.stringify(value), [], NOW);
  if ('error' in preview) throw new Error(preview.error);
  return preview;
};
const quoted = {
  source: PETITION,
  selector: { type: 'TextQuoteSelector', exact: 'ring-fenced funding' },
};

describe('the importer reads the model’s shapes and says what it simplified', () => {
  it('keeps an IRI body out of the note, and says so', () => {
    const preview = read({
      '@context': CONTEXT,
      type: 'Annotation',
      body: 'http://example.org/post1',
      target: quoted,
    });
    expect(preview.annotations[0]).toMatchObject({ kind: 'highlight', note: '' });
    expect(preview.simplified).toEqual([
      {
        record: 1,
        what: 'body: the linked resource "http://example.org/post1" is not text, so it was left out',
      },
    ]);
  });

  it('reads bodyValue as the note, type and purpose as lists, targets as {id} or lists', () => {
    const preview = read({
      '@context': CONTEXT,
      type: 'AnnotationPage',
      items: [
        { type: ['Annotation'], bodyValue: 'Comment text', target: { id: PETITION, type: 'Text' } },
        {
          type: 'Annotation',
          body: [
            { type: ['TextualBody'], value: 'send', purpose: ['tagging'] },
            { type: 'TextualBody', value: 'Ring-fenced?', purpose: ['commenting', 'questioning'] },
          ],
          target: [quoted, 'https://example.org/elsewhere'],
        },
      ],
    });
    expect(preview.invalid).toEqual([]);
    expect(preview.annotations).toEqual([
      expect.objectContaining({ kind: 'page-note', note: 'Comment text', pageUrl: PETITION }),
      expect.objectContaining({ kind: 'highlight', note: 'Ring-fenced?', tags: ['send'] }),
    ]);
    expect(preview.simplified.map((s) => s.what)).toEqual([
      'bodyValue: read as the text of the note',
      `target: the annotation is about 2 resources; only ${PETITION} was kept`,
    ]);
  });

  it('lists a nested selector, a Choice body and a date it cannot read, and uses the import time for it', () => {
    const preview = read({
      '@context': CONTEXT,
      type: 'Annotation',
      created: '2016-12-31T23:59:60Z',
      body: {
        type: 'Choice',
        items: [
          { type: 'TextualBody', value: 'English' },
          { type: 'TextualBody', value: 'Cymraeg' },
        ],
      },
      target: {
        source: PETITION,
        selector: { type: 'FragmentSelector', value: 'para5', refinedBy: quoted.selector },
      },
    });
    expect(preview.annotations[0]).toMatchObject({
      kind: 'highlight',
      note: 'English',
      createdAt: NOW,
    });
    expect(preview.simplified.map((s) => s.what)).toEqual([
      'selector: the TextQuoteSelector inside a FragmentSelector was kept, the FragmentSelector left out',
      'body: a Choice of 2; only the first was kept',
      'created: "2016-12-31T23:59:60Z" is not a date that can be read, so the import time is used',
    ]);
  });

  it('reads every page of a collection held in one file, cut at any point, and says when pages are elsewhere', () => {
    const item = (note: string) => ({ type: 'Annotation', bodyValue: note, target: PETITION });
    const file = JSON.stringify({
      '@context': CONTEXT,
      type: 'AnnotationCollection',
      total: 4,
      first: {
        type: 'AnnotationPage',
        items: [item('one')],
        next: {
          type: 'AnnotationPage',
          items: [item('two')],
          next: {
            type: 'AnnotationPage',
            items: [item('three')],
            next: 'https://example.org/page4',
          },
        },
      },
    });
    const whole = parseImport(file, [], NOW);
    if ('error' in whole) throw new Error(whole.error);
    expect(whole.annotations.map((a) => a.note)).toEqual(['one', 'two', 'three']);
    expect(whole.simplified[0]).toEqual({
      record: 0,
      what: 'next: the collection\'s pages from "https://example.org/page4" on are not in this file, so only the 3 pages in it were read',
    });
    for (let size = 1; size < 7; size++) {
      const reader = createImportReader(NOW);
      for (let at = 0; at < file.length; at += size) reader.push(file.slice(at, at + size));
      expect(reader.finish()).toEqual(whole);
    }
  });

  it('refuses items with no model context anywhere, naming it', () => {
    const preview = read({
      type: 'AnnotationPage',
      items: [{ type: 'Annotation', target: PETITION }],
    });
    expect(preview.invalid).toEqual([
      {
        record: 1,
        reason: `@context: expected "${CONTEXT}" on the annotation or the file, found none`,
      },
    ]);
  });

  it('counts the same note with other tags as another note', () => {
    const base = JSON.parse(exportAs('w3c', [], NOW));
    expect(base.total).toBe(0);
    const a = {
      id: 'a',
      kind: 'page-note',
      pageKey: 'petition:701234',
      pageUrl: PETITION,
      pageTitle: null,
      pageKind: 'petition',
      target: null,
      note: 'Same words',
      tags: ['funding'],
      colour: 'yellow',
      createdAt: 1,
      updatedAt: 1,
    } satisfies Annotation;
    const b = { ...a, id: 'b', tags: ['training'] };
    expect(contentKey(a)).not.toBe(contentKey(b));
    expect(contentKey(a)).toBe(contentKey({ ...a, id: 'c' }));
    expect(parseImport(exportAs('w3c', [b], NOW), [a], NOW)).toMatchObject({
      annotations: [b],
      duplicates: 0,
    });
  });
});

describe('stored selectors', () => {
  it('never cut a prefix or suffix through a surrogate pair', () => {
    // The 32-unit cuts fall on the second half of the first emoji and the first half of the last.
    const text = `😀${'a'.repeat(31)}EHCP waits${'b'.repeat(31)}😀 after`;
    const start = text.indexOf('EHCP');
    const { quote } = describeSelectors(text, start, start + 'EHCP waits'.length);
    expect(quote.prefix).toBe(`😀${'a'.repeat(31)}`);
    expect(quote.suffix).toBe('b'.repeat(31));
    expect(quote.prefix.isWellFormed() && quote.suffix.isWellFormed()).toBe(true);
  });
});

describe('exports from before the JSON-LD-safe term', () => {
  it('still import exactly, from the IRI key they kept the record under', () => {
    const record: Annotation = {
      id: 'old-1',
      kind: 'page-note',
      pageKey: 'petition:701234',
      pageUrl: PETITION,
      pageTitle: 'A petition',
      pageKind: 'petition',
      target: null,
      note: 'Saved last year',
      tags: ['send'],
      colour: 'pink',
      createdAt: 1,
      updatedAt: 2,
    };
    const old = {
      '@context': CONTEXT,
      type: 'AnnotationCollection',
      total: 1,
      first: {
        type: 'AnnotationPage',
        startIndex: 0,
        items: [
          {
            id: 'urn:civic-thread:old-1',
            type: 'Annotation',
            body: [],
            target: { source: PETITION },
            'https://civic-thread.invalid/ns#annotation': record,
          },
        ],
      },
    };
    expect(parseImport(JSON.stringify(old), [], NOW)).toEqual({
      annotations: [record],
      duplicates: 0,
      invalid: [],
      simplified: [],
      responses: [],
    });
  });
});
