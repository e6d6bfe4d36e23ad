import { afterAll, describe, expect, it } from 'vitest';
import { factOf, launch, openPage, panelOf, readStore } from './harness';

const SENCO = 'https://petition.parliament.uk/archived/petitions/591092';

const harness = await launch();
afterAll(() => harness.close());

// Collapsing, keyboard reach, hostile CSS and layout are the card's: card.e2e.ts.
describe('panel behaviour', () => {
  it("stores the visited page and its links in the extension's own database", async () => {
    const { page } = await openPage(harness, SENCO);
    await expect
      .poll(async () =>
        (await readStore(harness, 'pages')).map((row) => (row as { key: string }).key),
      )
      .toContain('petition:591092');
    const links = (await readStore(harness, 'links')) as { from: string; to: string }[];
    expect(links.filter((link) => link.from === 'petition:591092').map((link) => link.to)).toEqual(
      expect.arrayContaining([
        'consultation:send-review-right-support-right-place-right-time',
        'debate:BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40',
      ]),
    );
    // Nothing was written to the page's own origin.
    expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);
    await page.close();
  });

  it('loads its panel module without letting the page fetch it to spot the extension', async () => {
    const { page } = await openPage(harness, SENCO);
    await page.waitForFunction(() => performance.getEntriesByName('civic-thread:done').length > 0);
    const extensionId = new URL(harness.worker.url()).host;
    const probe = await page.evaluate(
      (url) =>
        fetch(url).then(
          (response) => `status ${response.status}`,
          () => 'refused',
        ),
      `chrome-extension://${extensionId}/content-panel.js`,
    );
    expect(probe).toBe('refused');
    await page.close();
  });

  it('reads a page whose content arrives late, once it has arrived', async () => {
    const { page } = await openPage(harness, 'https://petition.parliament.uk/petitions/100002');
    await panelOf(page).locator('.page-facts').waitFor();
    await expect
      .poll(() => factOf(page, '.page-facts', 'Signatures').textContent(), { timeout: 10_000 })
      .toBe('8,213');
    expect(await factOf(page, '.page-facts', 'State').textContent()).toBe('Open');
    expect(await panelOf(page).locator('.page-facts .notice').count()).toBe(0);
    await page.close();
  });

  it('says which section is missing from a changed page', async () => {
    const { page } = await openPage(harness, 'https://petition.parliament.uk/petitions/100003');
    const notice = panelOf(page).locator('.page-facts .notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe('Could not read from this page: signature count.');
    expect(await factOf(page, '.page-facts', 'State').textContent()).toBe('Open');
    await page.close();
  });
});
