import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { MARKS } from '../../components/marks';
import { pageScriptFor } from '../../utils/inject/page-scripts';
import { ExtensionUi } from './closed-root';
import { LEFT_ALONE_PAGES, UNSUPPORTED_URLS } from './fixture-pages';
import { launch, openPage, panelOf, readStore } from './harness';

const harness = await launch();
afterAll(() => harness.close());

/** Waits until the content script has finished with the page, or is known never to run on it. */
async function settled(page: Page): Promise<void> {
  const marked = (mark: string) =>
    page.evaluate((name) => performance.getEntriesByName(name).length, mark);
  await page.waitForLoadState('load');
  // The background injects its site's script into the pages it reads, once they have loaded.
  if (pageScriptFor(page.url())) await expect.poll(() => marked(MARKS.done)).toBe(1);
}

describe('pages that are not petitions, consultations or debates', () => {
  it.each(UNSUPPORTED_URLS)('%s gets no panel and no console errors', async (url) => {
    const { page, errors } = await openPage(harness, url);
    await settled(page);
    expect(await panelOf(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('supported addresses whose document is not the page', () => {
  it.each(LEFT_ALONE_PAGES)('$name gets no panel and leaves no trace', async ({ url, key }) => {
    const { page, errors } = await openPage(harness, url);
    await settled(page);
    expect(
      await page.evaluate((name) => performance.getEntriesByName(name).length, MARKS.start),
    ).toBe(1);
    expect(await panelOf(page).count()).toBe(0);
    const pages = (await readStore(harness, 'pages')) as { key: string }[];
    const links = (await readStore(harness, 'links')) as { from: string; to: string }[];
    expect(pages.map((record) => record.key)).not.toContain(key);
    expect(links.filter((link) => link.from === key || link.to === key)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a consultation’s HTML document', () => {
  it('gets the selection toolbar’s host only: no card, no visit, no console errors', async () => {
    const url =
      'https://www.gov.uk/government/consultations/sen-workforce-training-standards/sen-workforce-training-standards-consultation-document';
    const { page, errors } = await openPage(harness, url);
    await settled(page);
    // "Add as question" works there (tests/e2e/respond.e2e.ts); the host holds nothing until then.
    expect(await panelOf(page).count()).toBe(1);
    expect(await (await ExtensionUi.of(page)).count('body *')).toBe(0);
    const pages = (await readStore(harness, 'pages')) as { url: string }[];
    expect(pages.map((record) => record.url)).not.toContain(url);
    // The page's own licence image (/assets/frontend/…) is not served by the fixture site.
    expect(errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
    await page.close();
  });
});
