import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ExtensionUi } from './closed-root';
import {
  clearStore,
  extensionPage,
  launch,
  openPage,
  paintedText,
  readStore,
  selectText,
  storeManyNotes,
} from './harness';
import { openWithView } from './view';

const SENCO = 'https://petition.parliament.uk/archived/petitions/591092';
const SENCO_PASSAGE = 'Ensuring SENCOs are fully qualified is integral to this.';
const WH_DEBATE =
  'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding';

const harness = await launch();
afterAll(() => harness.close());
beforeEach(() => clearStore(harness, 'annotations'));

/** Highlights the first occurrence of `passage` from the selection toolbar, then writes its note and tags in the view. */
async function highlightWithNote(url: string, passage: string, note: string, tags: string) {
  const { page, view } = await openWithView(harness, url);
  const notes = view.locator('.notes');
  await notes.waitFor();
  await selectText(page, passage);
  await (await ExtensionUi.of(page)).click('.selection-toolbar button.secondary');
  await notes.locator('.note', { hasText: passage }).getByRole('button', { name: 'Edit' }).click();
  await notes.getByLabel('Note', { exact: true }).fill(note);
  await notes.getByLabel('Tags, separated by commas').fill(tags);
  await notes.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => notes.locator('.note-text').allTextContents()).toContain(note);
  await view.close();
  await page.close();
}

/** The library as the side panel shows it: a narrow window. */
async function openLibrary(prepare?: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await harness.context.newPage();
  await prepare?.(page);
  await page.setViewportSize({ width: 400, height: 900 });
  await page.goto(extensionPage(harness, 'library.html'));
  await page.getByRole('heading', { name: 'Notes, highlights and bookmarks' }).waitFor();
  return page;
}

/**
 * Makes the background's answer to "every note" reach the page 1.5 s late, as on a slow machine
 * (the newest 60 come at once).
 */
function delayFullList(page: Page) {
  return page.addInitScript(() => {
    const { runtime } = (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage: (...args: unknown[]) => unknown } };
      }
    ).chrome;
    const send = runtime.sendMessage;
    runtime.sendMessage = function (this: unknown, ...args: unknown[]) {
      const message = args[0] as { type?: string; limit?: number };
      if (message?.type !== 'library/list' || message.limit !== undefined) {
        return send.apply(this, args);
      }
      const later = <T>(value: T) => new Promise<T>((done) => setTimeout(() => done(value), 1500));
      const reply = args.at(-1);
      if (typeof reply === 'function') {
        args[args.length - 1] = (...answer: unknown[]) =>
          void later(answer).then((a) => reply(...a));
      }
      const sent = send.apply(this, args);
      return sent instanceof Promise ? sent.then(later) : sent;
    };
  });
}

const quotes = (library: Page) => library.locator('.note-card .note-quote').allTextContents();

async function axeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe('the library', () => {
  it('finds notes from two pages, exports them, and brings them back after everything is deleted', async () => {
    await highlightWithNote(
      SENCO,
      SENCO_PASSAGE,
      'NASENCO deadline for the briefing',
      'nasenco, training',
    );
    const debatePassage = await (async () => {
      const { page } = await openPage(harness, WH_DEBATE);
      const text =
        (await page.locator('p.hs_Para').first().textContent())?.trim().slice(0, 60) ?? '';
      await page.close();
      return text;
    })();
    await highlightWithNote(WH_DEBATE, debatePassage, 'Minister on high needs funding', 'funding');

    const library = await openLibrary();
    expect((await quotes(library)).sort()).toEqual([debatePassage, SENCO_PASSAGE].sort());
    // Grouped by page, with the page's kind and title.
    expect(await library.locator('.page-group h3').allTextContents()).toEqual(
      expect.arrayContaining([
        'Petition Require School SENCOs to be fully qualified for the role.',
        expect.stringMatching(/^Hansard debate Special Educational Needs and Disabilities Funding/),
      ]),
    );

    // Search as the user types: a word from the note, then a prefix of a tag.
    await library.getByLabel('Search your notes').fill('NASENCO');
    await expect.poll(() => quotes(library)).toEqual([SENCO_PASSAGE]);
    await library.getByLabel('Search your notes').fill('fund');
    await expect.poll(() => quotes(library)).toEqual([debatePassage]);
    await library.getByLabel('Search your notes').fill('');
    await library.getByLabel('Page', { exact: true }).selectOption('debate');
    await expect.poll(() => quotes(library)).toEqual([debatePassage]);
    await library.getByLabel('Page', { exact: true }).selectOption('');
    await library.getByLabel('Tag', { exact: true }).selectOption('training');
    await expect.poll(() => quotes(library)).toEqual([SENCO_PASSAGE]);
    await library.getByLabel('Tag', { exact: true }).selectOption('');

    expect(await axeViolations(library)).toEqual([]);

    // Export everything as W3C Web Annotations.
    await library.getByText('Export or import').click();
    const [download] = await Promise.all([
      library.waitForEvent('download'),
      library.getByRole('button', { name: 'Export all (2)' }).click(),
    ]);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toMatchObject({ type: 'AnnotationCollection', total: 2 });

    // For Hypothesis, one page per file: it adds a file's notes to the page open in it.
    await library.getByLabel('Format').selectOption('hypothesis');
    const pageChoice = library.getByLabel('Page for Hypothesis');
    expect(await pageChoice.locator('option').count()).toBe(2);
    await pageChoice.selectOption({ index: 1 });
    const [forHypothesis] = await Promise.all([
      library.waitForEvent('download'),
      library.getByRole('button', { name: 'Export this page (1)' }).click(),
    ]);
    const hypothesisFile = JSON.parse(readFileSync(await forHypothesis.path(), 'utf8'));
    expect(hypothesisFile.annotations).toHaveLength(1);
    expect(hypothesisFile.annotations[0]).toMatchObject({
      user: 'acct:civic_thread@civic-thread.invalid',
      permissions: { read: ['acct:civic_thread@civic-thread.invalid'] },
    });
    // Hypothesis anchors it by position: its offsets over the page body's textContent hold the quote.
    const [{ uri, target }] = hypothesisFile.annotations;
    const selectors: { type: string; exact?: string; start?: number; end?: number }[] =
      target[0].selector;
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    const { page: annotated } = await openPage(harness, uri);
    expect(
      await annotated.evaluate(({ start, end }) => document.body.textContent?.slice(start, end), {
        start: position?.start ?? 0,
        end: position?.end ?? 0,
      }),
    ).toBe(quote?.exact);
    await annotated.close();
    await library.getByLabel('Format').selectOption('w3c');

    // Delete all my data, from the settings page, after confirming.
    const settings = await harness.context.newPage();
    await settings.goto(extensionPage(harness, 'options.html'));
    expect(await axeViolations(settings)).toEqual([]);
    await settings.getByRole('button', { name: 'Delete all my data' }).click();
    await settings.getByRole('button', { name: 'Yes, delete everything' }).click();
    await settings.getByText('All your Civic Thread data was deleted.').waitFor();
    expect(await readStore(harness, 'annotations')).toEqual([]);
    await settings.close();

    // Import: a preview first, then one write; a second import adds nothing.
    await library.reload();
    await library.getByText('No notes yet.', { exact: false }).waitFor();
    await library.getByText('Export or import').click();
    await library.getByLabel(/^Import a W3C Web Annotation file/).setInputFiles(file);
    await expect
      .poll(() => library.locator('.preview p').first().textContent())
      .toBe('2 notes, 0 duplicates skipped, 0 invalid.');
    await library.getByRole('button', { name: 'Import 2 items' }).click();
    await library.getByText('Imported 2 items.').waitFor();
    await library.getByLabel(/^Import a W3C Web Annotation file/).setInputFiles(file);
    await expect
      .poll(() => library.locator('.preview p').first().textContent())
      .toBe('0 notes, 2 duplicates skipped, 0 invalid.');
    expect(await readStore(harness, 'annotations')).toHaveLength(2);

    // Another tool's annotation: what cannot be kept is listed in the preview, before any write.
    await library.getByLabel(/^Import a W3C Web Annotation file/).setInputFiles({
      name: 'other-tool.jsonld',
      mimeType: 'application/ld+json',
      buffer: Buffer.from(
        JSON.stringify({
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          id: 'https://example.org/anno/1',
          type: 'Annotation',
          body: ['https://example.org/post1', { type: 'TextualBody', value: 'Qualified SENCOs' }],
          target: { source: SENCO, selector: { type: 'TextQuoteSelector', exact: SENCO_PASSAGE } },
        }),
      ),
    });
    await expect
      .poll(() => library.locator('.preview .simplified li').allTextContents())
      .toEqual([
        'Record 1: body: the linked resource "https://example.org/post1" is not text, so it was left out',
      ]);
    await library.locator('.preview').getByRole('button', { name: 'Cancel' }).click();
    expect(await readStore(harness, 'annotations')).toHaveLength(2);

    // The notes are painted on their pages again.
    const { page } = await openPage(harness, SENCO);
    await expect.poll(() => paintedText(page)).toEqual([SENCO_PASSAGE]);
    await page.close();
    await library.close();
  });

  it('opens a note on its page at the passage', async () => {
    await highlightWithNote(SENCO, SENCO_PASSAGE, 'Quote this', 'briefing');
    const library = await openLibrary();
    const [opened] = await Promise.all([
      harness.context.waitForEvent('page'),
      library.getByRole('link', { name: /^Open on the page/ }).click(),
    ]);
    await opened.waitForLoadState();
    expect(opened.url().startsWith(`${SENCO}#:~:text=`)).toBe(true);
    // The browser scrolled the passage into view.
    await expect
      .poll(() =>
        opened.evaluate((text) => {
          const paragraph = [...document.querySelectorAll('p')].find((p) =>
            p.textContent?.includes(text),
          );
          const rect = paragraph?.getBoundingClientRect();
          return rect ? rect.top >= 0 && rect.bottom <= innerHeight : false;
        }, SENCO_PASSAGE),
      )
      .toBe(true);
    await opened.close();
    await library.close();
  });

  it('edits and retags a note, deletes in bulk and undoes it', async () => {
    await highlightWithNote(SENCO, SENCO_PASSAGE, 'First thought', 'draft');
    await highlightWithNote(SENCO, 'within 3 years of appointment', 'Second thought', 'draft');
    const library = await openLibrary();
    const first = library.locator('.note-card', { hasText: SENCO_PASSAGE });
    await first.getByRole('button', { name: /^Edit/ }).click();
    await first.getByLabel('Note').fill('Quote in the briefing');
    await first.getByLabel('Tags, separated by commas').fill('briefing, nasenco');
    await first.getByRole('button', { name: 'Save' }).click();
    const edited = library.locator('.note-card', { hasText: 'Quote in the briefing' });
    await expect
      .poll(() => edited.locator('.tag').allTextContents())
      .toEqual(['briefing', 'nasenco']);

    await library.getByLabel('Select all 2 matching').check();
    await library.getByRole('button', { name: 'Delete selected (2)' }).click();
    await library.getByText('Deleted 2 items.').waitFor();
    expect(await library.locator('.note-card').count()).toBe(0);
    await library.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => library.locator('.note-card').count()).toBe(2);
    expect(await readStore(harness, 'annotations')).toHaveLength(2);
    await library.close();
  });

  it("changes a highlight's colour from its editor, which opens on the note's text", async () => {
    await highlightWithNote(SENCO, SENCO_PASSAGE, 'Colour me', 'draft');
    const library = await openLibrary();
    const card = library.locator('.note-card', { hasText: SENCO_PASSAGE });
    await card.getByRole('button', { name: /^Edit/ }).click();
    // The user asked to edit this note: the cursor is in its text.
    await expect
      .poll(() => card.getByLabel('Note').evaluate((field) => field === document.activeElement))
      .toBe(true);
    expect(await axeViolations(library, '.note-form')).toEqual([]);
    await card.getByLabel('Colour').selectOption('green');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () =>
        ((await readStore(harness, 'annotations')) as { colour: string }[]).map((a) => a.colour),
      )
      .toEqual(['green']);
    // The page paints it in its new colour.
    const { page } = await openPage(harness, SENCO);
    await expect.poll(() => paintedText(page, 'green')).toEqual([SENCO_PASSAGE]);
    expect(await paintedText(page)).toEqual([]);
    await page.close();
    await library.close();
  });

  it('keeps a note deleted while the rest of a large library is still loading', async () => {
    await storeManyNotes(harness, 10_000, ['funding', 'SENCO', 'training']);
    // The background's answer to "every note" reaches the page 1.5 s late, as on a slow
    // machine: read before the delete below, delivered after it.
    const library = await openLibrary(delayFullList);
    const count = library.locator('.result-count');
    // The newest 60 are drawn while the other 9,940 are still on their way.
    await expect.poll(() => count.textContent()).toMatch(/loading the rest/);
    const newest = library.locator('.note-card').first();
    const noteText = () => library.locator('.note-card .note-text').allTextContents();
    const note = await newest.locator('.note-text').textContent();
    await newest.getByRole('button', { name: /^Delete/ }).click();
    await library.getByText('Deleted 1 item.').waitFor();
    // The full list, read before the delete, arrives after it: the note must stay gone.
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('9999 items');
    expect(await noteText()).not.toContain(note);
    await library.getByLabel('Search your notes').fill(note ?? '');
    await expect.poll(() => library.locator('.result-count').textContent()).toMatch(/match$/);
    expect(await noteText()).not.toContain(note);
    await library.close();
  }, 60_000);

  it('exports every note when "Export all" is pressed while the rest are loading, and undoes an import', async () => {
    await storeManyNotes(harness, 10_000, ['funding', 'SENCO', 'training']);
    const library = await openLibrary(delayFullList);
    await expect
      .poll(() => library.locator('.result-count').textContent())
      .toMatch(/loading the rest/);
    await library.getByText('Export or import').click();
    const [download] = await Promise.all([
      library.waitForEvent('download', { timeout: 30_000 }),
      library.getByRole('button', { name: 'Export all (10000)' }).click(),
    ]);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.total).toBe(10_000);
    expect(exported.first.items).toHaveLength(10_000);

    await clearStore(harness, 'annotations');
    await library.reload();
    await library.getByText('No notes yet.', { exact: false }).waitFor();
    await library.getByText('Export or import').click();
    await library.getByLabel(/^Import a W3C Web Annotation file/).setInputFiles(file);
    await expect
      .poll(() => library.locator('.preview p').first().textContent(), { timeout: 30_000 })
      .toBe('10000 notes, 0 duplicates skipped, 0 invalid.');
    await library.getByRole('button', { name: 'Import 10000 items' }).click();
    await library.getByText('Imported 10,000 items.').waitFor({ timeout: 60_000 });
    expect(await readStore(harness, 'annotations')).toHaveLength(10_000);
    await expect.poll(() => library.locator('.result-count').textContent()).toBe('10000 items');

    await library.getByRole('button', { name: 'Undo this import (10,000 items)' }).click();
    await library.getByText('No notes yet.', { exact: false }).waitFor({ timeout: 60_000 });
    expect(await readStore(harness, 'annotations')).toEqual([]);
    await library.close();
  }, 120_000);
});
