import type { Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { MARKS } from '../../components/marks';
import { ExtensionUi } from './closed-root';
import { clearStore, extensionPage, launch, paintedText, selectText } from './harness';
import { openWithView } from './view';

const SENCO = 'https://petition.parliament.uk/archived/petitions/591092';
const PASSAGE = 'Ensuring SENCOs are fully qualified is integral to this.';

const harness = await launch();
afterAll(() => harness.close());
beforeEach(async () => {
  harness.site.rewritePages = null;
  await clearStore(harness, 'annotations');
});

/** The notes section of the view beside the page (opened as a page of its own with `?tab=`). */
const notes = (view: Page) => view.locator('.notes');

/** Opens `url` in a tab, and the view of that tab; closing one closes both. */
async function openPanel(url: string) {
  const opened = await openWithView(harness, url);
  await notes(opened.view).waitFor();
  const close = opened.page.close.bind(opened.page);
  opened.page.close = async (options) => {
    await opened.view.close();
    await close(options);
  };
  return opened;
}

describe('highlights and notes', () => {
  it('highlights a selection from the keyboard, and paints it again after a reload', async () => {
    const { page, view, errors } = await openPanel(SENCO);
    const before = await page.evaluate(() => document.body.innerHTML.length);
    await selectText(page, PASSAGE);
    await page.keyboard.press('Alt+Shift+H');
    await expect
      .poll(() => notes(view).locator('.note-quote').allTextContents())
      .toEqual([PASSAGE]);
    await expect.poll(() => paintedText(page)).toEqual([PASSAGE]);
    await page.reload();
    await expect.poll(() => paintedText(page)).toEqual([PASSAGE]);
    // The view followed the reload: it shows the page's notes again once the page reported.
    await expect
      .poll(() => notes(view).locator('.note-quote').allTextContents())
      .toEqual([PASSAGE]);
    // Painted without touching the page's DOM.
    expect(await page.evaluate(() => document.body.innerHTML.length)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('highlights with a note, tags and a colour from the selection toolbar', async () => {
    const { page, view } = await openPanel(SENCO);
    await selectText(page, 'within 3 years of appointment');
    // The toolbar is in the card's closed shadow root: pressed as a user would, by its place.
    await (await ExtensionUi.of(page)).click('.selection-toolbar button.secondary');
    // The note is written in the view beside the page.
    await view.bringToFront();
    await notes(view).getByRole('button', { name: 'Edit' }).click();
    const note = notes(view).getByLabel('Note', { exact: true });
    await expect
      .poll(() => note.evaluate((element) => element === document.activeElement))
      .toBe(true);
    await note.fill('NASENCO deadline: quote in the briefing');
    await notes(view).getByLabel('Tags, separated by commas').fill('nasenco, training');
    await notes(view).getByLabel('Colour').selectOption('blue');
    await notes(view).getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => notes(view).locator('.note-text').allTextContents())
      .toEqual(['NASENCO deadline: quote in the briefing']);
    expect(await notes(view).locator('.tag').allTextContents()).toEqual(['nasenco', 'training']);
    await expect.poll(() => paintedText(page, 'blue')).toEqual(['within 3 years of appointment']);
    await page.close();
  });

  it('deletes with undo', async () => {
    const { page, view } = await openPanel(SENCO);
    await selectText(page, PASSAGE);
    await page.keyboard.press('Alt+Shift+H');
    await notes(view).locator('.note-quote').waitFor();
    await notes(view).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => notes(view).locator('.note').count()).toBe(0);
    await expect.poll(() => paintedText(page)).toEqual([]);
    await notes(view).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => paintedText(page)).toEqual([PASSAGE]);
    await expect
      .poll(() => notes(view).locator('.note-quote').allTextContents())
      .toEqual([PASSAGE]);
    await page.close();
  });

  it('keeps a note about the whole page', async () => {
    const { page, view } = await openPanel(SENCO);
    await notes(view)
      .getByLabel('Note about this page')
      .fill('Follow up with our MP about NASENCO funding.');
    await notes(view).getByRole('button', { name: 'Save note' }).click();
    await expect
      .poll(() => notes(view).locator('.note-text').allTextContents())
      .toEqual(['Follow up with our MP about NASENCO funding.']);
    await page.reload();
    await expect
      .poll(() => notes(view).locator('.note-text').allTextContents())
      .toEqual(['Follow up with our MP about NASENCO funding.']);
    await page.close();
  });

  it('finds a passage again after the page reworded it slightly; when it is gone, the view keeps its quote and says so', async () => {
    const { page, view } = await openPanel(SENCO);
    await selectText(page, PASSAGE);
    await page.keyboard.press('Alt+Shift+H');
    await notes(view).locator('.note-quote').waitFor();

    // What the view asks from here on.
    await view.evaluate(() => {
      const asked: string[] = [];
      (window as unknown as { asked: string[] }).asked = asked;
      const api = (
        globalThis as unknown as {
          chrome: {
            runtime: { sendMessage: (message: { type: string }, ...rest: unknown[]) => unknown };
          };
        }
      ).chrome.runtime;
      const send = api.sendMessage.bind(api);
      api.sendMessage = (message: { type: string }, ...rest: unknown[]) => {
        asked.push(message.type);
        return send(message, ...rest);
      };
    });
    harness.site.rewritePages = (html) =>
      html.replace(PASSAGE, 'Ensuring SENCOs are fully qualified is integral to that.');
    await page.reload();
    await expect
      .poll(() => paintedText(page))
      .toEqual(['Ensuring SENCOs are fully qualified is integral to that.']);
    const orphaned = notes(view).locator('.note [role="note"]');
    expect(await orphaned.count()).toBe(0);
    // The view's own work for that load is done (the page reports to it once its card is
    // drawn): it asked for the page's whole story once. What it asks for the next load is
    // counted from here.
    const storyAsks = () =>
      view.evaluate(
        () =>
          (window as unknown as { asked: string[] }).asked.filter((type) => type === 'story/get')
            .length,
      );
    await expect.poll(storyAsks).toBe(1);
    await view.locator('.story[aria-busy="false"]').waitFor();
    await view.evaluate(() => {
      (window as unknown as { asked: string[] }).asked.length = 0;
    });

    harness.site.rewritePages = (html) => html.replace(PASSAGE, '');
    await page.reload();
    // The view keeps the note and its quote, and says the page no longer has the passage (the
    // page's content script told it: the view never reads the page); the page paints nothing.
    await expect.poll(() => notes(view).locator('.note-quote').textContent()).toBe(PASSAGE);
    await expect
      .poll(() => orphaned.textContent())
      .toBe('This passage is no longer on the page. Your note and the quote are kept.');
    await view.locator('.story[aria-busy="false"]').waitFor();
    // The report that told the orphans changed nothing else: the view asked for the page's
    // story once (the whole one; the first screen came with the report), not again for it.
    const asked = await view.evaluate(() => (window as unknown as { asked: string[] }).asked);
    expect(asked.filter((type) => type === 'story/get')).toEqual(['story/get']);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARKS.done);
    await expect.poll(() => paintedText(page)).toEqual([]);

    // The passage is back: the view drops the mark.
    harness.site.rewritePages = null;
    await page.reload();
    await expect.poll(() => paintedText(page)).toEqual([PASSAGE]);
    await expect.poll(() => orphaned.count()).toBe(0);
    await page.close();
  });

  it('paints a passage of a page that fills in late, once it arrives', async () => {
    const late = 'https://petition.parliament.uk/petitions/100002';
    const { page, view } = await openPanel(late);
    await page.locator('main #signature-count').waitFor();
    await selectText(page, 'Families wait months for support');
    await page.keyboard.press('Alt+Shift+H');
    await notes(view).locator('.note-quote').waitFor();
    await page.reload();
    // At first the passage is not there yet; it is painted once the page's script adds it.
    await expect
      .poll(() => paintedText(page), { timeout: 10_000 })
      .toEqual(['Families wait months for support']);
    await page.close();
  });
});

describe('selections it refuses', () => {
  it('says a huge selection is too long, and saves nothing', async () => {
    const { page, view } = await openPanel(SENCO);
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('main') as Element);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    });
    await page.keyboard.press('Alt+Shift+H');
    // Said on the page, where the selection is (in the card's closed root).
    const ui = await ExtensionUi.of(page);
    await expect
      .poll(() => ui.texts('[role="alert"]'))
      .toContain('That selection is too long to highlight: keep it under 5,000 characters.');
    expect(await notes(view).locator('.note').count()).toBe(0);
    await expect.poll(() => paintedText(page)).toEqual([]);
    await page.close();
  });

  it('does nothing for an empty selection', async () => {
    const { page, view } = await openPanel(SENCO);
    await page.bringToFront();
    await page.keyboard.press('Alt+Shift+H');
    expect(await (await ExtensionUi.of(page)).count('.selection-toolbar')).toBe(0);
    // A highlight made after them is saved after anything they had asked for: only it appears.
    await selectText(page, PASSAGE);
    await page.keyboard.press('Alt+Shift+H');
    await expect
      .poll(() => notes(view).locator('.note-quote').allTextContents())
      .toEqual([PASSAGE]);
    await page.close();
  });
});

describe('several tabs', () => {
  it('a highlight made in one tab appears in another tab of the same page', async () => {
    const first = await openPanel(SENCO);
    const second = await openPanel(SENCO);
    await first.page.bringToFront();
    await selectText(first.page, PASSAGE);
    await first.page.keyboard.press('Alt+Shift+H');
    await expect
      .poll(() => notes(second.view).locator('.note-quote').allTextContents())
      .toEqual([PASSAGE]);
    await expect.poll(() => paintedText(second.page)).toEqual([PASSAGE]);
    await notes(second.view).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => notes(first.view).locator('.note').count()).toBe(0);
    await first.page.close();
    await second.page.close();
  });
});

describe('edits from several views of one note', () => {
  /** Opens the edit form of the page's only note. */
  async function editForm(view: Page) {
    await view.bringToFront();
    await notes(view).getByRole('button', { name: 'Edit' }).click();
    return notes(view).locator('.note form');
  }
  const noteTexts = (view: Page) => notes(view).locator('.note .note-text').allTextContents();
  const tags = (view: Page) => notes(view).locator('.note .tag').allTextContents();

  it('two views editing at once: different fields merge, the same field asks which to keep', async () => {
    const first = await openPanel(SENCO);
    const second = await openPanel(SENCO);
    await first.page.bringToFront();
    await selectText(first.page, PASSAGE);
    await first.page.keyboard.press('Alt+Shift+H');
    await expect.poll(() => notes(second.view).locator('.note-quote').count()).toBe(1);

    // Both forms opened on the same version; each tab changes a different field.
    const inFirst = await editForm(first.view);
    const inSecond = await editForm(second.view);
    await first.view.bringToFront();
    await inFirst.getByLabel('Note', { exact: true }).fill('Cite in our response');
    await inFirst.getByRole('button', { name: 'Save', exact: true }).click();
    // The user goes back to the other view (Playwright's clicks wait on a hidden tab's frames).
    await second.view.bringToFront();
    await inSecond.getByText(/changed elsewhere since you opened it/).waitFor();
    await inSecond.getByLabel('Tags, separated by commas').fill('evidence');
    await inSecond.getByRole('button', { name: 'Save', exact: true }).click();
    for (const { view } of [first, second]) {
      await expect.poll(() => noteTexts(view)).toEqual(['Cite in our response']);
      await expect.poll(() => tags(view)).toEqual(['evidence']);
    }

    // Both change the note: the later save shows both versions and saves nothing until asked.
    const stale = await editForm(second.view);
    const again = await editForm(first.view);
    await again.getByLabel('Note', { exact: true }).fill('Version from the first tab');
    await again.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => noteTexts(first.view)).toEqual(['Version from the first tab']);
    await second.view.bringToFront();
    await stale.getByLabel('Note', { exact: true }).fill('Version from the second tab');
    await stale.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = notes(second.view).locator('.edit-conflict');
    await conflict.waitFor();
    expect(await conflict.locator('.version .note-text').allTextContents()).toEqual([
      'Version from the first tab',
      'Version from the second tab',
    ]);
    expect(await noteTexts(first.view)).toEqual(['Version from the first tab']);
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    for (const { view } of [first, second]) {
      await expect.poll(() => noteTexts(view)).toEqual(['Version from the second tab']);
    }
    await first.page.close();
    await second.page.close();
  });

  it('the library shows an edit made in the view at once, and its open form merges rather than reverts', async () => {
    const { page, view } = await openPanel(SENCO);
    await selectText(page, PASSAGE);
    await page.keyboard.press('Alt+Shift+H');
    await notes(view).locator('.note-quote').waitFor();
    const library = await harness.context.newPage();
    await library.goto(extensionPage(harness, 'library.html'));
    const card = library.locator('.note-card', { hasText: PASSAGE });
    await card.getByRole('button', { name: /^Edit/ }).click();

    const inView = await editForm(view);
    await inView.getByLabel('Note', { exact: true }).fill('Written in the view');
    await inView.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => noteTexts(view)).toEqual(['Written in the view']);
    await library.bringToFront();

    await card.getByText(/changed elsewhere since you opened it/).waitFor();
    await card.getByLabel('Tags, separated by commas').fill('briefing');
    await card.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => card.locator('.note-text').textContent()).toBe('Written in the view');
    expect(await card.locator('.tag').allTextContents()).toEqual(['briefing']);
    await expect.poll(() => tags(view)).toEqual(['briefing']);
    await library.close();
    await page.close();
  });

  it('keeps what is typed into the page-note field while a slow save finishes', async () => {
    const { page, view } = await openPanel(SENCO);
    const field = notes(view).getByLabel('Note about this page');
    await field.fill('First thought');
    // Hold the notes store in a transaction of our own, so the save waits as on a slow disk.
    await harness.worker.evaluate(
      () =>
        new Promise<void>((started) => {
          const open = indexedDB.open('civic-thread');
          open.onsuccess = () => {
            const store = open.result
              .transaction('annotations', 'readwrite')
              .objectStore('annotations');
            const flag = globalThis as { releaseNotes?: boolean };
            flag.releaseNotes = false;
            const spin = () => {
              if (!flag.releaseNotes) store.count().onsuccess = spin;
            };
            spin();
            started();
          };
        }),
    );
    await notes(view).getByRole('button', { name: 'Save note' }).click();
    await field.fill('Second thought');
    await harness.worker.evaluate(() => {
      (globalThis as { releaseNotes?: boolean }).releaseNotes = true;
    });
    await expect.poll(() => noteTexts(view)).toEqual(['First thought']);
    expect(await field.inputValue()).toBe('Second thought');
    await page.close();
  });
});

describe('bookmarking a response', () => {
  it('saves the government response with its date and text, and finds it after the page rewords it', async () => {
    const { page, view } = await openPanel(SENCO);
    await notes(view)
      .getByRole('button', { name: 'Bookmark Government response (29 September 2021)' })
      .click();
    await expect
      .poll(() => notes(view).locator('.bookmark-label').allTextContents())
      .toEqual(['Bookmark: Government response · 29 September 2021']);
    expect(
      await notes(view)
        .getByRole('button', { name: /^Bookmarked: Government response/ })
        .isDisabled(),
    ).toBe(true);
    expect(await notes(view).locator('.note-quote').textContent()).toMatch(
      /Through the SEND Review/,
    );
    // Saved from the view, painted on the page, which hears of it through its own port.
    await expect
      .poll(async () => (await paintedText(page, 'blue')).join(''))
      .toMatch(/^29 September 2021[\s\S]*Through the SEND Review/);
    // The full text is kept, readable even if the page changes or disappears.
    await notes(view).locator('.saved-text summary').click();
    expect(await notes(view).locator('.saved-text p').textContent()).toMatch(
      /SENCOS must complete the National Award for Special Educational Needs Coordination \(NASENCO\) within 3 years of appointment/,
    );

    harness.site.rewritePages = (html) =>
      html.replace(
        'The Government is determined to improve outcomes',
        'The Government is committed to improving outcomes',
      );
    await page.reload();
    await expect
      .poll(async () => (await paintedText(page, 'blue')).join(''))
      .toMatch(/The Government is committed to improving outcomes/);
    await notes(view).locator('.bookmark-label').waitFor();
    await page.close();
  });

  it("offers each of a minister's contributions on a real Hansard page, the later ones under the name alone", async () => {
    const { page, view, errors } = await openPanel(
      'https://hansard.parliament.uk/Commons/2022-06-22/debates/1825FDB2-5C11-4579-B1DA-94B80654D983/OralAnswersToQuestions',
    );
    // The trimmed capture: "The Secretary of State for Northern Ireland" / "(Brandon Lewis)" once,
    // then "Brandon Lewis" four times, all under member 4009.
    const bookmarks = notes(view).getByRole('button', {
      name: /^Bookmark Brandon Lewis, The Secretary of State for Northern Ireland: “/,
    });
    await expect.poll(() => bookmarks.count()).toBe(5);
    expect(
      await notes(view)
        .getByRole('button', { name: /^Bookmark Nick Fletcher/ })
        .count(),
    ).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("saves a minister's contribution in Hansard, and a consultation's outcome", async () => {
    const debate = await openPanel(
      'https://hansard.parliament.uk/Commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/SpecialEducationalNeedsAndDisabilitiesReview',
    );
    // Every contribution he made: the first shows his office, the later ones only his name.
    const contributions = notes(debate.view).getByRole('button', {
      name: /^Bookmark Nadhim Zahawi, The Secretary of State for Education: “/,
    });
    await expect.poll(() => contributions.count()).toBe(8);
    const minister = contributions.first();
    const label = (await minister.textContent()) ?? '';
    await minister.click();
    await expect.poll(() => notes(debate.view).locator('.bookmark-label').count()).toBe(1);
    expect(await notes(debate.view).locator('.bookmark-label').textContent()).toBe(
      `Bookmark: ${label.replace(/^Bookmark /, '').replace(/ \(29 March 2022\)$/, '')} · 29 March 2022`,
    );
    await debate.page.close();

    const outcome = await openPanel(
      'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time',
    );
    await notes(outcome.view)
      .getByRole('button', { name: 'Bookmark Consultation outcome' })
      .click();
    await expect
      .poll(() => notes(outcome.view).locator('.note-quote').textContent())
      .toMatch(/^We received around 6,000 responses/);
    await outcome.page.close();
  });
});
