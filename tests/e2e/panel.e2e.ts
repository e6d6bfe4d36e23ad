import { afterAll, describe, expect, it } from 'vitest';
import { MARKS } from '../../components/panel/marks';
import { FIXTURE_PAGES, UNSUPPORTED_URLS } from './fixture-pages';
import { factOf, launch, openPage, panelOf } from './harness';

const harness = await launch();
afterAll(() => harness.close());

describe('the context panel on every supported fixture page', () => {
  it.each(FIXTURE_PAGES)('$name: kind, title, facts and links', async (fixture) => {
    const { page, errors } = await openPage(harness, fixture.url);
    const panel = panelOf(page);
    const landmark = panel.getByRole('complementary', { name: /Civic Thread/ });
    await expect.poll(() => landmark.count()).toBe(1);
    expect(await panel.locator('.kind .badge').textContent()).toBe(fixture.badge);
    expect(await panel.locator('.page-title').textContent()).toBe(fixture.title);
    for (const [label, value] of Object.entries(fixture.facts)) {
      expect(await factOf(page, '.page-facts', label).textContent(), label).toBe(value);
    }
    expect(await panel.locator('.page-facts .notice').count(), 'nothing left unread').toBe(0);
    for (const [heading, labels] of Object.entries(fixture.links)) {
      const group = panel.locator('.link-group', { has: page.locator(`h4:text-is("${heading}")`) });
      expect(await group.count(), heading).toBe(1);
      const shown = await group.locator('li a').allTextContents();
      expect(shown).toEqual(expect.arrayContaining(labels));
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('pages that are not petitions, consultations or debates', () => {
  it.each(UNSUPPORTED_URLS)('%s gets no panel and no console errors', async (url) => {
    const { page, errors } = await openPage(harness, url);
    const marked = (mark: string) =>
      page.evaluate((name) => performance.getEntriesByName(name).length, mark);
    await page.waitForLoadState('load');
    // The content script starts the panel module in the task after `load`, where it runs at all.
    await page.waitForTimeout(200);
    if (await marked(MARKS.loadPanel)) await expect.poll(() => marked(MARKS.done)).toBe(1);
    expect(await panelOf(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
