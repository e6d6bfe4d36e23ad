import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_PAGES, type FixturePage, UNSUPPORTED_URLS } from './fixture-pages';
import { extensionPage, launch, openPage } from './harness';

declare const chrome: unknown;

import { newestTabId, openView, openWithView } from './view';

const SENCO = 'https://petition.parliament.uk/archived/petitions/591092';
const SENCO_TITLE = 'Require School SENCOs to be fully qualified for the role.';
const STATEMENT =
  'https://hansard.parliament.uk/Commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/SpecialEducationalNeedsAndDisabilitiesReview';
const STATEMENT_TITLE = 'Special Educational Needs and Disabilities Review';

const harness = await launch();
afterAll(() => harness.close());

/**
 * The part of the view's one line under the title that says a fact the page prints, or null for
 * a fact the story or the live section tells instead (responses, debates, dates past).
 */
function inLine(label: string, value: string, facts: FixturePage['facts']): string | null {
  switch (label) {
    case 'Petition number':
      return `Petition ${value}`;
    case 'State':
    case 'Sitting date':
    case 'Location':
    case 'Organisation':
      return value;
    case 'Signatures':
      return `${value} signatures`;
    case 'Parliament':
      return value.replace(/^Archived/, 'archived');
    case 'House':
      return value.replace(/^House of /, '');
    case 'Closes':
      return facts.State === 'Open' ? `closes ${value}` : null;
    case 'Opens':
      return facts.State === 'Not yet open' ? `opens ${value}` : null;
    default:
      return null;
  }
}

describe('the view of every supported fixture page', () => {
  it.each(
    FIXTURE_PAGES,
  )('$name: kind, title, and what the page prints in one line', async (fixture) => {
    const { page, view, errors } = await openWithView(harness, fixture.url);
    expect(await view.locator('.view-header .badge').textContent()).toBe(fixture.badge);
    expect(await view.locator('h1').textContent()).toBe(fixture.title);
    const line = (await view.locator('.page-line').textContent()) ?? '';
    for (const [label, value] of Object.entries(fixture.facts)) {
      const part = inLine(label, value, fixture.facts);
      if (part) expect(line.split(' · '), label).toContain(part);
    }
    expect(errors).toEqual([]);
    await view.close();
    await page.close();
  });
});

describe('the view beside the page', () => {
  it('shows the tab’s page: its title, one line of what the page prints, the story first', async () => {
    const { page, view, errors } = await openWithView(harness, SENCO);
    expect(await view.locator('h1').textContent()).toBe(SENCO_TITLE);
    expect(await view.locator('.page-line').textContent()).toBe(
      'Petition 591092 · Closed · archived, 2019-2024 Parliament · 13,168 signatures',
    );
    // The story comes before everything else the view shows.
    const headings = await view.locator('main h2, main h3').allTextContents();
    expect(headings[0]).toBe('The story so far');
    const steps = view.locator('.story-step');
    await steps.first().waitFor();
    const current = view.locator('.story-step a[aria-current="page"]');
    expect(await current.count()).toBeGreaterThan(0);
    expect(await current.first().getAttribute('href')).toBe(SENCO);
    expect(await view.locator('.story-step .story-when').allTextContents()).toContain(
      '29 September 2021 · Government responded',
    );
    expect(errors).toEqual([]);
    await view.close();
    await page.close();
  });

  it('puts a bookmark saved in the view on its step of the story', async () => {
    const { page, view } = await openWithView(harness, SENCO);
    await view.locator('.story[aria-busy="false"]').waitFor();
    await view
      .getByRole('button', { name: 'Bookmark Government response (29 September 2021)' })
      .click();
    const step = view
      .locator('.story-step')
      .filter({ hasText: '29 September 2021 · Government responded' });
    await expect
      .poll(() => step.locator('.story-bookmark figcaption').textContent())
      .toBe('Your bookmark: Government response');
    expect(await step.locator('.story-bookmark blockquote').textContent()).toMatch(
      /^29 September 2021 /,
    );
    await view.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => step.locator('.story-bookmark').count()).toBe(0);
    await view.close();
    await page.close();
  });

  it('draws the page’s title and its story together, from the tab’s report alone', async () => {
    const tab = await harness.context.newPage();
    const view = await openView(harness, await newestTabId(harness));
    await view.locator('main').waitFor();
    // Whether the story was still being asked for whenever the view showed a page's title.
    await view.evaluate(() => {
      const waiting: boolean[] = [];
      (window as unknown as { waiting: boolean[] }).waiting = waiting;
      new MutationObserver(() => {
        if (document.querySelector('.view-header h1'))
          waiting.push(document.querySelector('.story [role="status"]') !== null);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await tab.goto(SENCO);
    await view.locator('.story[aria-busy="false"]').waitFor();
    const waiting = await view.evaluate(
      () => (window as unknown as { waiting: boolean[] }).waiting,
    );
    expect(waiting.length).toBeGreaterThan(0);
    // The first screen of the story came with the report: never "Putting the story together…".
    expect(waiting.filter(Boolean)).toEqual([]);
    await view.close();
    await tab.close();
  });

  it('follows its tab from the petition to its debate without a flash of the petition', async () => {
    const { page, view } = await openWithView(harness, SENCO);
    await view.locator('.story-step').first().waitFor();
    // Every title the view draws from here on, with the page its story marks as current.
    await view.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const title = document.querySelector('main h1')?.textContent ?? '';
        const marked = document.querySelector('.story-step a[aria-current]')?.getAttribute('href');
        const drawn = `${title} | ${marked ?? ''}`;
        if (seen.at(-1) !== drawn) seen.push(drawn);
      }).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
    await page.goto(STATEMENT);
    await expect.poll(() => view.locator('main h1').textContent()).toBe(STATEMENT_TITLE);
    await expect
      .poll(() => view.locator('.story-step a[aria-current]').first().getAttribute('href'))
      .toBe(STATEMENT);
    const seen = await view.evaluate(() => (window as unknown as { seen: string[] }).seen);
    // Once the debate was drawn, the petition never was again, nor its story under the debate's
    // title. (Before that, the petition's own sections may still have been filling in.)
    const debate = seen.slice(seen.findIndex((drawn) => drawn.startsWith(STATEMENT_TITLE)));
    expect(debate.length).toBeGreaterThan(0);
    expect(debate.filter((drawn) => drawn.includes(SENCO_TITLE))).toEqual([]);
    expect(debate.filter((drawn) => drawn.includes(SENCO))).toEqual([]);
    expect(seen.at(-1)).toBe(`${STATEMENT_TITLE} | ${STATEMENT}`);
    expect(await view.locator('.page-line').textContent()).toBe(
      'Hansard debate · Commons · Commons Chamber · 29 March 2022',
    );
    await view.close();
    await page.close();
  });

  it('says when its tab shows a page it does not read, and offers the library', async () => {
    const { page, view } = await openWithView(harness, SENCO);
    await page.goto(UNSUPPORTED_URLS[0] ?? '');
    const said = view.getByRole('status');
    await expect.poll(() => said.textContent()).toContain('is not a petition');
    const library = view.getByRole('main').getByRole('link', { name: 'Open your library' });
    expect(await library.getAttribute('href')).toMatch(
      /^chrome-extension:\/\/[a-z]+\/library\.html$/,
    );
    await view.close();
    await page.close();
  });

  it('without ?tab=, follows the active tab of its window, as the side panel and sidebar do', async () => {
    const { page: petition } = await openPage(harness, SENCO);
    const { page: debate } = await openPage(harness, STATEMENT);
    const view = await harness.context.newPage();
    await view.goto(extensionPage(harness, 'sidepanel.html'));
    // The view's own tab is the active one: an extension page, where no content script reports,
    // so it is asked once its grace after loading is over, and has nothing to show.
    await expect
      .poll(() => view.getByRole('status').textContent(), { timeout: 10_000 })
      .toContain('is not a petition');
    await petition.bringToFront();
    await expect.poll(() => view.locator('main h1').textContent()).toBe(SENCO_TITLE);
    await debate.bringToFront();
    await expect.poll(() => view.locator('main h1').textContent()).toBe(STATEMENT_TITLE);
    for (const page of [view, petition, debate]) await page.close();
  });

  it('enables the side panel only on the tabs showing a supported page', async () => {
    const { page, tabId } = await openWithView(harness, SENCO);
    const options = () =>
      harness.worker.evaluate(
        (id) =>
          (
            chrome as unknown as {
              sidePanel: { getOptions(o: { tabId: number }): Promise<object> };
            }
          ).sidePanel.getOptions({ tabId: id }),
        tabId,
      );
    await expect.poll(options).toMatchObject({ enabled: true, path: 'sidepanel.html' });
    await page.goto(UNSUPPORTED_URLS[0] ?? '');
    await expect.poll(options).toMatchObject({ enabled: false });
    await page.close();
  });

  it('says when its tab was closed', async () => {
    const { page, view } = await openWithView(harness, SENCO);
    await page.close();
    await expect
      .poll(() => view.getByRole('status').textContent())
      .toBe('The tab this view showed has been closed.');
    await view.close();
  });

  it('reconnects after the service worker restarts, and loses nothing', async () => {
    const { page, view, tabId } = await openWithView(harness, SENCO);
    // A mark in the worker's globals: a restarted worker does not have it.
    await harness.worker.evaluate(() => {
      (globalThis as { before?: boolean }).before = true;
    });
    const cdp = await harness.context.newCDPSession(view);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The view's port reconnecting wakes a new worker, which knows nothing of the tab yet.
    await expect
      .poll(() =>
        harness.worker
          .evaluate(() => (globalThis as { before?: boolean }).before ?? false)
          .catch(() => null),
      )
      .toBe(false);
    // A view opened now is told the page by the tab itself, asked again by the new worker.
    const second = await openView(harness, tabId);
    await expect.poll(() => second.locator('main h1').textContent()).toBe(SENCO_TITLE);
    await second.close();
    // The new worker hears the tab through the view's new port: the view still follows it.
    await page.goto(STATEMENT);
    await expect.poll(() => view.locator('main h1').textContent()).toBe(STATEMENT_TITLE);
    await page.goto(SENCO);
    await expect.poll(() => view.locator('main h1').textContent()).toBe(SENCO_TITLE);
    await view.close();
    await page.close();
  });
});
