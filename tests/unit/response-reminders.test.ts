// Issue 17 point 5: a followed consultation with a response draft reminds the user a week and a
// day before it closes, counting the draft's unanswered questions, once each; its outcome says
// which of the draft's questions it names. Fake clocks, real-shaped consultation items.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLiveFetcher } from '../../utils/live/live-fetcher';
import { updateAnswer } from '../../utils/respond/draft';
import { draftReminder, questionsNamed } from '../../utils/respond/reminders';
import { ConsultationContentItem, toLiveConsultation } from '../../utils/sources/govuk-content-api';
import { openDatabase } from '../../utils/storage/db';
import { saveDraft } from '../../utils/storage/response-store';
import { putFollow, watchlist } from '../../utils/storage/watch-store';
import { detectChanges } from '../../utils/watchlist/changes';
import { runDueChecks } from '../../utils/watchlist/checker';
import { consultationSnapshot } from '../../utils/watchlist/take-snapshot';
import { createFixtureFetch } from '../fixture-site/fixture-fetch';
import { sampleDraft } from '../respond-sample';

const CONSULTATIONS = resolve('tests/fixtures/api/www.gov.uk/api/content/government/consultations');
const REAL = resolve(process.cwd(), '../shared/real/govuk/content-items/current');
const item = (file: string) =>
  ConsultationContentItem.parse(JSON.parse(readFileSync(file, 'utf8')));
const snapshotOf = (content: ConsultationContentItem) =>
  consultationSnapshot(toLiveConsultation(content));
/** sen-workforce-training-standards: open, closing 20 December 2026 at 11:59pm. */
const open = item(join(CONSULTATIONS, 'sen-workforce-training-standards.json'));

/** The sample draft's four questions, the first two answered. */
function draftOf4() {
  const draft = sampleDraft(4, 1);
  return draft.questions
    .slice(2)
    .reduce(
      (d, q) =>
        updateAnswer(d, q.id, () => ({ option: null, points: [], evidence: [], views: [] }), 0),
      draft,
    );
}

describe('reminders about a response draft', () => {
  const at = (iso: string, draft = draftReminder(draftOf4(), null)) => ({
    milestones: [],
    now: Date.parse(iso),
    draft,
  });

  it('counts the unanswered questions a week and a day before the consultation closes', () => {
    const snapshot = snapshotOf(open);
    expect(detectChanges(snapshot, snapshot, at('2026-12-14T09:00:00Z'))).toEqual([
      {
        id: 'closing-7:2026-12-20',
        text: 'Closes in 6 days (20 December 2026): your draft has 2 unanswered questions',
        link: null,
      },
    ]);
    expect(detectChanges(snapshot, snapshot, at('2026-12-19T09:00:00Z'))).toEqual([
      {
        id: 'closing-1:2026-12-20',
        text: 'Closes tomorrow (20 December 2026): your draft has 2 unanswered questions',
        link: null,
      },
    ]);
    const done = draftReminder(sampleDraft(4, 1), null);
    expect(detectChanges(snapshot, snapshot, at('2026-12-19T09:00:00Z', done))[0]?.text).toBe(
      'Closes tomorrow (20 December 2026): your draft answers every question',
    );
  });

  it('says which of the draft’s questions a published outcome names', () => {
    const outcome = item(join(REAL, 'consultation_outcome.json'));
    const closed = { ...snapshotOf(outcome), state: 'closed' as const };
    const html =
      '<div class="govspeak"><p>Responses to questions 1 and 2 supported the proposal.</p><p>On Question 4, most respondents asked for more time.</p></div>';
    expect(
      detectChanges(
        closed,
        snapshotOf(outcome),
        at('2027-03-01T00:00:00Z', draftReminder(draftOf4(), html)),
      ),
    ).toEqual([
      {
        id: 'outcome',
        text: 'The government published its outcome; it names questions 1, 2 and 4 of your draft',
        link: null,
      },
    ]);
    expect(
      detectChanges(
        closed,
        snapshotOf(outcome),
        at(
          '2027-03-01T00:00:00Z',
          draftReminder(draftOf4(), outcome.details.final_outcome_detail ?? null),
        ),
      )[0]?.text,
    ).toBe(
      'The government published its outcome; it names none of your draft’s questions by number',
    );
  });

  it('reads the numbers an outcome names, and guesses none', () => {
    expect([...questionsNamed('<p>Questions 3, 5 and 7a; Q10; questions 12 to 14.</p>')]).toEqual([
      '3',
      '5',
      '7a',
      '10',
      '12',
      '13',
      '14',
    ]);
    expect([
      ...questionsNamed('<p>We asked 12 questions in 2026 and had 4,000 answers.</p>'),
    ]).toEqual([]);
  });
});

describe('the watchlist’s checks of a consultation with a draft (fake clock)', () => {
  let dbName = '';
  afterEach(() => {
    vi.useRealTimers();
    indexedDB.deleteDatabase(dbName);
  });

  it('tells the week’s and the day’s reminders once each, with the draft’s unanswered questions', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    dbName = 'reminders-1';
    const db = openDatabase(dbName);
    const site = createFixtureFetch();
    const get = createLiveFetcher(db, {
      deps: { fetch: site.fetch, sleep: async () => {}, now: Date.now, random: () => 0 },
    });
    await putFollow(await db, {
      pageKey: 'consultation:sen-workforce-training-standards',
      kind: 'consultation',
      url: 'https://www.gov.uk/government/consultations/sen-workforce-training-standards',
      title: open.title,
      followedAt: 0,
      milestones: [],
      snapshot: snapshotOf(open),
      lastCheckedAt: null,
      nextCheckAt: 0,
      failures: 0,
    });
    await saveDraft(await db, draftOf4());
    const checkAt = async (iso: string) => {
      vi.setSystemTime(Date.parse(iso));
      // Due whenever the test says: the schedule itself is tested in watchlist.test.ts.
      const [item] = (await watchlist(await db)).items;
      if (item) await putFollow(await db, { ...item.follow, nextCheckAt: 0 });
      return (await runDueChecks(await db, get, Date.now)).map((e) => e.text);
    };
    expect(await checkAt('2026-12-10T09:00:00Z')).toEqual([]);
    expect(await checkAt('2026-12-14T09:00:00Z')).toEqual([
      'Closes in 6 days (20 December 2026): your draft has 2 unanswered questions',
    ]);
    expect(await checkAt('2026-12-15T09:00:00Z')).toEqual([]);
    expect(await checkAt('2026-12-19T09:00:00Z')).toEqual([
      'Closes tomorrow (20 December 2026): your draft has 2 unanswered questions',
    ]);
    expect(await checkAt('2026-12-19T15:00:00Z')).toEqual([]);
  });
});
