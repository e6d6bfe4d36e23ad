import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeOnPage } from '../../utils/annotations/selectors';
import { buildTextModel } from '../../utils/annotations/text-model';
import { exportAs } from '../../utils/library/export';
import {
  HypothesisExport,
  type HypothesisExportedAnnotation,
  pagesOf,
} from '../../utils/library/hypothesis';
import { parseImport } from '../../utils/library/import';
import type { Annotation } from '../../utils/storage/records';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const HANSARD = resolve(
  process.cwd(),
  '../shared/real/hansard/pages/Commons/2022-06-22/debates/1825FDB2-5C11-4579-B1DA-94B80654D983/OralAnswersToQuestions.html',
);
const HANSARD_URL =
  'https://hansard.parliament.uk/Commons/2022-06-22/debates/1825FDB2-5C11-4579-B1DA-94B80654D983/OralAnswersToQuestions';

/**
 * Hypothesis's import rules, restated from hypothesis/client @ 9d28950c84560765f77b8e8e133c0f11ad577410
 * (read, not copied), so the test runs the export through what the client does with a file.
 */
const client = {
  /** src/sidebar/helpers/import.ts `readExportFile`: an object with an `annotations` list. */
  readExportFile(json: unknown) {
    if (
      typeof json !== 'object' ||
      json === null ||
      !Array.isArray((json as { annotations?: unknown }).annotations)
    ) {
      throw new Error('Not a valid Hypothesis JSON file');
    }
    return (json as { annotations: HypothesisExportedAnnotation[] }).annotations;
  },
  /**
   * src/sidebar/helpers/annotations-by-user.ts with excludeReplies, and annotation-user.ts
   * `annotationDisplayName`: a user of another authority shows by `user_info.display_name`,
   * else by the name in `acct:<name>@<authority>` (account-id.ts).
   */
  usersToChoose(annotations: HypothesisExportedAnnotation[], defaultAuthority = 'hypothes.is') {
    const users = new Map<
      string,
      { displayName: string; annotations: HypothesisExportedAnnotation[] }
    >();
    for (const ann of annotations) {
      if ((ann.references ?? []).length > 0) continue;
      const account = /^acct:([^@]+)@(.+)/.exec(ann.user);
      const thirdParty = account ? account[2] !== defaultAuthority : false;
      const displayName =
        thirdParty && ann.user_info?.display_name
          ? ann.user_info.display_name
          : (account?.[1] ?? '');
      const entry = users.get(ann.user) ?? { displayName, annotations: [] };
      entry.annotations.push(ann);
      users.set(ann.user, entry);
    }
    return [...users.values()];
  },
  /** src/sidebar/services/import-annotations.ts: what is kept, and shared or private from `permissions`. */
  importData(ann: HypothesisExportedAnnotation) {
    const shared = ann.permissions.read.some((principal) => principal.startsWith('group:'));
    return {
      target: ann.target,
      tags: ann.tags,
      text: ann.text,
      uri: ann.uri,
      document: ann.document,
      shared,
    };
  },
  /** src/sidebar/helpers/annotation-metadata.ts `quote`: the first target's TextQuoteSelector. */
  quote(ann: HypothesisExportedAnnotation) {
    const quote = ann.target[0]?.selector?.find((s) => s.type === 'TextQuoteSelector');
    return quote && 'exact' in quote ? quote.exact : null;
  },
  /**
   * src/annotator/anchoring/text-range.ts `TextRange.fromOffsets(document.body, start, end)`
   * (the guest's root is document.body, src/annotator/index.ts): offsets count the UTF-16 units
   * of every text node under the root; html.ts then checks the range's text is the quote.
   */
  anchorByPosition(doc: Document, start: number, end: number): string {
    // The text of the range it resolves: the text nodes' units from start to end, in order.
    const walker = doc.createTreeWalker(doc.body, 0x4);
    const parts: string[] = [];
    let counted = 0;
    for (
      let node = walker.nextNode() as Text | null;
      node;
      node = walker.nextNode() as Text | null
    ) {
      const length = node.data.length;
      if (counted + length > start && counted < end) {
        parts.push(node.data.slice(Math.max(0, start - counted), end - counted));
      }
      counted += length;
    }
    return parts.join('');
  },
};

const positionOf = (item: HypothesisExportedAnnotation | undefined) => {
  const selector = item?.target[0]?.selector?.find((s) => s.type === 'TextPositionSelector');
  return selector && 'start' in selector && 'end' in selector
    ? { start: Number(selector.start), end: Number(selector.end) }
    : null;
};

const parse = (html: string) =>
  new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

/** Highlights made the way the extension makes them: the page's text model, then its selectors. */
function highlight(doc: Document, exact: string, over: Partial<Annotation> = {}): Annotation {
  const model = buildTextModel(doc.body);
  const start = model.text.indexOf(exact);
  if (start < 0) throw new Error(`not on the page: ${exact}`);
  return {
    id: `h-${start}`,
    kind: 'highlight',
    pageKey: 'debate:1825FDB2-5C11-4579-B1DA-94B80654D983',
    pageUrl: HANSARD_URL,
    pageTitle: 'Oral Answers to Questions',
    pageKind: 'debate',
    target: describeOnPage(model, doc.body, start, start + exact.length),
    note: 'Worth quoting',
    tags: ['send'],
    colour: 'yellow',
    createdAt: NOW - 1000,
    updatedAt: NOW,
    ...over,
  };
}

describe('the Hypothesis export, through Hypothesis’s own import rules', () => {
  const styled = parse(
    '<html><head><title>t</title></head><body><style>p { color: red }</style><script>var x = 1;</script>' +
      '<p>First line<br>Second 😀 line with ring-fenced funding for SEND</p></body></html>',
  );

  it('anchors from position over the page body’s textContent, past style, script, <br> and emoji', () => {
    const note = highlight(styled, 'ring-fenced funding');
    const position = note.target?.textContent;
    if (!position) throw new Error('no textContent position recorded');
    // The model's own count (code points, no script or style, <br> as a space) is elsewhere.
    expect(position.start).not.toBe(note.target?.position.start);
    const [item] = client.readExportFile(JSON.parse(exportAs('hypothesis', [note], NOW)));
    const selector = positionOf(item);
    if (!item || !selector) throw new Error('no position in the export');
    expect(client.anchorByPosition(styled, selector.start, selector.end)).toBe(client.quote(item));
  });

  it('anchors from position on a real Hansard page, whose body holds its scripts', () => {
    const doc = parse(readFileSync(HANSARD, 'utf8'));
    const model = buildTextModel(doc.body);
    // A passage from the debate itself, well after the scripts at the top of the body.
    const middle = Math.floor(model.text.length / 2);
    const exact = model.text.slice(middle, middle + 60).trim();
    const note = highlight(doc, exact);
    const [item] = client.readExportFile(JSON.parse(exportAs('hypothesis', [note], NOW)));
    const selector = positionOf(item);
    if (!item || !selector) throw new Error('no position in the export');
    expect(selector.start).not.toBe(note.target?.position.start);
    expect(client.anchorByPosition(doc, selector.start, selector.end)).toBe(exact);
  });

  it('offers the file’s user by name, so Import can be chosen, and every note keeps its words', () => {
    const notes = [
      highlight(styled, 'ring-fenced funding'),
      {
        ...highlight(styled, 'Second'),
        id: 'p',
        kind: 'page-note' as const,
        target: null,
        note: 'On the whole page',
        tags: [],
      },
      {
        ...highlight(styled, 'First line'),
        id: 'b',
        kind: 'bookmark' as const,
        note: '',
        bookmark: { label: 'Minister’s answer', date: null },
      },
    ];
    const file = JSON.parse(exportAs('hypothesis', notes, NOW));
    // The client's own types, as a schema: the file is what its exporter writes.
    expect(HypothesisExport.safeParse(file).success).toBe(true);
    const users = client.usersToChoose(client.readExportFile(file));
    expect(users).toHaveLength(1);
    expect(users[0]?.displayName).toBe('Civic Thread notes');
    expect(users[0]?.annotations).toHaveLength(3);
    const imported = (users[0]?.annotations ?? []).map(client.importData);
    expect(imported.map((i) => [i.uri, i.text, i.tags, i.shared])).toEqual([
      [HANSARD_URL, 'Worth quoting', ['send'], false],
      [HANSARD_URL, 'On the whole page', [], false],
      [HANSARD_URL, 'Minister’s answer', ['send'], false],
    ]);
    expect((users[0]?.annotations ?? []).map(client.quote)).toEqual([
      'ring-fenced funding',
      null,
      'First line',
    ]);
  });

  it('lists the pages to choose from, since Hypothesis imports a file into the open page', () => {
    const a = highlight(styled, 'ring-fenced funding');
    const b = {
      ...a,
      id: 'other',
      pageKey: 'petition:701234',
      pageUrl: 'https://petition.parliament.uk/petitions/701234',
      pageTitle: null,
    };
    expect(pagesOf([a, b, a])).toEqual([
      { pageKey: a.pageKey, title: 'Oral Answers to Questions', count: 2 },
      {
        pageKey: 'petition:701234',
        title: 'https://petition.parliament.uk/petitions/701234',
        count: 1,
      },
    ]);
  });
});

describe('importing Hypothesis files', () => {
  it('reads its own Hypothesis export back: page, words, tags, passage and dates', () => {
    const doc = parse('<html><body><p>Support for SEND pupils in every school</p></body></html>');
    const note = highlight(doc, 'SEND pupils');
    const preview = parseImport(exportAs('hypothesis', [note], NOW), [], NOW);
    if ('error' in preview) throw new Error(preview.error);
    expect(preview.invalid).toEqual([]);
    expect(preview.annotations).toEqual([
      expect.objectContaining({
        kind: 'highlight',
        pageUrl: HANSARD_URL,
        pageTitle: 'Oral Answers to Questions',
        note: 'Worth quoting',
        tags: ['send'],
        target: expect.objectContaining({
          quote: note.target?.quote,
          textContent: note.target?.textContent,
        }),
        createdAt: note.createdAt,
        updatedAt: note.updatedAt,
      }),
    ]);
    expect(preview.simplified).toEqual([
      { record: 1, what: 'not kept: user, group and sharing (the notes are yours here)' },
    ]);
  });

  it('reads a file shaped as the client’s own import tests shape one, and leaves replies out as it does', () => {
    // src/sidebar/services/test/import-annotations-test.js `generateAnnotation`, on a supported page.
    const file = {
      annotations: [
        {
          id: 'id-1',
          uri: 'https://petition.parliament.uk/petitions/701234',
          target: [{ source: 'https://petition.parliament.uk/petitions/701234' }],
          text: 'Annotation 1',
          tags: ['foo'],
          document: { title: 'Example' },
          permissions: {
            read: ['group:group-a'],
            update: ['acct:foo@example.org'],
            delete: ['acct:foo@example.org'],
          },
        },
        {
          id: 'id-2',
          references: ['id-1'],
          uri: 'https://petition.parliament.uk/petitions/701234',
          target: [{ source: 'https://petition.parliament.uk/petitions/701234' }],
          text: 'A reply',
          tags: [],
        },
      ],
    };
    const preview = parseImport(JSON.stringify(file), [], NOW);
    if ('error' in preview) throw new Error(preview.error);
    expect(preview.annotations).toEqual([
      expect.objectContaining({
        id: 'imported:hypothesis:id-1',
        kind: 'page-note',
        note: 'Annotation 1',
        tags: ['foo'],
        pageTitle: 'Example',
      }),
    ]);
    expect(preview.invalid).toEqual([
      {
        record: 2,
        reason:
          'references: a reply to another annotation, which Hypothesis’s import leaves out too',
      },
    ]);
    expect(preview.simplified.map((s) => s.what)).toContain(
      'created: none is not a date that can be read, so the import time is used',
    );
  });
});
