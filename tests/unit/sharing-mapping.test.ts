import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeOnPage } from '../../utils/annotations/selectors';
import { buildTextModel } from '../../utils/annotations/text-model';
import type { FetchDeps } from '../../utils/net/fetch-json';
import {
  type AnnotationCreate,
  ApiAnnotation,
  createHypothesisApi,
  SearchAnswer,
} from '../../utils/sharing/api';
import { fromGroupAnnotation, toGroupAnnotation } from '../../utils/sharing/mapping';
import type { Annotation } from '../../utils/storage/records';
import { createHypothesisControl, hypothesisFetch } from '../fixture-site/hypothesis';

const PAGE_URL = 'https://petition.parliament.uk/petitions/701234';
const PAGE_FILE = resolve(
  process.cwd(),
  'tests/fixtures/site/petition.parliament.uk/petitions/701234.html',
);
const SEED = JSON.parse(
  readFileSync(resolve(process.cwd(), 'tests/fixtures/hypothesis/seed.json'), 'utf8'),
) as { users: { token: string; userid: string }[]; annotations: unknown[] };
const TOKEN = SEED.users[0]?.token ?? '';
const GROUP = 'Kd3VxYp2';
const NOW = Date.parse('2026-12-01T10:00:00Z');

const page = () =>
  new DOMParser().parseFromString(
    readFileSync(PAGE_FILE, 'utf8'),
    'text/html',
  ) as unknown as Document;

/** A highlight made the way the extension makes one, on the fixture page's real text. */
function highlight(exact: string, over: Partial<Annotation> = {}): Annotation {
  const doc = page();
  const model = buildTextModel(doc.body);
  const start = model.text.indexOf(exact);
  if (start < 0) throw new Error(`not on the page: ${exact}`);
  return {
    id: `note-${start}`,
    kind: 'highlight',
    pageKey: 'petition:701234',
    pageUrl: PAGE_URL,
    pageTitle: 'Give schools ring-fenced funding to meet the needs of every pupil with SEND',
    pageKind: 'petition',
    target: describeOnPage(model, doc.body, start, start + exact.length),
    note: 'Quote this in the briefing.',
    tags: ['briefing', 'funding'],
    colour: 'yellow',
    createdAt: NOW - 5000,
    updatedAt: NOW,
    ...over,
  };
}

const deps = (control = createHypothesisControl(() => NOW)): FetchDeps => ({
  fetch: hypothesisFetch(control),
  sleep: async () => {},
  now: () => NOW,
  random: () => 0,
});

describe('the seeded teammate annotation', () => {
  const seeded = ApiAnnotation.parse(
    createHypothesisControl().annotations.map((a) => ({ ...a, permissions: { read: [] } }))[0],
  );

  it('quotes the fixture page’s real text where its selectors say', () => {
    const doc = page();
    const text = doc.body.textContent ?? '';
    const selectors = seeded.target[0]?.selector ?? [];
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as Record<string, string>;
    const position = selectors.find((s) => s.type === 'TextPositionSelector') as Record<
      string,
      number
    >;
    const range = selectors.find((s) => s.type === 'RangeSelector') as unknown as {
      startContainer: string;
      startOffset: number;
      endOffset: number;
    };
    expect(text.slice(position.start, position.end)).toBe(quote.exact);
    expect(text.slice(0, position.start).endsWith(quote.prefix ?? '')).toBe(true);
    expect(text.slice(position.end).startsWith(quote.suffix ?? '')).toBe(true);
    // Hypothesis's XPath is from the body, one element name and its index among same-named siblings a step.
    let node: Element | undefined = doc.body;
    for (const step of range.startContainer.split('/').filter(Boolean)) {
      const [, name, index] = /^(\w+)\[(\d+)\]$/.exec(step) ?? [];
      node = [...(node?.children ?? [])].filter((c) => c.localName === name)[Number(index) - 1];
    }
    expect(node?.textContent?.slice(range.startOffset, range.endOffset)).toBe(quote.exact);
  });

  it('has the selectors this extension makes for the same passage', () => {
    const ours = highlight('Schools tell us they cannot afford teaching assistants');
    const theirs = fromGroupAnnotation(seeded, null).target;
    expect(theirs?.quote).toEqual(ours.target?.quote);
    expect(theirs?.textContent).toEqual(ours.target?.textContent);
  });

  it('reads as the group’s note: author, dates, text, tags, quote', () => {
    const note = fromGroupAnnotation(seeded, 'acct:amira_campaigns@hypothes.is');
    expect(note).toMatchObject({
      id: 'Xq8Lr0SVEe-kCwtV1nPzqA',
      user: 'acct:sam_okafor@hypothes.is',
      created: Date.parse('2026-11-27T09:41:12.803Z'),
      updated: Date.parse('2026-11-27T09:52:40.118Z'),
      uri: PAGE_URL,
      title:
        'Give schools ring-fenced funding to meet the needs of every pupil with SEND - Petitions',
      tags: ['evidence', 'ta-cuts'],
      mine: false,
    });
    expect(note.target?.quote.exact).toBe('Schools tell us they cannot afford teaching assistants');
  });
});

describe('our notes as group annotations and back', () => {
  it('keeps every field both sides have, through the API', async () => {
    const control = createHypothesisControl(() => NOW);
    const api = createHypothesisApi(TOKEN, deps(control));
    const note = highlight('Ring-fenced money would follow the child.');
    const mapped = toGroupAnnotation(note, GROUP);
    if (!mapped.ok) throw new Error('refused');
    const created = await api.create(mapped.annotation);
    if (!created.ok) throw new Error(created.error.message);
    expect(created.data.permissions.read).toEqual([`group:${GROUP}`]);
    const back = fromGroupAnnotation(created.data, 'acct:amira_campaigns@hypothes.is');
    expect(back).toMatchObject({
      uri: note.pageUrl,
      title: note.pageTitle,
      text: note.note,
      tags: note.tags,
      created: NOW,
      updated: NOW,
      mine: true,
      displayName: 'Amira Hassan',
    });
    expect(back.target?.quote).toEqual(note.target?.quote);
    expect(back.target?.textContent).toEqual(note.target?.textContent);
  });

  it('sends a page note without selectors and a page without a title without one', () => {
    const note = {
      ...highlight('Ring-fenced money'),
      kind: 'page-note' as const,
      target: null,
      pageTitle: null,
    };
    const mapped = toGroupAnnotation(note, GROUP);
    if (!mapped.ok) throw new Error('refused');
    expect(mapped.annotation.target).toEqual([{ source: PAGE_URL }]);
    expect(mapped.annotation.document).toEqual({ title: [] });
    expect(fromGroupAnnotation({ ...created(mapped.annotation), id: 'x' }, null).title).toBeNull();
  });

  it('never maps a note tagged private, whatever its case', () => {
    const note = highlight('Ring-fenced money', { tags: ['briefing', 'Private'] });
    expect(toGroupAnnotation(note, GROUP)).toEqual({
      ok: false,
      refusal: {
        kind: 'private',
        noteId: note.id,
        message: 'This note is tagged “private”, so it is never published.',
      },
    });
  });
});

/** An annotation as the API gives it back, from what was posted. */
function created(posted: AnnotationCreate) {
  return ApiAnnotation.parse({
    ...posted,
    id: 'x',
    created: '2026-12-01T10:00:00.000000+00:00',
    updated: '2026-12-01T10:00:00.000000+00:00',
    user: 'acct:amira_campaigns@hypothes.is',
  });
}

describe('a real /api/search answer (hypothesis/client’s anchoring baseline)', () => {
  // hypothesis/client @ 9d28950c84560765f77b8e8e133c0f11ad577410
  // src/annotator/anchoring/test/html-baselines/wikipedia-regression-testing.json, unchanged:
  // "the annotations for the web page via the Hypothesis API" (its index.js).
  const answer = SearchAnswer.parse(
    JSON.parse(
      readFileSync(
        resolve(
          process.cwd(),
          'tests/fixtures/hypothesis/search-wikipedia-regression-testing.json',
        ),
        'utf8',
      ),
    ),
  );

  it('reads every row, and maps each back to what Hypothesis had, field for field', () => {
    expect(answer.rows).toHaveLength(answer.total);
    for (const row of answer.rows) {
      const read = fromGroupAnnotation(row, 'acct:mark@localhost');
      expect(read).toMatchObject({
        id: row.id,
        text: row.text,
        tags: row.tags,
        uri: row.uri,
        mine: true,
      });
      // As one of our notes, sent back: the fields both sides have come out as they came in.
      const note = {
        ...highlight('Ring-fenced money'),
        pageUrl: read.uri,
        pageTitle: read.title,
        target: read.target,
        note: read.text,
        tags: read.tags,
      } as Annotation;
      const mapped = toGroupAnnotation(note, row.group);
      if (!mapped.ok) throw new Error('refused');
      expect(mapped.annotation).toMatchObject({
        uri: row.uri,
        document: { title: row.document.title },
        text: row.text,
        tags: row.tags,
        permissions: { read: row.permissions.read },
      });
      const [sent] = mapped.annotation.target;
      const [had] = row.target;
      const without = (selectors: { type: string }[] = []) =>
        selectors.filter((s) => s.type !== 'RangeSelector');
      expect(sent?.source).toBe(had?.source);
      expect(without(sent?.selector)).toEqual(
        expect.arrayContaining(without(had?.selector).map((s) => expect.objectContaining(s))),
      );
      expect(without(sent?.selector)).toHaveLength(without(had?.selector).length);
    }
  });
});
