import { afterAll, describe, expect, it } from 'vitest';
import { ExtensionUi } from './closed-root';
import { extensionPage, launch, storedSettings } from './harness';
import { openWithView } from './view';

const harness = await launch();
afterAll(() => harness.close());

const optionsUrl = () => extensionPage(harness, 'options.html');

describe('the settings page', () => {
  it('says whether the notes are protected from clean-up, and asks the browser to protect them', async () => {
    const page = await harness.context.newPage();
    await page.goto(optionsUrl());
    const state = page.locator('.storage-state');
    await state.waitFor();
    const protect = page.getByRole('button', { name: 'Protect my notes' });
    if (await protect.count()) {
      await protect.click();
      // Either answer is the browser's to give; the page must report whichever it was.
      const alert = page.getByRole('alert');
      await expect
        .poll(async () => ((await alert.count()) ? alert.textContent() : state.textContent()))
        .toMatch(/^Protected|^The browser did not agree/);
    }
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    expect(await state.textContent()).toBe(
      persisted
        ? 'Protected: the browser will not clear your notes to free disk space.'
        : 'Not protected yet: if the disk fills up, the browser may clear your notes.',
    );
    expect(await page.getByText(/Civic Thread uses [\d.]+ MB of the/).count()).toBe(1);
    await page.close();
  });

  it('sets whether the panel starts hidden', async () => {
    const page = await harness.context.newPage();
    await page.goto(optionsUrl());
    const checkbox = page.getByLabel('Start with the panel hidden');
    await checkbox.check();
    await expect.poll(async () => (await storedSettings(harness)).panelCollapsed).toBe(true);
    const petition = await harness.context.newPage();
    await petition.setViewportSize({ width: 1920, height: 900 });
    await petition.goto('https://petition.parliament.uk/petitions/701234');
    const card = await ExtensionUi.of(petition);
    await card.waitFor('.edge-tab[aria-expanded="false"]');
    await checkbox.uncheck();
    await expect.poll(async () => (await storedSettings(harness)).panelCollapsed).toBe(false);
    await petition.reload();
    card.reset();
    await card.waitFor('aside.card');
    await page.close();
    await petition.close();
  });

  it('offers highlights and notes only on the kinds of page chosen', async () => {
    const page = await harness.context.newPage();
    await page.goto(optionsUrl());
    const debates = page.getByLabel('Hansard debates');
    await debates.uncheck();
    await expect
      .poll(async () => (await storedSettings(harness)).annotateKinds)
      .not.toContain('debate');
    const { page: debate, view } = await openWithView(
      harness,
      'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding',
    );
    await view.locator('.related[aria-busy="false"]').waitFor();
    await view.locator('.live[aria-busy="false"]').waitFor();
    expect(await view.locator('.notes').count()).toBe(0);
    await page.bringToFront();
    await debates.check();
    await expect
      .poll(async () => (await storedSettings(harness)).annotateKinds)
      .toContain('debate');
    await debate.reload();
    await view.locator('.notes').waitFor();
    await view.close();
    await page.close();
    await debate.close();
  });
});
