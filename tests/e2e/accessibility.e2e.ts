import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_PAGES } from './fixture-pages';
import { clearStore, extensionPage, launch } from './harness';
import { openWithView } from './view';

const harness = await launch();
afterAll(() => harness.close());

/** axe-core over the whole view beside the page (opened with `?tab=`), its sections loaded. */
async function viewViolations(url: string, colorScheme: 'light' | 'dark') {
  const { page, view } = await openWithView(harness, url);
  await view.emulateMedia({ colorScheme });
  for (const section of ['.story', '.related', '.live']) {
    await view.locator(`${section}[aria-busy="false"]`).waitFor();
  }
  const results = await new AxeBuilder({ page: view }).analyze();
  await view.close();
  await page.close();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe('accessibility of the view (axe-core: landmarks, headings, contrast, names)', () => {
  it.each(
    FIXTURE_PAGES.map((page) => [page.name, page.url]),
  )('%s: no violations', async (_, url) => {
    expect(await viewViolations(url, 'light')).toEqual([]);
  });

  it('no violations in dark mode either', async () => {
    const [first] = FIXTURE_PAGES;
    if (!first) throw new Error('no fixture pages');
    expect(await viewViolations(first.url, 'dark')).toEqual([]);
  });

  it('one main landmark and a navigation, the title first, then the story; focus goes the same way', async () => {
    const { page, view } = await openWithView(
      harness,
      'https://petition.parliament.uk/archived/petitions/591092',
    );
    await view.locator('.story-step a').first().waitFor();
    await view.locator('.related[aria-busy="false"]').waitFor();
    expect(await view.getByRole('main').count()).toBe(1);
    expect(await view.getByRole('navigation').count()).toBe(1);
    const headings = await view
      .locator('h1, h2, h3')
      .evaluateAll((all) => all.map((h) => `${h.tagName} ${h.textContent}`));
    expect(headings.slice(0, 3)).toEqual([
      'H1 Require School SENCOs to be fully qualified for the role.',
      'H2 The story so far',
      'H3 The rest of the story',
    ]);
    // Tab order: the story's links first, then the related items, then the notes.
    const order: string[] = [];
    for (let i = 0; i < 80; i++) {
      await view.keyboard.press('Tab');
      const section = await view.evaluate(
        () => document.activeElement?.closest('section, nav')?.className.split(' ').pop() ?? '',
      );
      if (section && order.at(-1) !== section) order.push(section);
      if (section === 'notes') break;
    }
    // (The user's own thread, when there is one, sits between the related items and the notes.)
    expect(order.filter((section) => section !== 'thread')).toEqual(['story', 'related', 'notes']);
    await view.close();
    await page.close();
  });
});

/** Presses Tab until `matches` holds for the focused element (in the page or the panel's shadow root). */
async function tabTo(page: Page, matches: string, limit = 200) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((selector) => {
      const shadow = document.querySelector('civic-thread-panel')?.shadowRoot?.activeElement;
      const active = shadow ?? document.activeElement;
      return active?.matches(selector) ?? false;
    }, matches);
    if (found) return;
  }
  throw new Error(`Tab never reached ${matches}`);
}

describe('keyboard only', () => {
  it('moves through the view’s related items, writes a note, and exports it from the library', async () => {
    await clearStore(harness, 'annotations');
    const { page, view } = await openWithView(
      harness,
      'https://petition.parliament.uk/archived/petitions/591092',
    );
    await view.locator('.related[aria-busy="false"]').waitFor();
    // Through the related items: each one takes focus in turn.
    await tabTo(view, '.related-item a');
    const first = await view.evaluate(() => document.activeElement?.textContent);
    await view.keyboard.press('Tab');
    const second = await view.evaluate(() => document.activeElement?.textContent);
    expect(first).toBeTruthy();
    expect(second).not.toBe(first);
    // A page note, typed and saved from the keyboard.
    await tabTo(view, '#ct-page-note');
    await view.keyboard.type('Raise NASENCO funding with our MP');
    await view.keyboard.press('Tab');
    await view.keyboard.press('Enter');
    await expect
      .poll(() => view.locator('.note-text').allTextContents())
      .toContain('Raise NASENCO funding with our MP');
    await view.close();
    await page.close();

    // The library: open "Export or import", reach "Export all", press Enter.
    const library = await harness.context.newPage();
    await library.goto(extensionPage(harness, 'library.html'));
    await library.locator('.note-card').waitFor();
    await tabTo(library, 'summary');
    await library.keyboard.press('Enter');
    await tabTo(library, 'button');
    expect(await library.evaluate(() => document.activeElement?.textContent)).toBe(
      'Export all (1)',
    );
    const [download] = await Promise.all([
      library.waitForEvent('download'),
      library.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^civic-thread-notes-\d{4}-\d{2}-\d{2}\.jsonld$/);
    await library.close();
  });
});
