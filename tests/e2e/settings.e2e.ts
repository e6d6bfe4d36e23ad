import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPage, type Harness, launch, openPage, panelOf } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(() => harness?.close());

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
    const { page: petition } = await openPage(
      harness,
      'https://petition.parliament.uk/petitions/701234',
    );
    await panelOf(petition).getByRole('button', { name: 'Show context panel' }).waitFor();
    await checkbox.uncheck();
    await petition.reload();
    await panelOf(petition).getByRole('button', { name: 'Hide context panel' }).waitFor();
    await page.close();
    await petition.close();
  });
});
