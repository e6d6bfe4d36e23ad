import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RETRY_POLICY } from '../../utils/net/retry-policy';
import { ELSEWHERE_HOST, type FaultMode } from '../fixture-site/api';
import { clearStore, type Harness, launch, readStore, updateRecords } from './harness';
import { openTabsWithViews, openWithView, viewFact } from './view';

const SENCO = 'https://petition.parliament.uk/archived/petitions/591092';
const DEBATED = 'https://petition.parliament.uk/petitions/654321';
const OUTCOME =
  'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time';
const WH_DEBATE =
  'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding';

const harness = await launch();
afterAll(() => harness.close());
beforeEach(async () => {
  harness.site.api.fault = null;
  harness.site.api.requests.length = 0;
  await clearStore(harness, 'cache');
});

/** The live section of the view beside the page (opened as a page of its own with `?tab=`). */
const live = (view: Page) => view.locator('.live');
const fact = (view: Page, label: string) => viewFact(view, '.live', label);

/** The related-items searches, which run beside the live data (see related.e2e.ts). */
const SEARCH =
  /petitions\.json\?|\/api\/search\.json|\/search\/debates\.json|\/search\/contributions\//;
const isSearch = (request: string) => SEARCH.test(request);
/** The API requests the live section made: everything but the searches. */
const liveRequests = () => harness.site.api.requests.filter((request) => !isSearch(request));

/** Waits for the live section to finish loading. */
async function settled(view: Page) {
  await live(view).waitFor({ timeout: 10_000 });
  await expect.poll(() => live(view).getAttribute('aria-busy'), { timeout: 45_000 }).toBe('false');
}

/**
 * Waits until every caller of the view's page is done: the related items and the story ask for
 * the page's records too, and a late one would land in the next test's requests.
 */
async function callersDone(view: Page) {
  await view.locator('.related[aria-busy="false"]').waitFor({ timeout: 30_000 });
  await view.locator('.story[aria-busy="false"]').waitFor({ timeout: 30_000 });
}

/** Closes a test's page and its view once every caller of the page is done. */
async function finish(page: Page, view: Page) {
  await callersDone(view);
  await view.close();
  await page.close();
}

/** The page's own markup, compared with what the site served: the extension must not touch it. */
function pageIsUntouched(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const served = new DOMParser().parseFromString(
      await (await fetch(location.href)).text(),
      'text/html',
    );
    const now = document.body.cloneNode(true) as HTMLElement;
    now.querySelector('civic-thread-panel')?.remove();
    return now.innerHTML.trim() === served.body.innerHTML.trim();
  });
}

// Each test waits for its page's live data, then for every other caller before it closes.
describe('live data from the sites', { timeout: 90_000 }, () => {
  it('petition: live signatures, the response summary and its department', async () => {
    const { page, view } = await openWithView(harness, SENCO);
    await settled(view);
    expect(await live(view).locator('h3').textContent()).toBe('Latest from petition.parliament.uk');
    expect(await live(view).locator('.as-of').textContent()).toMatch(/^As of \d{2}:\d{2}$/);
    expect(await fact(view, 'Signatures').textContent()).toBe('13,168');
    expect(await fact(view, 'Response').textContent()).toBe(
      'Government responded on 29 September 2021',
    );
    expect(await fact(view, 'Department').textContent()).toBe('Department for Education');
    expect(await live(view).locator('blockquote').textContent()).toMatch(
      /^Through the SEND Review, we are looking to improve the SEND system/,
    );
    // The view never reads the page's DOM, so it does not offer a link into it.
    expect(
      await live(view)
        .getByRole('link', { name: /on this page/ })
        .count(),
    ).toBe(0);
    // One request: the archived petition is asked for at its archived path.
    expect(liveRequests()).toEqual(['petition.parliament.uk/archived/petitions/591092.json']);
    await finish(page, view);
  });

  it('petition: the debate with its video, transcript, research and other links', async () => {
    const { page, view } = await openWithView(harness, DEBATED);
    await settled(view);
    expect(await fact(view, 'Debate').textContent()).toBe('Debated on 16 November 2026');
    const links = live(view).getByRole('list', { name: 'Debate links' }).locator('a');
    expect(await links.allTextContents()).toEqual([
      'Video',
      'Transcript',
      'Debate pack',
      'What the public said',
      'Debate summary',
    ]);
    expect(await links.first().getAttribute('href')).toBe(
      'https://www.youtube.com/watch?v=k3Xq9TfR2aE&t=1840',
    );
    expect(await links.nth(1).getAttribute('href')).toBe(
      'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding',
    );
    await finish(page, view);
  });

  it('petition: a debate whose date has passed, before its outcome is published', async () => {
    const { page, view } = await openWithView(
      harness,
      'https://petition.parliament.uk/petitions/738842',
    );
    await settled(view);
    expect(await fact(view, 'Debate').textContent()).toBe(
      'Debated on 23 November 2026; the outcome is not published yet',
    );
    await finish(page, view);
  });

  it('petition: the closing date the page gives for a dissolution', async () => {
    const { page, view } = await openWithView(
      harness,
      'https://petition.parliament.uk/petitions/745902',
    );
    await settled(view);
    expect(await fact(view, 'Closes').textContent()).toBe(
      '17 December 2026, early: Parliament is being dissolved',
    );
    expect(await fact(view, 'Response').textContent()).toBe('No government response yet');
    await finish(page, view);
  });

  it('petition: a rejected petition is not said to be waiting for a response', async () => {
    const { page, view } = await openWithView(
      harness,
      'https://petition.parliament.uk/petitions/702222',
    );
    await settled(view);
    expect(await fact(view, 'State').textContent()).toBe('Rejected');
    expect(
      await live(view)
        .getByText(/response/i)
        .count(),
    ).toBe(0);
    await finish(page, view);
  });

  it('consultation: the live state and dates', async () => {
    const { page, view } = await openWithView(harness, OUTCOME);
    await settled(view);
    expect(await live(view).locator('h3').textContent()).toBe('Latest from www.gov.uk');
    expect(await fact(view, 'State').textContent()).toBe('Outcome published');
    expect(await fact(view, 'Opens').textContent()).toBe('29 March 2022');
    expect(await fact(view, 'Closes').textContent()).toBe('22 July 2022');
    expect(liveRequests()).toEqual([
      'www.gov.uk/api/content/government/consultations/send-review-right-support-right-place-right-time',
    ]);
    await finish(page, view);
  });

  it('consultation withdrawn: said so, with its date, and no countdown to its closing date', async () => {
    const { page, view } = await openWithView(
      harness,
      'https://www.gov.uk/government/consultations/postgraduate-doctoral-loans',
    );
    await settled(view);
    expect(await fact(view, 'State').textContent()).toBe('Withdrawn');
    expect(await fact(view, 'Withdrawn').textContent()).toBe('12 November 2016');
    expect(await fact(view, 'Closes').textContent()).toBe('16 December 2216');
    await finish(page, view);
  });

  it('consultation outcome: what it says, from the outcome GOV.UK sends', async () => {
    const { page, view } = await openWithView(harness, OUTCOME);
    await settled(view);
    expect(await fact(view, 'Last updated').textContent()).toBe('2 March 2023');
    expect(await live(view).locator('figure.quote blockquote').textContent()).toMatch(
      /^We received around 6,000 responses to the consultation/,
    );
    await finish(page, view);
  });

  it('Hansard debate: each e-petition it mentions, with title, signatures and response status', async () => {
    const { page, view } = await openWithView(harness, WH_DEBATE);
    await settled(view);
    await expect.poll(() => live(view).locator('.petition-item').count()).toBe(3);
    const items = await live(view).locator('.petition-item').allInnerTexts();
    expect(items[0]).toBe(
      'Fully fund Education, Health and Care Plans for children and young people with SEND\nPetition 654321 · 118,407 signatures · Government responded on 15 April 2026',
    );
    expect(items[1]).toMatch(/Petition 701234 · 8,213 signatures · No government response yet$/);
    expect(items[2]).toMatch(
      /^Require School SENCOs to be fully qualified for the role\.\nPetition 591092 · 13,168 signatures · Government responded on 29 September 2021$/,
    );
    expect(await fact(view, 'Location').textContent()).toBe('Westminster Hall');
    // A few requests per page view: the debate, three petitions, and one redirect to the archive.
    expect([...liveRequests()].sort()).toEqual([
      'hansard-api.parliament.uk/debates/debate/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71.json',
      'petition.parliament.uk/archived/petitions/591092.json',
      'petition.parliament.uk/petitions/591092.json',
      'petition.parliament.uk/petitions/654321.json',
      'petition.parliament.uk/petitions/701234.json',
    ]);
    await finish(page, view);
  });

  it('historic Hansard page: the API is asked with the lower-case id the page uses', async () => {
    const { page, view } = await openWithView(
      harness,
      'https://hansard.parliament.uk/Commons/1975-01-14/debates/e0279e7f-6655-463f-ae5a-e39aa443a117/OralAnswersToQuestions',
    );
    await settled(view);
    expect(await fact(view, 'Location').textContent()).toBe('Commons Chamber');
    expect(liveRequests()).toEqual([
      'hansard-api.parliament.uk/debates/debate/e0279e7f-6655-463f-ae5a-e39aa443a117.json',
    ]);
    await finish(page, view);
  });

  it('tabs opening the same page at once share one request', async () => {
    harness.site.api.fault = 'slow';
    const [first, second] = await openTabsWithViews(harness, DEBATED, 2);
    if (!first || !second) throw new Error('two tabs were asked for');
    await Promise.all([settled(first.view), settled(second.view)]);
    expect(await fact(second.view, 'Signatures').textContent()).toBe('118,407');
    expect(liveRequests()).toEqual(['petition.parliament.uk/petitions/654321.json']);
    // Which view shows which tab is not known: both are done before either tab closes.
    await callersDone(first.view);
    await callersDone(second.view);
    for (const opened of [first.view, second.view, first.page, second.page]) await opened.close();
  });
});

describe('when the site fails', () => {
  // Each case gets its own browser: after a 5xx or 429, Chromium throttles an extension's
  // requests to that URL for a while, which would leak from one case into the next.
  let fresh: Harness;
  beforeEach(async () => {
    fresh = await launch();
  });
  afterEach(() => fresh?.close());

  const cases: [FaultMode, string][] = [
    ['server-error', 'petition.parliament.uk had a problem (error 500).'],
    ['rate-limited', 'petition.parliament.uk asked us to slow down. Try again in a minute.'],
    ['malformed-json', 'petition.parliament.uk sent data Civic Thread could not understand.'],
    ['wrong-shape', 'petition.parliament.uk sent data Civic Thread could not understand.'],
    ['huge', 'petition.parliament.uk sent data Civic Thread could not understand.'],
    ['offline', 'Could not reach petition.parliament.uk. You may be offline.'],
    ['timeout', 'petition.parliament.uk took too long to answer.'],
  ];

  it.each(cases)(
    '%s: says so, offers a retry, and leaves the page as it was',
    { timeout: 60_000 },
    async (fault, message) => {
      fresh.site.api.fault = fault;
      const { page, view, errors } = await openWithView(fresh, DEBATED);
      await settled(view);
      const alert = live(view).getByRole('alert');
      expect(await alert.locator('p').textContent()).toBe(message);
      expect(await alert.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
      // What the page itself printed is still there.
      expect(await view.locator('.page-line').textContent()).toContain('118,407 signatures');
      fresh.site.api.fault = null;
      expect(await pageIsUntouched(page)).toBe(true);
      expect(errors).toEqual([]);
    },
  );

  it('Try again shows the data once the site has recovered', { timeout: 60_000 }, async () => {
    fresh.site.api.fault = 'server-error';
    const { view } = await openWithView(fresh, DEBATED);
    await settled(view);
    fresh.site.api.fault = null;
    // The browser may hold requests back for a moment after errors: keep trying, as a reader would.
    await expect
      .poll(
        async () => {
          const retry = live(view).getByRole('button', { name: 'Try again' });
          if (await retry.count()) await retry.click();
          return fact(view, 'Signatures').count();
        },
        { timeout: 45_000, interval: 2_000 },
      )
      .toBe(1);
    expect(await fact(view, 'Signatures').textContent()).toBe('118,407');
    expect(await live(view).getByRole('alert').count()).toBe(0);
  });
});

describe('answers only from the site itself, bounded in size and time', () => {
  // A browser per case, as above: nothing one case leaves in the network stack leaks into the next.
  let fresh: Harness;
  beforeEach(async () => {
    fresh = await launch();
  });
  afterEach(() => fresh?.close());

  const REDIRECTED = 'petition.parliament.uk redirected too often, or to another site.';
  const PETITION_JSON = 'petition.parliament.uk/petitions/654321.json';
  /**
   * Two callers ask for the petition's JSON, the live facts and the related items: together when
   * they share one request, or one after the other.
   */
  const asked = () => fresh.site.api.requests.filter((r) => r === PETITION_JSON).length;
  /** Who asks for the petition's record: the view's live facts, related items and story, and the panel's two. */
  const CALLERS = 5;
  const elsewhere = () => fresh.site.api.requests.filter((r) => r.startsWith(ELSEWHERE_HOST));

  it.each([
    ['redirect-elsewhere', 'that answers with CORS'],
    ['redirect-elsewhere-no-cors', 'without CORS'],
  ] as const)(
    '%s: a redirect to another host %s sends it nothing; its answer is never shown or cached, and the real one is after recovery',
    {
      timeout: 60_000,
    },
    async (fault, _how) => {
      fresh.site.api.fault = fault;
      const { view, errors } = await openWithView(fresh, DEBATED);
      await settled(view);
      expect(await live(view).getByRole('alert').locator('p').textContent()).toBe(REDIRECTED);
      // The whole view, related items and story included: nothing of the other host's answer.
      await view.locator('.related[aria-busy="false"]').waitFor({ timeout: 15_000 });
      await view.locator('.story[aria-busy="false"]').waitFor({ timeout: 15_000 });
      const viewText = await view.locator('body').innerText();
      expect(viewText).not.toContain('999,999');
      expect(viewText).not.toContain('30 November 2026');
      expect(elsewhere()).toEqual([]);
      expect(await readStore(fresh, 'cache')).toEqual([]);
      // Each caller (live facts, related items, the story; the panel's two as well while it is
      // there): the request and one look at its first answer, with no retry (not 3 attempts).
      // Callers that ask at once share one.
      await expect.poll(() => asked() % 2).toBe(0);
      expect(asked()).toBeGreaterThanOrEqual(2);
      expect(asked()).toBeLessThanOrEqual(2 * CALLERS);

      fresh.site.api.fault = null;
      await live(view).getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => fact(view, 'Signatures').count()).toBe(1);
      expect(await fact(view, 'Signatures').textContent()).toBe('118,407');
      expect(await fact(view, 'Response').textContent()).toBe(
        'Government responded on 15 April 2026',
      );
      const cached = (await readStore(fresh, 'cache')) as { url: string; body: unknown }[];
      expect(cached.find((entry) => entry.url.endsWith('/petitions/654321.json'))).toMatchObject({
        body: { data: { attributes: { signature_count: 118_407 } } },
      });
      expect(elsewhere()).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  it('a redirect loop stops at the browser’s limit, once, and says so', {
    timeout: 60_000,
  }, async () => {
    fresh.site.api.fault = 'redirect-loop';
    const { view } = await openWithView(fresh, DEBATED);
    await settled(view);
    expect(await live(view).getByRole('alert').locator('p').textContent()).toBe(REDIRECTED);
    // Each caller: Chromium's 21 requests (it follows at most 20 redirects, a limit no script
    // can lower without reading Location), then one look at the first answer alone. No retries.
    // Once every caller is done (the related items and the story ask too).
    await view.locator('.related[aria-busy="false"]').waitFor({ timeout: 15_000 });
    await view.locator('.story[aria-busy="false"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => asked() % 22).toBe(0);
    expect(asked()).toBeLessThanOrEqual(22 * CALLERS);
  });

  it('an endless answer is cut off at the size cap as it streams', {
    timeout: 60_000,
  }, async () => {
    fresh.site.api.fault = 'endless';
    const { view } = await openWithView(fresh, DEBATED);
    await settled(view);
    expect(await live(view).getByRole('alert').locator('p').textContent()).toBe(
      'petition.parliament.uk sent data Civic Thread could not understand.',
    );
    // The browser let go of each answer soon after 2 MB (its own buffers hold a few more).
    await expect.poll(() => fresh.site.api.unended.length).toBeGreaterThan(0);
    expect(Math.max(...fresh.site.api.unended)).toBeLessThan(32_000_000);
  });

  // The 12 s deadline itself is pinned with fake timers in fetch-json.test.ts; a wall clock here
  // would only measure how loaded the machine is.
  it('an answer that drips in ends in a clear message, not a skeleton', {
    timeout: 60_000,
  }, async () => {
    fresh.site.api.fault = 'drip';
    const { view } = await openWithView(fresh, DEBATED);
    await expect
      .poll(() => live(view).getByRole('alert').count(), { timeout: 40_000, interval: 250 })
      .toBe(1);
    expect(await live(view).getByRole('alert').locator('p').textContent()).toBe(
      'petition.parliament.uk took too long to answer.',
    );
    // The related items ask after the page's own record: two deadlines at most.
    await view
      .locator('.related[aria-busy="false"]')
      .waitFor({ timeout: 2 * RETRY_POLICY.deadlineMs + 5_000 });
  });
});

describe('offline', () => {
  it('a second visit while offline shows the saved data and its age', {
    timeout: 120_000,
  }, async () => {
    const first = await openWithView(harness, SENCO);
    await settled(first.view);
    // Once the first visit's related items and story are done, none of its requests is still
    // on its way to rewrite the cache.
    await finish(first.page, first.view);
    // An hour later, with the site out of reach: out of reach first, so no refresh that aging
    // the cache sets off can reach the site.
    harness.site.api.fault = 'offline';
    // Every cached answer an hour old: past every source's freshness.
    // One instant for both the record and the expected text, so a minute boundary cannot split them.
    const fetchedAt = Date.now() - 60 * 60_000;
    await updateRecords(harness, 'cache', { fetchedAt });
    const { page, view } = await openWithView(harness, SENCO);
    await expect.poll(() => live(view).getByRole('alert').count(), { timeout: 30_000 }).toBe(1);
    // The time alone on the same day, as the view words it; with its date just after midnight.
    const saved = new Date(fetchedAt);
    const time = saved.toTimeString().slice(0, 5);
    const savedAt =
      saved.toDateString() === new Date().toDateString()
        ? time
        : `${saved.getDate()} ${saved.toLocaleString('en-GB', { month: 'long' })} ${saved.getFullYear()} at ${time}`;
    expect(await live(view).getByRole('alert').locator('p').textContent()).toBe(
      `Could not reach petition.parliament.uk. You may be offline. Showing what Civic Thread saved at ${savedAt}.`,
    );
    expect(await fact(view, 'Signatures').textContent()).toBe('13,168');
    expect(await live(view).locator('.as-of').textContent()).toBe(`As of ${savedAt}`);
    await page.close();
  });
});
