// The consultation response workspace in the view (issue 17), end to end: questions read from the
// consultation's HTML document, answers with evidence from the user's bookmarks, kept across a
// browser restart, exported as Markdown and .docx; questions added from a selection or a pasted
// list; a long answer and pasted markup; axe over the workspace.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { responseBlocks, toMarkdown } from '../../utils/respond/export';
import type { Annotation } from '../../utils/storage/records';
import { ResponseDraft } from '../../utils/storage/response-draft';
import { docxFileText } from '../docx-text';
import { ExtensionUi } from './closed-root';
import { clearStore, type Harness, launch, readStore, selectText, updateRecords } from './harness';
import { openWithView } from './view';

const CONSULTATION = 'https://www.gov.uk/government/consultations/sen-workforce-training-standards';
/** The consultation's HTML document, where its questions are. */
const DOCUMENT = `${CONSULTATION}/sen-workforce-training-standards-consultation-document`;
const PETITION = 'https://petition.parliament.uk/archived/petitions/591092';
const DEBATE =
  'https://hansard.parliament.uk/Commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/SpecialEducationalNeedsAndDisabilitiesReview';
/** A consultation with no HTML document (its questions would be in a PDF). */
const NO_DOCUMENT = 'https://www.gov.uk/government/consultations/care-home-visiting-legal-right';
/** A withdrawn consultation. */
const WITHDRAWN = 'https://www.gov.uk/government/consultations/postgraduate-doctoral-loans';

// The user's profile is kept on disk, so closing the browser and launching it again is the same
// user coming back.
const profile = mkdtempSync(join(tmpdir(), 'civic-thread-profile-'));
const downloads = mkdtempSync(join(tmpdir(), 'civic-thread-downloads-'));
let harness: Harness = await launch({ userDataDir: profile });
afterAll(async () => {
  await harness.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(downloads, { recursive: true, force: true });
});

const workspace = (view: Page) => view.locator('.response-workspace');
const question = (view: Page, number: string) =>
  workspace(view).locator(`.response-question[data-question="${number}"]`);

/** The view of a consultation with its response workspace open. */
async function openWorkspace(url: string) {
  const opened = await openWithView(harness, url);
  await opened.view.getByRole('button', { name: 'Respond to this consultation' }).click();
  await workspace(opened.view).waitFor();
  return opened;
}

/** Opens one question's answer (each is a disclosure). */
async function openQuestion(view: Page, number: string): Promise<Locator> {
  const q = question(view, number);
  if (!(await q.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)))
    await q.locator('summary').click();
  await q.locator('.question-body').waitFor();
  return q;
}

const saved = (view: Page) =>
  expect
    .poll(() => workspace(view).locator('.save-status').textContent())
    .toBe('All changes saved.');

async function storedDraft(key = 'consultation:sen-workforce-training-standards') {
  const rows = (await readStore(harness, 'responses')) as { key: string }[];
  return ResponseDraft.parse(rows.find((row) => row.key === key));
}

/** The file a button downloads, saved in `downloads`. */
async function downloaded(view: Page, button: Locator, name: string): Promise<string> {
  const [download] = await Promise.all([view.waitForEvent('download'), button.click()]);
  const file = join(downloads, name);
  await download.saveAs(file);
  return file;
}

async function answerWithEvidence(
  view: Page,
  number: string,
  { option, point, search }: { option: string; point: string; search: string },
) {
  const q = await openQuestion(view, number);
  await q.getByRole('radio', { name: option, exact: true }).check();
  await q.getByRole('button', { name: 'Add a point' }).click();
  await q.getByRole('textbox', { name: `Point 1 of question ${number}` }).fill(point);
  await q.getByRole('button', { name: 'Add evidence from your notes' }).click();
  await q.getByRole('searchbox', { name: 'Search your highlights and bookmarks' }).fill(search);
  await q
    .locator('.picker-list li')
    .first()
    .getByRole('button', { name: 'Add as evidence' })
    .click();
  await q.getByRole('button', { name: 'Done adding evidence' }).click();
  await q.locator('.evidence-quote').first().waitFor();
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('drafting a consultation response', () => {
  it('answers two questions with evidence from bookmarks, keeps them across a restart, and exports exactly them', async () => {
    // The evidence: a petition's government response and a minister's contribution, bookmarked in the view.
    const petition = await openWithView(harness, PETITION);
    await petition.view
      .getByRole('button', { name: 'Bookmark Government response (29 September 2021)' })
      .click();
    await petition.view.locator('.bookmark-label').waitFor();
    const debate = await openWithView(harness, DEBATE);
    await debate.view
      .getByRole('button', {
        name: /^Bookmark Nadhim Zahawi, The Secretary of State for Education: “/,
      })
      .first()
      .click();
    await debate.view.locator('.bookmark-label').waitFor();
    const notes = (await readStore(harness, 'annotations')) as Annotation[];
    const response = notes.find((n) => n.pageUrl === PETITION);
    const minister = notes.find((n) => n.pageKind === 'debate');
    if (!response?.target || !minister?.target) throw new Error('the bookmarks were not saved');

    const { view, errors } = await openWorkspace(CONSULTATION);
    // The document's four questions, with where each came from.
    await expect.poll(() => workspace(view).locator('.response-question').count()).toBe(4);
    expect(
      await workspace(view).locator('.response-question .question-label').allTextContents(),
    ).toEqual(['Question 1:', 'Question 2:', 'Question 3:', 'Question 4:']);
    expect(await workspace(view).locator('.closing').textContent()).toMatch(
      /^(Closes in \d+ days|Closes tomorrow|Closes today|Closed) — 20 December 2026$/,
    );
    expect(await workspace(view).locator('.unanswered-line').textContent()).toBe(
      '4 of 4 questions unanswered: 1, 2, 3, 4.',
    );
    const ways = workspace(view).locator('.ways-to-respond');
    expect(await ways.getByRole('link', { name: 'Respond online' }).getAttribute('href')).toBe(
      'https://consult.education.gov.uk/sen-workforce/sen-workforce-training-standards',
    );
    expect(await ways.textContent()).toMatch(/SEN\.WORKFORCE@education\.gov\.uk/);
    expect(await ways.locator('address').textContent()).toMatch(/Sanctuary Buildings/);
    const first = await openQuestion(view, '1');
    expect(await first.locator('.source-line').textContent()).toBe(
      'From SEN workforce training standards: consultation document, under “Training standards for SENCOs”',
    );

    await answerWithEvidence(view, '1', {
      option: 'Agree',
      point: 'Many teachers support a national qualification, but the NASENCO must not be lost.',
      search: 'Government response',
    });
    await answerWithEvidence(view, '2', {
      option: 'Yes',
      point: 'Early years SENCOs meet the same children first.',
      search: 'Zahawi',
    });
    await saved(view);
    expect(await workspace(view).locator('.unanswered-line').textContent()).toBe(
      '2 of 4 questions unanswered: 3, 4.',
    );
    expect(errors).toEqual([]);

    // The browser closes, and the user comes back to the same profile.
    await harness.close();
    harness = await launch({ userDataDir: profile });
    const back = await openWorkspace(CONSULTATION);
    await expect
      .poll(() => back.view.locator('.unanswered-line').textContent())
      .toBe('2 of 4 questions unanswered: 3, 4.');
    const again = await openQuestion(back.view, '1');
    expect(await again.getByRole('radio', { name: 'Agree', exact: true }).isChecked()).toBe(true);
    expect(await again.locator('.evidence-quote').textContent()).toBe(response.target.quote.exact);

    const draft = await storedDraft();
    expect(draft.questions.map((q) => [q.number, q.answer.option, q.answer.points])).toEqual([
      [
        '1',
        'Agree',
        ['Many teachers support a national qualification, but the NASENCO must not be lost.'],
      ],
      ['2', 'Yes', ['Early years SENCOs meet the same children first.']],
      ['3', null, []],
      ['4', null, []],
    ]);
    expect(draft.questions.map((q) => q.answer.evidence.map((e) => e.annotationId))).toEqual([
      [response.id],
      [minister.id],
      [],
      [],
    ]);

    const exports = workspace(back.view).locator('.response-exports');
    const markdown = readFileSync(
      await downloaded(
        back.view,
        exports.getByRole('button', { name: 'Download Markdown' }),
        'response.md',
      ),
      'utf8',
    );
    expect(markdown).toBe(toMarkdown(responseBlocks(draft)));
    expect(markdown).toMatch(
      /Question 1: To what extent do you agree or disagree that every new SENCO/,
    );
    expect(markdown).toMatch(/Many teachers support a national qualification/);
    expect(markdown).toMatch(
      /Government response — Require School SENCOs to be fully qualified for the role\., 29 September 2021/,
    );
    expect(markdown).toMatch(/Nadhim Zahawi/);

    const docx = docxFileText(
      await downloaded(
        back.view,
        exports.getByRole('button', { name: 'Download Word (.docx)' }),
        'response.docx',
      ),
    );
    const text = squash(docx);
    for (const part of [
      'Question 1: To what extent do you agree or disagree that every new SENCO',
      'Many teachers support a national qualification, but the NASENCO must not be lost.',
      squash(response.target.quote.exact),
      'Question 2: Should the training standards also apply to SENCOs in early years settings?',
      'Early years SENCOs meet the same children first.',
      squash(minister.target.quote.exact),
      '29 September 2021',
      '29 March 2022',
    ]) {
      expect(text).toContain(part);
    }
    // Question 1's content comes before question 2's: the seed's order.
    expect(text.indexOf('NASENCO must not be lost')).toBeLessThan(text.indexOf('Question 2:'));
    expect(text).not.toMatch(/Question 5/);
    expect(back.errors).toEqual([]);

    // The petition's bookmark is deleted: its quote stays in the draft, marked.
    await back.view.close();
    await clearStore(harness, 'annotations');
    const later = await openWorkspace(CONSULTATION);
    const marked = await openQuestion(later.view, '1');
    expect(await marked.locator('.evidence-deleted').textContent()).toBe(
      'Its note has been deleted; the quote is kept here.',
    );
    expect(await marked.locator('.evidence-quote').textContent()).toBe(response.target.quote.exact);
    await later.view.close();
    await later.page.close();
    await back.page.close();
  }, 180_000);

  it('adds a question from text selected on the consultation’s page, which the open view shows', async () => {
    await clearStore(harness, 'responses');
    const { page, view } = await openWorkspace(CONSULTATION);
    await expect.poll(() => workspace(view).locator('.response-question').count()).toBe(4);
    const wording = 'a core training standard for teaching assistants who support pupils with SEND';
    await selectText(page, wording);
    const ui = await ExtensionUi.of(page);
    await ui.waitFor('.selection-toolbar .add-question');
    await ui.click('.selection-toolbar .add-question');
    await expect.poll(() => workspace(view).locator('.response-question').count()).toBe(5);
    const added = workspace(view).locator('.response-question').last();
    expect(await added.locator('summary').textContent()).toContain(wording);
    await added.locator('summary').click();
    expect(await added.locator('.source-line').textContent()).toBe(
      'Added by you from text selected on the page',
    );
    const draft = await storedDraft();
    expect(draft.questions.at(-1)).toMatchObject({
      number: null,
      text: wording,
      source: { from: 'user', how: 'selected', pageUrl: CONSULTATION },
    });

    // With the workspace closed, the view still hears of the next one and draws it when opened.
    const toggle = view.getByRole('button', { name: 'Respond to this consultation' });
    await toggle.click();
    await workspace(view).waitFor({ state: 'detached' });
    const second = 'protected time for SENCOs to carry out their strategic role';
    await selectText(page, second);
    await ui.waitFor('.selection-toolbar .add-question');
    await ui.click('.selection-toolbar .add-question');
    await expect.poll(async () => (await storedDraft()).questions.at(-1)?.text).toBe(second);
    await toggle.click();
    await expect.poll(() => workspace(view).locator('.response-question').count()).toBe(6);
    await view.close();
    await page.close();
  });

  it('offers the workspace beside the consultation’s document, with the same draft as its page', async () => {
    await clearStore(harness, 'responses');
    const pagesBefore = ((await readStore(harness, 'pages')) as { url: string }[]).length;
    const { page, view } = await openWorkspace(DOCUMENT);
    expect(await view.locator('.view-header h1').textContent()).toBe(
      'SEN workforce training standards: consultation document',
    );
    const parent = view.locator('.view-header .document-of a');
    await expect
      .poll(() => parent.textContent())
      .toBe('SEN workforce: training standards for SENCOs and support staff');
    expect(await parent.getAttribute('href')).toBe(CONSULTATION);
    const axe = await new AxeBuilder({ page: view }).include('.view-header').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    // The document's numbered questions, and its closing date from GOV.UK's record.
    await expect
      .poll(() =>
        workspace(view)
          .locator('.response-question')
          .evaluateAll((qs) => qs.map((q) => q.getAttribute('data-question'))),
      )
      .toEqual(['1', '2', '3', '4']);
    await expect
      .poll(() => workspace(view).locator('.closing').textContent())
      .toMatch(/20 December 2026$/);
    const q = await openQuestion(view, '2');
    await q.getByRole('button', { name: 'Add a point' }).click();
    const point = 'Early years settings need the same standard.';
    await q.getByRole('textbox', { name: 'Point 1 of question 2' }).fill(point);
    await saved(view);

    // "Add as question" where the questions are read; the document gets no card of its own.
    const ui = await ExtensionUi.of(page);
    const wording = 'The standards would set out the training they are given when they start';
    await selectText(page, wording);
    await ui.waitFor('.selection-toolbar .add-question');
    expect(await ui.texts('.selection-toolbar button')).toEqual(['Add as question']);
    await ui.click('.selection-toolbar .add-question');
    await expect.poll(() => workspace(view).locator('.response-question').count()).toBe(5);
    expect((await storedDraft()).questions.at(-1)).toMatchObject({
      text: wording,
      source: { from: 'user', how: 'selected', pageUrl: DOCUMENT },
    });
    expect(await ui.count('.card, .edge-tab')).toBe(0);
    // No visit: the document is no page of the user's thread.
    const pages = (await readStore(harness, 'pages')) as { url: string }[];
    expect(pages).toHaveLength(pagesBefore);
    expect(pages.map((record) => record.url)).not.toContain(DOCUMENT);

    // The consultation's own page shows the same draft.
    const there = await openWorkspace(CONSULTATION);
    const same = await openQuestion(there.view, '2');
    expect(await same.getByRole('textbox', { name: 'Point 1 of question 2' }).inputValue()).toBe(
      point,
    );
    expect(await workspace(there.view).locator('.response-question').count()).toBe(5);
    await there.view.close();
    await there.page.close();
    await view.close();
    await page.close();
  });

  it('where no document has questions, says so and takes a pasted list, markup kept as text', async () => {
    const { page, view } = await openWorkspace(NO_DOCUMENT);
    await expect
      .poll(() => workspace(view).locator('.notice').first().textContent())
      .toMatch(/no HTML document to read questions from/);
    expect(await workspace(view).locator('.response-question').count()).toBe(0);
    await workspace(view).locator('.add-questions summary').click();
    await workspace(view)
      .getByRole('textbox', { name: /Or paste a list of questions/ })
      .fill(
        'Question 1: Should visits be <b>a legal right</b>?\nQ2. What <script>alert(1)</script> else\nwould help?',
      );
    await workspace(view).getByRole('button', { name: 'Add these 2 questions' }).click();
    await expect.poll(() => workspace(view).locator('.response-question').count()).toBe(2);
    expect(await workspace(view).locator('.response-question summary').allTextContents()).toEqual([
      'Question 1: Should visits be <b>a legal right</b>? (unanswered)',
      'Question 2: What <script>alert(1)</script> else would help? (unanswered)',
    ]);
    // Pasted into a point, markup stays text too: nothing of it becomes an element.
    const q = await openQuestion(view, '1');
    await q.getByRole('button', { name: 'Add a point' }).click();
    const pasted = '<img src=x onerror="alert(1)"><b>Visits</b> matter.';
    await q.getByRole('textbox', { name: 'Point 1 of question 1' }).fill(pasted);
    await saved(view);
    expect(await workspace(view).locator('b, script, img').count()).toBe(0);
    const draft = await storedDraft('consultation:care-home-visiting-legal-right');
    expect(draft.questions.map((x) => [x.number, x.text, x.source])).toEqual([
      [
        '1',
        'Should visits be <b>a legal right</b>?',
        { from: 'user', how: 'pasted', pageUrl: null },
      ],
      [
        '2',
        'What <script>alert(1)</script> else would help?',
        { from: 'user', how: 'pasted', pageUrl: null },
      ],
    ]);
    expect(draft.questions[0]?.answer.points).toEqual([pasted]);
    await view.close();
    await page.close();
  });

  it('keeps a 100 KB answer whole, and copies an answer for pasting into a survey', async () => {
    await clearStore(harness, 'responses');
    await harness.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page, view } = await openWorkspace(CONSULTATION);
    await expect.poll(() => workspace(view).locator('.response-question').count()).toBe(4);
    const q = await openQuestion(view, '4');
    await q.getByRole('button', { name: 'Add a point' }).click();
    const long = 'Schools cannot release staff without cover. '.repeat(2_300).slice(0, 100_000);
    await q.getByRole('textbox', { name: 'Point 1 of question 4' }).fill(long);
    await saved(view);
    expect((await storedDraft()).questions[3]?.answer.points).toEqual([long]);
    await q.getByRole('button', { name: 'Copy this answer' }).click();
    await expect
      .poll(() => workspace(view).locator('.response-exports [role="status"]').textContent())
      .toBe('Answer to question 4 copied.');
    expect(await view.evaluate(() => navigator.clipboard.readText())).toBe(
      `1. ${long.trimEnd()}\n`,
    );

    await view.reload();
    await view.getByRole('button', { name: 'Respond to this consultation' }).click();
    const again = await openQuestion(view, '4');
    expect(await again.getByRole('textbox', { name: 'Point 1 of question 4' }).inputValue()).toBe(
      long,
    );
    await view.close();
    await page.close();
  });

  it('reorders points from the keyboard, focus following the moved point', async () => {
    await clearStore(harness, 'responses');
    const { page, view } = await openWorkspace(CONSULTATION);
    const q = await openQuestion(view, '2');
    for (const [n, text] of [
      [1, 'First point'],
      [2, 'Second point'],
    ] as const) {
      await q.getByRole('button', { name: 'Add a point' }).click();
      await q.getByRole('textbox', { name: `Point ${n} of question 2` }).fill(text);
    }
    await q.getByRole('button', { name: 'Move point 2 up' }).focus();
    await view.keyboard.press('Enter');
    await expect
      .poll(() =>
        q
          .locator('.points textarea')
          .evaluateAll((all) => all.map((t) => (t as HTMLTextAreaElement).value)),
      )
      .toEqual(['Second point', 'First point']);
    // Now first, it cannot go up: focus is on its "down" button, so Enter moves it back.
    await expect
      .poll(() => view.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Move point 1 down');
    await saved(view);
    expect((await storedDraft()).questions[1]?.answer.points).toEqual([
      'Second point',
      'First point',
    ]);
    await view.close();
    await page.close();
  });

  it('saves what was just typed when the view is closed before the autosave', async () => {
    await clearStore(harness, 'responses');
    const { page, view } = await openWorkspace(CONSULTATION);
    const q = await openQuestion(view, '3');
    await q.getByRole('button', { name: 'Add a point' }).click();
    await saved(view);
    await q
      .getByRole('textbox', { name: 'Point 1 of question 3' })
      .fill('Typed, then closed at once.');
    expect(await workspace(view).locator('.save-status').textContent()).toBe('Not saved yet…');
    await view.close({ runBeforeUnload: true });
    await expect
      .poll(async () => (await storedDraft()).questions[2]?.answer.points)
      .toEqual(['Typed, then closed at once.']);
    await page.close();
  });

  it('takes the stored draft and says so when a save meets a newer one, and deletes with Undo', async () => {
    await clearStore(harness, 'responses');
    const { page, view } = await openWorkspace(CONSULTATION);
    const q = await openQuestion(view, '2');
    await q.getByRole('radio', { name: 'No', exact: true }).check();
    await saved(view);
    // Another view saved meanwhile (told to nobody): the next save from this one is refused.
    await updateRecords(harness, 'responses', { revision: 7 });
    await q.getByRole('radio', { name: 'Yes', exact: true }).check();
    await expect
      .poll(() => workspace(view).locator('[role="alert"]').textContent())
      .toMatch(/^This draft was changed elsewhere/);
    expect(
      await question(view, '2').getByRole('radio', { name: 'No', exact: true }).isChecked(),
    ).toBe(true);
    expect((await storedDraft()).revision).toBe(7);

    await workspace(view).getByRole('button', { name: 'Delete this draft' }).click();
    await expect.poll(() => readStore(harness, 'responses')).toEqual([]);
    await workspace(view).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await storedDraft()).questions[1]?.answer.option).toBe('No');
    await view.close();
    await page.close();
  });

  it('keeps the draft of a withdrawn consultation, with the notice', async () => {
    const { page, view } = await openWorkspace(WITHDRAWN);
    await expect
      .poll(() => workspace(view).getByRole('status').first().textContent())
      .toBe('This consultation has been withdrawn. Your draft is kept.');
    await view.close();
    await page.close();
  });

  it('has no axe violations in the workspace, a question open', async () => {
    const { page, view } = await openWorkspace(CONSULTATION);
    await openQuestion(view, '1');
    await workspace(view).locator('.ways-to-respond').waitFor();
    const results = await new AxeBuilder({ page: view }).include('.respond').analyze();
    expect(
      results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
    await view.close();
    await page.close();
  });
});
