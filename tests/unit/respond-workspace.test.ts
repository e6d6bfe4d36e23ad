// What the response workspace asks the background for (the consultation's documents, a question
// selected on its page) and the lines it shows (time left, unanswered questions).
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveFetcher } from '../../utils/live/live-fetcher';
import { questionsFromDocument } from '../../utils/pages/consultation-questions';
import { consultationDocuments } from '../../utils/respond/documents';
import { updateAnswer } from '../../utils/respond/draft';
import { addSelectedQuestion } from '../../utils/respond/selected-question';
import { closingLine, unansweredLine } from '../../utils/respond/status';
import { openDatabase } from '../../utils/storage/db';
import { getDraft, saveDraft } from '../../utils/storage/response-store';
import { createFixtureFetch } from '../fixture-site/fixture-fetch';
import { sampleDraft } from '../respond-sample';
import { WORKFORCE_WAYS } from './fixture-facts';

const CONSULTATION = 'https://www.gov.uk/government/consultations/sen-workforce-training-standards';
const DOCUMENT = `${CONSULTATION}/sen-workforce-training-standards-consultation-document`;
let dbName = '';
let n = 0;
afterEach(() => {
  indexedDB.deleteDatabase(dbName);
});
function setup() {
  dbName = `respond-${++n}`;
  const db = openDatabase(dbName);
  const site = createFixtureFetch();
  const get = createLiveFetcher(db, {
    deps: { fetch: site.fetch, sleep: async () => {}, now: Date.now, random: () => 0 },
  });
  return { db, get };
}

describe('the consultation’s documents, for its questions', () => {
  it('gives the HTML document’s body, the ways to respond and the closing date', async () => {
    const { get } = setup();
    const answer = await consultationDocuments(get, CONSULTATION);
    expect(answer.problem).toBeNull();
    expect(answer.consultation).toMatchObject({ state: 'open', closesOn: '2026-12-20' });
    expect(answer.ways).toEqual(WORKFORCE_WAYS);
    expect(answer.documents.map((d) => [d.url, d.title])).toEqual([
      [DOCUMENT, 'SEN workforce training standards: consultation document'],
    ]);
    const body = answer.documents[0]?.body ?? '';
    const questions = questionsFromDocument(
      new DOMParser().parseFromString(body, 'text/html'),
      DOCUMENT,
    );
    expect(questions.map((q) => q.number)).toEqual(['1', '2', '3', '4']);
  });

  it('says why when the consultation cannot be read, and invents no documents', async () => {
    const { get } = setup();
    const answer = await consultationDocuments(
      get,
      'https://www.gov.uk/government/consultations/no-such-consultation',
    );
    expect(answer).toMatchObject({ consultation: null, ways: null, documents: [] });
    expect(answer.problem).toEqual(expect.any(String));
  });
});

describe('a question selected on the consultation’s page', () => {
  it('starts a draft with it, keeps the number it starts with, and adds the next after the others', async () => {
    const { db } = setup();
    const first = await addSelectedQuestion(
      await db,
      `${CONSULTATION}#documents`,
      'Question 5:\n  Should   SENCOs have protected time?',
      10,
    );
    expect(first).toMatchObject({
      key: 'consultation:sen-workforce-training-standards',
      url: CONSULTATION,
      revision: 1,
      questions: [
        {
          number: '5',
          text: 'Should SENCOs have protected time?',
          source: { from: 'user', how: 'selected', pageUrl: CONSULTATION },
        },
      ],
    });
    // The view saved its draft over that one meanwhile (two questions).
    const fromView = await saveDraft(await db, { ...sampleDraft(2, 1), revision: first.revision });
    expect(fromView.status).toBe('saved');
    // The background's add-question meets whatever is stored: it adds to it, never over it.
    const second = await addSelectedQuestion(await db, CONSULTATION, 'What else would help?', 20);
    expect(second.questions.map((q) => q.text).at(-1)).toBe('What else would help?');
    expect(second.questions).toHaveLength(3);
    expect(await getDraft(await db, second.key)).toEqual(second);
  });

  it('takes text selected on one of the consultation’s documents into the consultation’s draft', async () => {
    const { db } = setup();
    const draft = await addSelectedQuestion(await db, `${DOCUMENT}#questions`, 'Who trains?', 5);
    expect(draft).toMatchObject({
      key: 'consultation:sen-workforce-training-standards',
      url: CONSULTATION,
      questions: [
        { text: 'Who trains?', source: { from: 'user', how: 'selected', pageUrl: DOCUMENT } },
      ],
    });
  });

  it('refuses text from a page that is not a consultation’s, writing nothing', async () => {
    const { db } = setup();
    await expect(
      addSelectedQuestion(await db, 'https://petition.parliament.uk/petitions/701234', 'Why?', 1),
    ).rejects.toThrow(/consultation/);
    expect(await (await db).getAll('responses')).toEqual([]);
  });
});

describe('the workspace’s lines', () => {
  const day = (iso: string) => Date.parse(iso);
  it('says how long is left, on the closing day and after it', () => {
    expect(closingLine('2027-03-12', day('2027-02-28T10:00:00Z'))).toBe(
      'Closes in 12 days — 12 March 2027',
    );
    expect(closingLine('2027-03-12', day('2027-03-11T10:00:00Z'))).toBe(
      'Closes tomorrow — 12 March 2027',
    );
    expect(closingLine('2027-03-12', day('2027-03-12T22:00:00Z'))).toBe(
      'Closes today — 12 March 2027',
    );
    expect(closingLine('2027-03-12', day('2027-03-13T00:30:00Z'))).toBe('Closed — 12 March 2027');
    expect(closingLine(null, 0)).toBeNull();
  });

  it('names the unanswered questions by number', () => {
    const draft = sampleDraft(3, 1);
    expect(unansweredLine(draft.questions)).toBe('All 3 questions answered.');
    const cleared = updateAnswer(
      draft,
      'question-2',
      () => ({ option: null, points: ['  '], evidence: [], views: [] }),
      0,
    );
    expect(unansweredLine(cleared.questions)).toBe('1 of 3 questions unanswered: 2.');
    expect(unansweredLine([])).toBe('No questions yet.');
  });
});
