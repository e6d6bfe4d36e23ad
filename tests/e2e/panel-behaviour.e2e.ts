import { afterAll, describe, expect, it } from 'vitest';
import { launch, openPage, readStore } from './harness';
import { openWithView } from './view';

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
    const { page, view } = await openWithView(
      harness,
      'https://petition.parliament.uk/petitions/100002',
    );
    await expect
      .poll(() => view.locator('.page-line').textContent(), { timeout: 10_000 })
      .toContain('8,213 signatures');
    expect(await view.locator('.page-line').textContent()).toContain('Open');
    expect(await view.locator('.view-header .notice').count()).toBe(0);
    await view.close();
    await page.close();
  });

  it('says which section is missing from a changed page', async () => {
    const { page, view } = await openWithView(
      harness,
      'https://petition.parliament.uk/petitions/100003',
    );
    const notice = view.locator('.view-header .notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe('Could not read from this page: signature count.');
    expect(await view.locator('.page-line').textContent()).toContain('Open');
    await view.close();
    await page.close();
  });
});
