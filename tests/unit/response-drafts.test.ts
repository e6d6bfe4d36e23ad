import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { exportAs } from '../../utils/library/export';
import { parseImport } from '../../utils/library/import';
import type { DocumentQuestion } from '../../utils/pages/consultation-questions';
import {
  addQuestion,
  evidenceFrom,
  hasAnswer,
  moved,
  newDraft,
  pastedQuestions,
  rematchQuestions,
  updateAnswer,
} from '../../utils/respond/draft';
import { openDraft } from '../../utils/respond/open-draft';
import { saveAnnotation } from '../../utils/storage/annotation-store';
import { DB_VERSION, dataStats, deleteAllData, openDatabase } from '../../utils/storage/db';
import { Settings } from '../../utils/storage/records';
import { ResponseDraft } from '../../utils/storage/response-draft';
import { deleteDraft, getDraft, listDrafts, saveDraft } from '../../utils/storage/response-store';
import { getSettings } from '../../utils/storage/settings-store';
import v1 from '../fixtures/db/v1.json';
import {
  DOCUMENT,
  LIKERT,
  ministerContribution,
  petitionResponse,
  sampleDraft,
  testId,
} from '../respond-sample';

let name = '';
let counter = 0;
const fresh = () => {
  name = `drafts-${++counter}`;
  return openDatabase(name);
};
afterEach(() => indexedDB.deleteDatabase(name));

describe('the responses store', () => {
  it('upgrades a version 4 database, keeping its notes and follows, with an empty drafts store', async () => {
    name = `drafts-${++counter}`;
    // Version 4 exactly as it shipped (db.ts steps 1–4), filled from the stored v1 fixture and a note.
    const old = await openDB(name, 4, {
      upgrade(db) {
        db.createObjectStore('pages', { keyPath: 'key' }).createIndex(
          'byLastVisited',
          'lastVisitedAt',
        );
        db.createObjectStore('links', { keyPath: ['from', 'to'] }).createIndex('byTo', 'to');
        db.createObjectStore('settings', { keyPath: 'name' });
        db.createObjectStore('cache', { keyPath: 'url' }).createIndex('byFetchedAt', 'fetchedAt');
        const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
        annotations.createIndex('byPage', 'pageKey');
        annotations.createIndex('byTag', 'tags', { multiEntry: true });
        annotations.createIndex('byKind', 'kind');
        annotations.createIndex('byUpdated', 'updatedAt');
        db.createObjectStore('follows', { keyPath: 'pageKey' }).createIndex(
          'byNextCheck',
          'nextCheckAt',
        );
        const events = db.createObjectStore('events', { keyPath: 'id' });
        events.createIndex('byPage', 'pageKey');
        events.createIndex('byAt', 'at');
      },
    });
    for (const [store, rows] of Object.entries(v1.stores)) {
      for (const row of rows) await old.put(store as 'pages', row);
    }
    await old.put('annotations', petitionResponse);
    old.close();

    const db = await openDatabase(name);
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(7);
    expect(await db.getAll('pages')).toEqual(v1.stores.pages);
    expect(await db.getAll('links')).toEqual(v1.stores.links);
    expect(await getSettings(db)).toEqual(Settings.parse({ panelCollapsed: true }));
    expect(await db.getAll('annotations')).toEqual([petitionResponse]);
    expect(await db.count('responses')).toBe(0);
    expect([...db.transaction('responses').store.indexNames]).toEqual(['byUpdated']);
    db.close();
  });

  it('saves a new draft, then each save made from the stored revision', async () => {
    const db = await fresh();
    const first = await saveDraft(db, sampleDraft());
    expect(first).toMatchObject({ status: 'saved', draft: { revision: 1 } });
    if (first.status !== 'saved') throw new Error('not saved');
    const second = await saveDraft(db, { ...first.draft, title: 'Changed' });
    expect(second).toMatchObject({ status: 'saved', draft: { revision: 2, title: 'Changed' } });
    expect(await getDraft(db, first.draft.key)).toMatchObject({ revision: 2, title: 'Changed' });
  });

  it('refuses a save made from an older revision and writes nothing', async () => {
    const db = await fresh();
    const first = await saveDraft(db, sampleDraft());
    if (first.status !== 'saved') throw new Error('not saved');
    await saveDraft(db, { ...first.draft, title: 'From the other tab' });
    const stale = await saveDraft(db, { ...first.draft, title: 'From this tab' });
    expect(stale).toMatchObject({
      status: 'conflict',
      current: { revision: 2, title: 'From the other tab' },
    });
    expect(await getDraft(db, first.draft.key)).toMatchObject({ title: 'From the other tab' });
  });

  it('deletes a draft and gives it back for Undo, which saves it again as new', async () => {
    const db = await fresh();
    const first = await saveDraft(db, sampleDraft());
    if (first.status !== 'saved') throw new Error('not saved');
    const deleted = await deleteDraft(db, first.draft.key);
    expect(deleted).toEqual(first.draft);
    expect(await getDraft(db, first.draft.key)).toBeNull();
    // A save from the deleted version is refused (deleted meanwhile); Undo restores it as new.
    expect(await saveDraft(db, first.draft)).toEqual({ status: 'conflict', current: null });
    const restored = await saveDraft(db, { ...(deleted as ResponseDraft), revision: 0 });
    expect(restored).toMatchObject({
      status: 'saved',
      draft: { questions: first.draft.questions },
    });
  });

  it('lists drafts newest first and counts unreadable ones', async () => {
    const db = await fresh();
    await saveDraft(db, sampleDraft());
    await saveDraft(db, {
      ...sampleDraft(),
      key: 'consultation:other',
      updatedAt: 2_000_000_000_000,
    });
    await db.put('responses', { key: 'consultation:broken' } as never);
    const { drafts, skipped } = await listDrafts(db);
    expect(drafts.map((d) => d.key)).toEqual([
      'consultation:other',
      'consultation:sen-workforce-training-standards',
    ]);
    expect(skipped).toBe(1);
  });

  it('is counted in the data stats and emptied by "delete all my data"', async () => {
    const db = await fresh();
    await saveDraft(db, sampleDraft());
    expect(await dataStats(db)).toMatchObject({ responses: 1 });
    await deleteAllData(db);
    expect(await dataStats(db)).toMatchObject({ responses: 0 });
  });

  it('keeps a quote whose note was deleted, marked, and unmarks it when the note comes back', async () => {
    const db = await fresh();
    await saveAnnotation(db, ministerContribution);
    await saveDraft(db, sampleDraft(1, 2));
    const opened = await openDraft(db, 'consultation:sen-workforce-training-standards');
    const evidence = opened?.questions[0]?.answer.evidence ?? [];
    // Evidence 0 quotes the petition response (never stored here), 1 the minister (stored).
    expect(evidence.map((e) => [e.annotationId, e.noteDeleted])).toEqual([
      ['note-petition-response', true],
      ['note-minister', false],
    ]);
    expect(evidence[0]?.quote).toBe(petitionResponse.target?.quote.exact);
    await saveAnnotation(db, petitionResponse);
    const again = await openDraft(db, 'consultation:sen-workforce-training-standards');
    expect(again?.questions[0]?.answer.evidence.every((e) => !e.noteDeleted)).toBe(true);
  });

  it('stores a 100 KB answer and pasted HTML as they were typed', async () => {
    const db = await fresh();
    const long = 'SENCOs need protected time. '.repeat(4000);
    expect(long.length).toBeGreaterThan(100_000);
    const html = '<script>alert(1)</script><b>bold</b> &amp; <a href="javascript:x">link</a>';
    const draft = updateAnswer(
      sampleDraft(1),
      'question-1',
      (answer) => ({ ...answer, points: [long, html] }),
      5,
    );
    const saved = await saveDraft(db, draft);
    expect(saved.status).toBe('saved');
    expect((await getDraft(db, draft.key))?.questions[0]?.answer.points).toEqual([long, html]);
  });

  it('refuses a draft that is not a consultation’s, with a message', () => {
    const parsed = ResponseDraft.safeParse({ ...sampleDraft(), key: 'petition:1' });
    expect(parsed.success).toBe(false);
  });
});

const asked = (number: string, text: string, heading = 'Training'): DocumentQuestion => ({
  number,
  text,
  options: LIKERT,
  documentUrl: DOCUMENT,
  heading,
});

describe('re-matching questions when a document changes', () => {
  const base = () =>
    rematchQuestions(
      newDraft(
        {
          key: 'consultation:x',
          url: 'https://www.gov.uk/government/consultations/x',
          title: 'X',
          closesOn: null,
        },
        1,
      ),
      [
        asked('1', 'Do you agree that every new SENCO should hold the qualification?'),
        asked('2', 'Should early years settings be included?'),
        asked('3', 'What stops schools releasing staff for training?'),
      ],
      [DOCUMENT],
      1,
      testId,
    );
  const answer = (draft: ResponseDraft, index: number, option: string) =>
    updateAnswer(draft, draft.questions[index]?.id ?? '', (a) => ({ ...a, option }), 2);

  it('moves answers with their questions when questions are renumbered or reworded', () => {
    const draft = answer(answer(answer(base(), 0, 'Agree'), 1, 'Disagree'), 2, 'Neither');
    const ids = draft.questions.map((q) => q.id);
    const changed = rematchQuestions(
      draft,
      [
        asked('1', 'A new question about funding?'),
        // Renumbered, same words.
        asked('2', 'Do you agree that every new SENCO should hold the qualification?'),
        // Same number, reworded a little.
        asked('3', 'What stops schools and colleges releasing staff for training?'),
      ],
      [DOCUMENT],
      3,
      testId,
    );
    expect(changed.questions.map((q) => [q.number, q.answer.option, q.vanished])).toEqual([
      ['1', null, false],
      ['2', 'Agree', false],
      ['3', 'Neither', false],
      // Old question 2 is in the document no more: kept with its answer, marked.
      ['2', 'Disagree', true],
    ]);
    expect(changed.questions.map((q) => q.id).slice(1)).toEqual([ids[0], ids[2], ids[1]]);
    expect(changed.questions[2]?.text).toBe(
      'What stops schools and colleges releasing staff for training?',
    );
  });

  it('keeps and marks an answered question that vanished, and drops an unanswered one', () => {
    const draft = rematchQuestions(
      answer(base(), 1, 'Disagree'),
      [asked('1', 'Do you agree that every new SENCO should hold the qualification?')],
      [DOCUMENT],
      3,
      testId,
    );
    expect(draft.questions.map((q) => [q.text, q.answer.option, q.vanished])).toEqual([
      ['Do you agree that every new SENCO should hold the qualification?', null, false],
      ['Should early years settings be included?', 'Disagree', true],
    ]);
  });

  it('leaves the user’s own questions where they are, and reads nothing into an empty document', () => {
    const withMine = addQuestion(
      base(),
      { number: null, text: 'Anything else?' },
      { from: 'user', how: 'typed', pageUrl: null },
      2,
      testId,
    );
    const draft = rematchQuestions(
      updateAnswer(
        withMine,
        withMine.questions[3]?.id ?? '',
        (a) => ({ ...a, points: ['More funding'] }),
        2,
      ),
      [],
      [DOCUMENT],
      3,
    );
    expect(draft.questions.map((q) => [q.text, q.vanished])).toEqual([['Anything else?', false]]);
    expect(
      hasAnswer(
        draft.questions[0]?.answer ?? { option: null, points: [], evidence: [], views: [] },
      ),
    ).toBe(true);
  });
  it('puts a document read for the first time before the questions the user added', () => {
    const mine = addQuestion(
      newDraft(
        {
          key: 'consultation:x',
          url: 'https://www.gov.uk/government/consultations/x',
          title: null,
          closesOn: null,
        },
        1,
      ),
      { number: null, text: 'Selected on the page' },
      { from: 'user', how: 'selected', pageUrl: null },
      1,
      testId,
    );
    const fresh = [
      { number: '1', text: 'First?', options: [], documentUrl: DOCUMENT, heading: null },
      { number: '2', text: 'Second?', options: [], documentUrl: DOCUMENT, heading: null },
    ];
    const draft = rematchQuestions(mine, fresh, [DOCUMENT], 2, testId);
    expect(draft.questions.map((q) => q.text)).toEqual([
      'First?',
      'Second?',
      'Selected on the page',
    ]);
  });
});

describe('questions the user adds and evidence from notes', () => {
  it('reads a pasted list of questions, numbered or not, as text', () => {
    expect(
      pastedQuestions(
        'Question 1: Do you agree?\nPlease explain.\n\nQ2. <b>Should</b> it apply?\n3) What else?\nA line alone',
      ),
    ).toEqual([
      { number: '1', text: 'Do you agree? Please explain.' },
      { number: '2', text: '<b>Should</b> it apply?' },
      { number: '3', text: 'What else? A line alone' },
    ]);
    expect(pastedQuestions('Do you agree?\nWhy?')).toEqual([
      { number: null, text: 'Do you agree?' },
      { number: null, text: 'Why?' },
    ]);
  });

  it('copies a bookmark’s quote, source, date and a link to the passage', () => {
    expect(evidenceFrom(ministerContribution, () => 'e1')).toEqual({
      id: 'e1',
      annotationId: 'note-minister',
      quote: 'We will introduce a new leadership-level SENCo national professional qualification.',
      sourceTitle:
        'The Secretary of State for Education (Nadhim Zahawi) — Special Educational Needs and Disabilities Review',
      sourceDate: '2022-03-29',
      link: `${ministerContribution.pageUrl}#:~:text=We%20will%20introduce%20a%20new%20leadership%2Dlevel%20SENCo%20national%20professional%20qualification.`,
      noteDeleted: false,
    });
  });

  it('reorders points', () => {
    expect(moved(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moved(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
  });
});

describe("response drafts in the library's own export", () => {
  it('round-trip whole through the W3C export and import, with or without notes', () => {
    const drafts = [sampleDraft(3, 2), { ...sampleDraft(1, 0), key: 'consultation:other' }];
    for (const notes of [[petitionResponse, ministerContribution], []]) {
      const file = exportAs('w3c', notes, 1_764_000_000_000, drafts);
      const preview = parseImport(file, [], 1_764_000_000_000);
      if ('error' in preview) throw new Error(preview.error);
      expect(preview.responses).toEqual(drafts);
      expect(preview.annotations).toEqual(notes);
      // JSON-LD readers keep it: it sits under the term the context types as a JSON literal.
      expect(JSON.parse(file).civicThread).toEqual({ responses: drafts });
    }
  });

  it('leaves out a draft that no longer validates, and says so', () => {
    const file = JSON.parse(exportAs('w3c', [], 1, [sampleDraft(1)]));
    file.civicThread.responses.push({ ...sampleDraft(1), key: 'petition:1' });
    const preview = parseImport(JSON.stringify(file), [], 1);
    if ('error' in preview) throw new Error(preview.error);
    expect(preview.responses).toHaveLength(1);
    expect(preview.simplified).toEqual([
      { record: 0, what: expect.stringMatching(/^response draft 2 left out: key: /) },
    ]);
  });

  it('keeps the stored draft when an imported one is for the same consultation', async () => {
    const db = await fresh();
    const stored = await saveDraft(db, sampleDraft(2));
    if (stored.status !== 'saved') throw new Error('not saved');
    // The library writes an imported draft as new (revision 0): refused where one is stored.
    const imported = await saveDraft(db, { ...sampleDraft(1), revision: 0 });
    expect(imported).toEqual({ status: 'conflict', current: stored.draft });
    expect((await getDraft(db, stored.draft.key))?.questions).toHaveLength(2);
  });
});
