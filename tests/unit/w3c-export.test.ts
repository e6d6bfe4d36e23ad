import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { CIVIC_THREAD_NS, CIVIC_THREAD_TERM, exportAs } from '../../utils/library/export';
import { parseImport } from '../../utils/library/import';
import type { Annotation } from '../../utils/storage/records';
import { sampleDraft } from '../respond-sample';
import { failedMustsAndShoulds, runSuiteTest, SUITE } from './w3c-suite';

const NOW = Date.parse('2026-11-23T12:00:00Z');

const base = {
  pageKey: 'petition:701234',
  pageUrl: 'https://petition.parliament.uk/petitions/701234',
  pageTitle: 'Fund SEND support in every school',
  pageKind: 'petition',
  colour: 'yellow',
  createdAt: NOW - 120_000,
  updatedAt: NOW - 60_000,
} as const;
const passage = (exact: string, start: number) =>
  ({
    quote: { type: 'TextQuoteSelector', exact, prefix: 'the ', suffix: ' for' },
    position: { type: 'TextPositionSelector', start, end: start + [...exact].length },
  }) as const;

/** One of every kind of record the extension keeps. */
const LIBRARY: Annotation[] = [
  {
    ...base,
    id: 'h1',
    kind: 'highlight',
    target: passage('ring-fenced funding', 40),
    note: '',
    tags: [],
  },
  {
    ...base,
    id: 'h2',
    kind: 'highlight',
    target: passage('EHCP 😀 waits', 90),
    note: 'Astral 𝒳 note',
    tags: ['funding', 'send 🎒'],
    colour: 'green',
    revision: 3,
  },
  {
    ...base,
    id: 'p1',
    kind: 'page-note',
    target: null,
    note: 'A note on the page',
    tags: ['senco'],
  },
  {
    ...base,
    id: 'b1',
    kind: 'bookmark',
    target: passage('Government responded', 300),
    bookmark: { label: 'Government response', date: '2026-10-01' },
    note: '',
    tags: [],
    colour: 'blue',
  },
  {
    ...base,
    id: 'b2',
    kind: 'bookmark',
    target: passage('Debated in Parliament', 500),
    bookmark: { label: 'Debate', date: null },
    note: 'Read this again',
    tags: ['debate'],
  },
  {
    ...base,
    id: 'imported:urn:x-other tool:7 a',
    kind: 'page-note',
    target: null,
    note: 'Foreign id',
    tags: [],
    pageUrl:
      'https://hansard.parliament.uk/commons/2026-11-20/debates/8A1B2C3D-1234-4ABC-9DEF-0123456789AB/SpecialEducationalNeeds',
    pageKey: 'debate:8A1B2C3D-1234-4ABC-9DEF-0123456789AB',
    pageKind: 'debate',
  },
];

/**
 * The SHOULDs of `annotationOptionals.test` ("Implemented" checks: is the feature used?) an
 * export cannot meet without saying something untrue, and why. Every other MUST and SHOULD passes.
 */
const CANNOT = {
  '3.2.1-bodySingleLanguage.json': 'the extension does not know which language a note is in',
  '3.2.1-targSingleLanguage.json': 'the extension does not record the page’s language',
  '3.3.1-targSingleCreator.json': 'the page’s author is not recorded',
  '3.3.1-targCreated.json': 'when the page was first published is not recorded',
  '4.2.1-conformsTo.json':
    'conformsTo is for FragmentSelectors; passages use quote and position selectors',
};
/** More for records that do not have the feature at all. */
const ABSENT = {
  // The model's highlight and bookmark have no body: nothing was written about them.
  noBody: [
    '3.1-bodyKeyFound.json',
    '3.2.1-bodySingleFormat.json',
    '3.3.1-bodySingleCreator.json',
    '3.3.1-bodyCreated.json',
    '3.2.4-bodyETBTypeTextualBody.json',
  ],
  // A page note is about the whole page: no quote, so no prefix or suffix.
  noQuote: ['4.2.4-prefix.json', '4.2.4-suffix.json'],
};

function expectedFailures(a: Annotation): string[] {
  return [
    ...Object.keys(CANNOT),
    ...(a.note || a.tags.length ? [] : ABSENT.noBody),
    ...(a.target ? [] : ABSENT.noQuote),
  ].sort();
}

const exported = (library: Annotation[]) => JSON.parse(exportAs('w3c', library, NOW));

describe('the W3C export against the W3C Web Annotation test suite', () => {
  it('passes every MUST of annotationMusts and every SHOULD of annotationOptionals it truthfully can, for every kind of record', () => {
    const items = exported(LIBRARY).first.items as unknown[];
    expect(items).toHaveLength(LIBRARY.length);
    items.forEach((item, i) => {
      const record = LIBRARY[i] as Annotation;
      const failed = failedMustsAndShoulds([
        ...runSuiteTest('annotations/annotationMusts.test', item),
        ...runSuiteTest('annotations/annotationOptionals.test', item),
      ]);
      // The whole message on failure says which assertion and why.
      expect(
        Object.keys(failed).sort(),
        `${record.id}: ${JSON.stringify(failed, null, 1)}`,
      ).toEqual(expectedFailures(record));
    });
  });

  it('passes every MUST and SHOULD of the collection and page tests, response drafts aboard', () => {
    const file = JSON.parse(exportAs('w3c', LIBRARY, NOW, [sampleDraft()]));
    for (const test of [
      'collections/collectionMusts.test',
      'collections/collectionOptionals.test',
      // The page tests accept a collection whose first page is embedded, as the export's is.
      'collections/pages/pageMusts.test',
      'collections/pages/pageOptionals.test',
    ]) {
      expect(failedMustsAndShoulds(runSuiteTest(test, file)), test).toEqual({});
    }
  });

  it('exports an empty library as a collection with no pages, which passes the collection MUSTs', () => {
    const file = exported([]);
    expect(file).toMatchObject({ type: 'AnnotationCollection', total: 0 });
    expect(file).not.toHaveProperty('first');
    expect(failedMustsAndShoulds(runSuiteTest('collections/collectionMusts.test', file))).toEqual(
      {},
    );
    // The only SHOULD it misses: an empty collection has no last page.
    expect(
      Object.keys(
        failedMustsAndShoulds(runSuiteTest('collections/collectionOptionals.test', file)),
      ),
    ).toEqual(['5.1-collectionLastImplemented.json']);
    expect(parseImport(JSON.stringify(file), [], NOW)).toMatchObject({
      annotations: [],
      invalid: [],
    });
  });

  it('is JSON-LD-safe: expanding it with the model’s context keeps every record whole', async () => {
    const context = JSON.parse(readFileSync(resolve(SUITE, 'anno.jsonld'), 'utf8'));
    // The model's context from the suite's copy; nothing is fetched.
    const documentLoader = async (url: string) => {
      if (url !== 'http://www.w3.org/ns/anno.jsonld') throw new Error(`not loaded: ${url}`);
      return { contextUrl: undefined, documentUrl: url, document: context };
    };
    const expanded = await jsonld.expand(exported(LIBRARY), { documentLoader });
    const text = JSON.stringify(expanded);
    const records: unknown[] = [];
    JSON.parse(text, (key, value) => {
      if (key === `${CIVIC_THREAD_NS}record`)
        records.push(...value.map((v: { '@value': unknown }) => v['@value']));
      return value;
    });
    expect(records).toEqual(LIBRARY);
    // The model's own terms expand as the model's IRIs.
    expect(text).toContain('http://www.w3.org/ns/oa#hasTarget');
    expect(text).toContain('http://www.w3.org/ns/oa#bookmarking');
  });

  it('round-trips every field the extension keeps', () => {
    const drafts = [sampleDraft()];
    expect(parseImport(exportAs('w3c', LIBRARY, NOW, drafts), [], NOW)).toEqual({
      annotations: LIBRARY,
      duplicates: 0,
      invalid: [],
      simplified: [],
      responses: drafts,
    });
  });

  it('gives a reader without the extension’s record the same kinds, notes, tags, passages and dates', () => {
    const file = exported(LIBRARY);
    for (const item of file.first.items) delete item[CIVIC_THREAD_TERM];
    const preview = parseImport(JSON.stringify(file), [], NOW);
    if ('error' in preview) throw new Error(preview.error);
    const facts = (a: Annotation) => ({
      kind: a.kind,
      pageUrl: a.pageUrl,
      note: a.note,
      tags: a.tags,
      quote: a.target?.quote ?? null,
      position: a.target?.position ?? null,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    });
    expect(preview.invalid).toEqual([]);
    expect(preview.annotations.map(facts)).toEqual(LIBRARY.map(facts));
  });
});
