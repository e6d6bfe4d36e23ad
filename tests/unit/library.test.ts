import { afterEach, describe, expect, it } from 'vitest';
import { inBatches } from '../../components/library/in-batches';
import { batchesOf, exportFile, noteSize, readImportFile } from '../../utils/library/chunked';
import { CIVIC_THREAD_TERM, csvCell, exportAs, W3C_CONTEXT } from '../../utils/library/export';
import {
  createImportReader,
  describePreview,
  MAX_FRAME_CHARS,
  parseImport,
} from '../../utils/library/import';
import { openLink } from '../../utils/library/open-link';
import { createLibraryIndex, groupByPage, NO_FILTERS } from '../../utils/library/search';
import { addAnnotations, allAnnotations, contentKey } from '../../utils/storage/annotation-store';
import { DB_VERSION, deleteAllData, openDatabase, USER_STORES } from '../../utils/storage/db';
import type { Annotation } from '../../utils/storage/records';

const NOW = Date.parse('2026-11-23T12:00:00Z');

function note(i: number, over: Partial<Annotation> = {}): Annotation {
  return {
    id: `note-${i}`,
    kind: 'highlight',
    pageKey: `petition:${700000 + (i % 40)}`,
    pageUrl: `https://petition.parliament.uk/petitions/${700000 + (i % 40)}`,
    pageTitle: `Petition about topic ${i % 40}`,
    pageKind: 'petition',
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact: `passage ${i} about SEND`,
        prefix: 'before ',
        suffix: ' after',
      },
      position: { type: 'TextPositionSelector', start: i * 10, end: i * 10 + 20 },
    },
    note: `note number ${i}`,
    tags: i % 2 ? ['funding'] : ['senco', 'training'],
    colour: 'yellow',
    createdAt: NOW - i * 60_000,
    updatedAt: NOW - i * 30_000,
    ...over,
  };
}

describe('exporters', () => {
  it('writes a W3C AnnotationCollection whose items carry selectors, bodies and our own record', () => {
    const collection = JSON.parse(exportAs('w3c', [note(1)], NOW));
    expect(collection).toMatchObject({
      '@context': W3C_CONTEXT,
      type: 'AnnotationCollection',
      total: 1,
      first: { type: 'AnnotationPage' },
    });
    const [item] = collection.first.items;
    expect(item).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', value: 'note number 1', purpose: 'commenting' },
        { type: 'TextualBody', value: 'funding', purpose: 'tagging' },
      ],
      target: {
        source: 'https://petition.parliament.uk/petitions/700001',
        selector: [
          { type: 'TextQuoteSelector', exact: 'passage 1 about SEND' },
          { type: 'TextPositionSelector', start: 10, end: 30 },
        ],
      },
    });
    expect(item[CIVIC_THREAD_TERM]).toEqual(note(1));
  });

  it('writes Markdown grouped by page, quotes as blockquotes, page text escaped', () => {
    const markdown = exportAs(
      'markdown',
      [note(1, { note: 'See <img src=x onerror=alert(1)> *now*' }), note(41)],
      NOW,
    );
    expect(markdown.match(/^## /gm)).toHaveLength(1);
    expect(markdown).toContain(
      '## [Petition about topic 1](<https://petition.parliament.uk/petitions/700001>)',
    );
    expect(markdown).toContain('> passage 1 about SEND');
    expect(markdown).toContain('See \\<img src=x onerror=alert(1)\\> \\*now\\*');
  });

  it('defuses spreadsheet formulas and quotes CSV cells that need it', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('plain')).toBe('plain');
    const csv = exportAs('csv', [note(1, { note: '=cmd|"/c calc"!A1' })], NOW);
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe(
      'id,type,page_kind,page_title,page_url,quote,note,tags,colour,created,updated',
    );
    expect(row).toContain(`"'=cmd|""/c calc""!A1"`);
  });
});

describe('importers', () => {
  it('reads its own export back exactly, and skips what is already there', () => {
    const items = [note(1), note(2, { kind: 'page-note', target: null })];
    const preview = parseImport(exportAs('w3c', items, NOW), [], NOW);
    expect(preview).toEqual({
      annotations: items,
      duplicates: 0,
      invalid: [],
      simplified: [],
      responses: [],
    });
    const again = parseImport(exportAs('w3c', items, NOW), items, NOW);
    expect(again).toMatchObject({ annotations: [], duplicates: 2 });
    if ('error' in again) throw new Error(again.error);
    expect(describePreview(again)).toBe('0 notes, 2 duplicates skipped, 0 invalid');
  });

  it('reads another tool’s W3C annotations on supported pages, and says why others are refused', () => {
    const file = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://example.org/anno/1',
          type: 'Annotation',
          body: [
            { type: 'TextualBody', value: 'Important', purpose: 'commenting' },
            { type: 'TextualBody', value: 'send', purpose: 'tagging' },
          ],
          target: {
            source: 'https://petition.parliament.uk/petitions/701234',
            selector: { type: 'TextQuoteSelector', exact: 'ring-fenced funding' },
          },
        },
        { type: 'Annotation', target: 'https://example.org/elsewhere' },
        { type: 'Annotation', body: 'no target at all' },
      ],
    };
    const preview = parseImport(JSON.stringify(file), [], NOW);
    if ('error' in preview) throw new Error(preview.error);
    expect(preview.annotations).toEqual([
      expect.objectContaining({
        id: 'imported:https://example.org/anno/1',
        kind: 'highlight',
        pageKey: 'petition:701234',
        note: 'Important',
        tags: ['send'],
        target: expect.objectContaining({
          quote: expect.objectContaining({ exact: 'ring-fenced funding' }),
        }),
      }),
    ]);
    expect(preview.invalid).toEqual([
      {
        record: 2,
        reason:
          'target: expected a petition, consultation or Hansard debate page, found "https://example.org/elsewhere"',
      },
      {
        record: 3,
        reason:
          'body: expected a web address (a plain string body is one) or an object, found "no target at all"; target: expected the page the annotation is about, found none',
      },
    ]);
  });

  it('refuses hostile files with a clear reason and never pollutes prototypes', () => {
    expect(parseImport('not json', [], NOW)).toEqual({
      error: 'This file is not JSON, so it cannot hold Web Annotations.',
    });
    expect(parseImport('{"hello": 1}', [], NOW)).toMatchObject({
      error: expect.stringMatching(/no Web Annotations/),
    });
    // Only the text around the list is kept whole, so only it has a cap.
    const padding = 'x'.repeat(MAX_FRAME_CHARS);
    expect(parseImport(`{"type": "AnnotationPage", "junk": "${padding}"}`, [], NOW)).toEqual({
      error: 'This file is too large to read: its annotations are not in a list.',
    });
    for (const broken of ['[{"a": 1}}', '[{}, ]', '[, {}]', '[{} {}]', '{"items": [1]', '"open']) {
      expect(parseImport(broken, [], NOW)).toEqual({
        error: 'This file is not JSON, so it cannot hold Web Annotations.',
      });
    }

    const hostile = JSON.stringify([
      { ...JSON.parse(JSON.stringify({ [CIVIC_THREAD_TERM]: { ...note(1), tags: [42] } })) },
      { [CIVIC_THREAD_TERM]: { ...note(2), note: 'x'.repeat(20_001) } },
      JSON.parse(
        `{"${CIVIC_THREAD_TERM}": ${JSON.stringify(note(3)).replace('{', '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},')}}`,
      ),
      {
        [CIVIC_THREAD_TERM]: {
          ...note(4),
          pageUrl: 'javascript:alert(1)',
          target: null,
          kind: 'page-note',
        },
      },
    ]);
    const preview = parseImport(hostile, [], NOW);
    if ('error' in preview) throw new Error(preview.error);
    expect(preview.invalid.map((i) => i.record)).toEqual([1, 2, 4]);
    expect(preview.invalid[2]?.reason).toMatch(/^pageUrl: /);
    expect(preview.invalid[1]?.reason).toMatch(/A note can be at most 20000 characters/);
    // Unknown keys are dropped: nothing reaches Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(preview.annotations[0] ?? {}, '__proto__')).toBe(false);
    expect(preview.annotations.map((a) => a.id)).toEqual(['note-3']);
  });

  it('treats the same note with a new id as a duplicate', () => {
    expect(contentKey(note(1))).toBe(contentKey({ ...note(1), id: 'other' }));
    const preview = parseImport(
      exportAs('w3c', [{ ...note(1), id: 'other' }], NOW),
      [note(1)],
      NOW,
    );
    expect(preview).toMatchObject({ annotations: [], duplicates: 1 });
  });
});

let dbName = '';
let n = 0;
afterEach(() => indexedDB.deleteDatabase(dbName));

describe('backups of any size', () => {
  const hundredThousand = Array.from({ length: 100_000 }, (_, i) => note(i));

  it('keeps the JSON formats as JSON.stringify writes them, built in parts', () => {
    const items = [note(1), note(2, { kind: 'page-note', target: null })];
    for (const list of [items, []]) {
      for (const format of ['w3c', 'hypothesis'] as const) {
        const text = exportAs(format, list, NOW);
        expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2));
      }
    }
    expect(JSON.parse(exportAs('w3c', [], NOW))).not.toHaveProperty('first');
  });

  it('exports 100,000 notes (past the old 20 MB cap) and reads them all back, giving the page back between slices', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const progress: number[] = [];
    const blob = await exportFile('w3c', hundredThousand, NOW, {
      onProgress: ({ done }) => progress.push(done),
    });
    if (!blob) throw new Error('not exported');
    expect(blob.size).toBeGreaterThan(20 * 1024 * 1024);
    expect(blob.type).toBe('application/ld+json');
    const ticksAfterExport = ticks;
    const preview = await readImportFile(blob, [], NOW, {
      onProgress: ({ records }) => progress.push(records ?? 0),
    });
    clearInterval(timer);
    if (!preview || 'error' in preview) throw new Error('not read');
    expect(preview.annotations).toEqual(hundredThousand);
    expect(preview).toMatchObject({ duplicates: 0, invalid: [] });
    // Other tasks (the timer here; input and painting in the library) ran during both jobs.
    expect(ticksAfterExport).toBeGreaterThan(0);
    expect(ticks).toBeGreaterThan(ticksAfterExport);
    expect(progress.length).toBeGreaterThan(2);
  }, 120_000);

  it('reads a file cut at any point the same as whole, its own export and another tool’s', () => {
    const own = exportAs('w3c', [note(1), note(2, { note: 'a "quoted" \\ [note] {x}' })], NOW);
    const foreign = JSON.stringify({
      type: 'AnnotationPage',
      items: [
        { id: 'a', target: 'https://petition.parliament.uk/petitions/701234', body: 'x, [y]' },
        7,
      ],
      after: { items: [1] },
    });
    for (const text of [own, foreign, JSON.stringify(JSON.parse(foreign).items)]) {
      const whole = parseImport(text, [note(1)], NOW);
      for (let size = 1; size < 9; size++) {
        const reader = createImportReader(NOW);
        reader.know([note(1)]);
        for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size));
        expect(reader.finish()).toEqual(whole);
      }
    }
    expect(parseImport(own, [note(1)], NOW)).toMatchObject({ duplicates: 1, invalid: [] });
  });

  it('stops reading when cancelled', async () => {
    const blob = await exportFile('w3c', hundredThousand.slice(0, 20_000), NOW);
    if (!blob) throw new Error('not exported');
    const controller = new AbortController();
    const read = readImportFile(blob, [], NOW, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(await read).toBeNull();
  });

  it('writes in batches under the message cap and says exactly which were written when one fails', async () => {
    const big = note(0, { note: 'x'.repeat(20_000) });
    const sizes = (items: Annotation[]) => [...batchesOf(items, noteSize)].map((b) => b.length);
    expect(sizes([...hundredThousand.slice(0, 2_500), big])).toEqual([1_000, 1_000, 501]);
    // Long notes: fewer per message, about 4 million characters each.
    expect(sizes(Array.from({ length: 300 }, () => big))).toEqual([192, 108]);
    dbName = `library-${++n}`;
    const db = await openDatabase(dbName);
    let sent = 0;
    const outcome = await inBatches(hundredThousand.slice(0, 3_500), noteSize, async (batch) => {
      if (++sent === 3) return { ok: false, error: { code: 'storage', message: 'disk full' } };
      const { added, duplicates } = await addAnnotations(db, batch);
      return { ok: true, data: { added: added.map((a) => a.id), duplicates } };
    });
    expect(outcome).toMatchObject({ sent: 2_000, error: 'disk full', cancelled: false });
    const written = outcome.answers.flatMap((answer) => answer.added);
    expect(written).toEqual(hundredThousand.slice(0, 2_000).map((a) => a.id));
    expect(await db.count('annotations')).toBe(2_000);

    const controller = new AbortController();
    const stopped = await inBatches(
      hundredThousand.slice(0, 3_000),
      noteSize,
      async (batch) => {
        controller.abort();
        const { added, duplicates } = await addAnnotations(db, batch);
        return { ok: true, data: { added: added.map((a) => a.id), duplicates } };
      },
      { signal: controller.signal },
    );
    // The first batch was already stored: all duplicates; then Cancel stops before the next.
    expect(stopped).toMatchObject({
      sent: 1_000,
      cancelled: true,
      answers: [{ added: [], duplicates: 1_000 }],
    });
  });
});

describe('storage round trip', () => {
  it('exports 10,000 items and imports them into an empty store with no field lost', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => note(i));
    const preview = parseImport(exportAs('w3c', items, NOW), [], NOW);
    if ('error' in preview) throw new Error(preview.error);
    dbName = `library-${++n}`;
    const db = await openDatabase(dbName);
    expect(await addAnnotations(db, preview.annotations)).toMatchObject({ duplicates: 0 });
    const stored = (await allAnnotations(db)).annotations;
    const byId = (a: Annotation, b: Annotation) => a.id.localeCompare(b.id);
    expect(stored.sort(byId)).toEqual([...items].sort(byId));
    // All or nothing: one invalid record and nothing is written.
    await expect(
      addAnnotations(db, [note(20_000), { ...note(20_001), note: 'x'.repeat(20_001) }]),
    ).rejects.toThrow();
    expect((await allAnnotations(db)).annotations).toHaveLength(10_000);
  });

  it('skips what is stored already, by id or by content, and overwrites nothing', async () => {
    dbName = `library-${++n}`;
    const db = await openDatabase(dbName);
    await addAnnotations(db, [note(1), note(2)]);
    // A stored record that no longer validates keeps its id: nothing may replace it unseen.
    await db.put('annotations', { id: 'broken', pageKey: 'petition:591092' } as never);
    const otherPage = { ...note(1), id: 'elsewhere', pageKey: 'debate:X' };
    const result = await addAnnotations(db, [
      { ...note(1), id: 'same-content' },
      { ...note(3), id: 'note-2' },
      { ...note(4), id: 'broken' },
      otherPage,
      note(5),
      { ...note(5), id: 'twice-in-one-file' },
    ]);
    expect(result.duplicates).toBe(4);
    expect(result.added.map((a) => a.id)).toEqual(['elsewhere', 'note-5']);
    expect(await db.get('annotations', 'note-2')).toEqual(note(2));
    expect(await db.get('annotations', 'broken')).toEqual({
      id: 'broken',
      pageKey: 'petition:591092',
    });
  });

  it('deletes every store the database has when the user deletes all data', async () => {
    dbName = `library-${++n}`;
    const db = await openDatabase(dbName);
    expect([...db.objectStoreNames].sort()).toEqual([...USER_STORES].sort());
    expect(DB_VERSION).toBe(7);
    await addAnnotations(db, [note(1)]);
    await db.put('settings', { name: 'settings', value: { panelCollapsed: true } });
    await deleteAllData(db);
    for (const store of USER_STORES) expect(await db.count(store)).toBe(0);
  });
});

describe('library search', () => {
  const items = [
    note(1, { note: 'NASENCO deadline', tags: ['training'] }),
    note(2, {
      pageKind: 'debate',
      pageKey: 'debate:X',
      pageTitle: 'Westminster Hall debate',
      note: 'Minister on funding',
      tags: ['funding'],
    }),
    note(3, { kind: 'bookmark', bookmark: { label: 'Government response', date: null }, note: '' }),
  ];
  const index = createLibraryIndex(items);
  const ids = (found: Annotation[]) => found.map((a) => a.id);

  it('finds by note, quote, tag and page title, with prefixes as the user types', () => {
    expect(ids(index.search({ ...NO_FILTERS, query: 'nasen' }))).toEqual(['note-1']);
    expect(ids(index.search({ ...NO_FILTERS, query: 'Westminster' }))).toEqual(['note-2']);
    expect(ids(index.search({ ...NO_FILTERS, query: 'passage 3' }))).toEqual(['note-3']);
    expect(ids(index.search({ ...NO_FILTERS, query: 'train' }))[0]).toBe('note-1');
  });

  it('builds its index in short tasks while the user reads, with the same answers', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => note(i));
    const sliced = createLibraryIndex(many);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await sliced.prepare(new AbortController().signal);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    const query = { ...NO_FILTERS, query: 'passage 1234' };
    expect(ids(sliced.search(query))).toEqual(ids(createLibraryIndex(many).search(query)));
    expect(ids(sliced.search(query))[0]).toBe('note-1234');
  });

  it('filters by page kind, item type, tag and date, newest first without a query', () => {
    expect(ids(index.search(NO_FILTERS))).toEqual(['note-1', 'note-2', 'note-3']);
    expect(ids(index.search({ ...NO_FILTERS, pageKind: 'debate' }))).toEqual(['note-2']);
    expect(ids(index.search({ ...NO_FILTERS, kind: 'bookmark' }))).toEqual(['note-3']);
    expect(ids(index.search({ ...NO_FILTERS, tag: 'training' }))).toEqual(['note-1']);
    expect(ids(index.search({ ...NO_FILTERS, from: '2026-11-24' }))).toEqual([]);
    expect(index.tags).toEqual(['funding', 'training']);
  });

  it('groups by page in order of first appearance', () => {
    expect(groupByPage(items).map((g) => [g.pageKey, g.items.length])).toEqual([
      ['petition:700001', 1],
      ['debate:X', 1],
      ['petition:700003', 1],
    ]);
  });
});

describe('opening a note on its page', () => {
  it('links to the passage with a text fragment, long quotes by their first and last words', () => {
    expect(openLink(note(1))).toBe(
      'https://petition.parliament.uk/petitions/700001#:~:text=passage%201%20about%20SEND',
    );
    const long = 'one two three four five six seven eight nine ten eleven twelve '.repeat(3).trim();
    expect(
      openLink(
        note(1, {
          target: {
            quote: { type: 'TextQuoteSelector', exact: long, prefix: '', suffix: '' },
            position: { type: 'TextPositionSelector', start: 0, end: long.length },
          },
        }),
      ),
    ).toBe(
      'https://petition.parliament.uk/petitions/700001#:~:text=one%20two%20three%20four%20five%20six,seven%20eight%20nine%20ten%20eleven%20twelve',
    );
    expect(openLink(note(1, { target: null, kind: 'page-note' }))).toBe(
      'https://petition.parliament.uk/petitions/700001',
    );
  });
});
