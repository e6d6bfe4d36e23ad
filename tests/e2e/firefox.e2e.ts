// Smoke tests of the Firefox build in Firefox ESR: the card appears on a petition in a closed
// shadow root, shows related pages the background found, keeps a highlight in the extension's
// storage, takes no answer from another host, and the sidebar opened by its shortcut shows the
// tab's story and follows the tab.
import { afterAll, describe, expect, it } from 'vitest';
import { ELSEWHERE_HOST } from '../fixture-site/api';
import { launchFirefox } from './firefox';
import { FIXTURE_PAGES } from './fixture-pages';

const firefox = await launchFirefox();
afterAll(() => firefox.close());

const SENCO = FIXTURE_PAGES.find((page) => page.name === 'petition-archived-senco');
const STATEMENT =
  'https://hansard.parliament.uk/Commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/SpecialEducationalNeedsAndDisabilitiesReview';

describe('the Firefox build in Firefox ESR', () => {
  it('draws the card in a closed shadow root: the browser sees its headline, the page does not', async () => {
    if (!SENCO) throw new Error('the SENCO fixture page is missing');
    await firefox.open(SENCO.url);
    await expect
      .poll(() => firefox.extensionText(), { timeout: 15_000 })
      .toMatch(/Government responded 29 September 2021 .*Open the full story/);
    expect(
      await firefox.evaluate('document.querySelector("[data-civic-thread-panel]").shadowRoot'),
    ).toBeNull();
    expect(
      await firefox.evaluate(
        'document.body.innerText.includes("Government responded 29 September")',
      ),
    ).toBe(false);
  });

  it('shows on the card the petition’s related pages, found by the background', async () => {
    if (!SENCO) throw new Error('the SENCO fixture page is missing');
    await firefox.open(SENCO.url);
    // The SEND review consultation, which the petition's response links to.
    await expect
      .poll(() => firefox.extensionText(), { timeout: 15_000 })
      .toMatch(/SEND review: right support, right place, right time linked from this page/);
    expect(firefox.site.api.requests.some((url) => url.includes('/591092.json'))).toBe(true);
  });

  it('keeps a highlight in the extension, not in the site’s storage', async () => {
    if (!SENCO) throw new Error('the SENCO fixture page is missing');
    const passage = 'Ensuring SENCOs are fully qualified is integral to this.';
    const painted = () =>
      firefox.evaluate<number>(`CSS.highlights.get('civic-thread-yellow')?.size ?? 0`);
    await firefox.open(SENCO.url);
    await expect
      .poll(() => firefox.extensionText(), { timeout: 15_000 })
      .toMatch(/Open the full story/);
    await firefox.evaluate(`(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(${JSON.stringify(passage)});
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + ${passage.length});
        node.parentElement.scrollIntoView({ block: 'center' });
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return;
      }
    })()`);
    await firefox.press(['Alt', 'Shift', 'H']);
    await expect.poll(painted, { timeout: 10_000 }).toBe(1);
    // Painted again on the next visit, from the background's database.
    await firefox.open(SENCO.url);
    await expect.poll(painted, { timeout: 15_000 }).toBe(1);
    expect(await firefox.evaluate('indexedDB.databases()')).toEqual([]);
  });

  it('sends nothing to another host the API redirects to', { timeout: 45_000 }, async () => {
    firefox.site.api.fault = 'redirect-elsewhere';
    try {
      await firefox.open('https://petition.parliament.uk/petitions/654321');
      // The card draws from what it could get once both answers are in (the headline stops
      // saying it is looking): by then the background has asked and given up on the redirect.
      await expect
        .poll(() => firefox.extensionText(), { timeout: 15_000 })
        .toMatch(/Open the full story/);
      await expect
        .poll(() => firefox.extensionText(), { timeout: 15_000 })
        .not.toMatch(/Finding what happened next/);
      expect(firefox.site.api.requests.some((url) => url.includes('/654321.json'))).toBe(true);
      expect(firefox.site.api.requests.filter((r) => r.startsWith(ELSEWHERE_HOST))).toEqual([]);
    } finally {
      firefox.site.api.fault = null;
    }
  });

  it('opens the sidebar from its shortcut, shows the tab’s story, and follows the tab to the debate', async () => {
    if (!SENCO) throw new Error('the SENCO fixture page is missing');
    await firefox.open(SENCO.url);
    await expect
      .poll(() => firefox.extensionText(), { timeout: 15_000 })
      .toMatch(/Open the full story/);
    expect((await firefox.sidebar()).open).toBe(false);
    await firefox.pressInWindow(['Alt', 'Shift', 'V']);
    await expect.poll(async () => (await firefox.sidebar()).open, { timeout: 10_000 }).toBe(true);
    // What the sidebar shows, read as assistive technology reads it: the page's kind and title,
    // then its story, with the page itself marked.
    const SENCO_TITLE = 'Require School SENCOs to be fully qualified for the role.';
    await expect
      .poll(async () => (await firefox.sidebar()).text, { timeout: 15_000 })
      .toMatch(
        new RegExp(
          `^Petition ${SENCO_TITLE.replace('.', '\\.')} .*The story so far .*Government responded ${SENCO_TITLE.replace('.', '\\.')} \\(this page\\)`,
        ),
      );
    await firefox.open(STATEMENT);
    await expect
      .poll(async () => (await firefox.sidebar()).text, { timeout: 15_000 })
      .toMatch(
        /^Hansard debate Special Educational Needs and Disabilities Review .*The story so far .*Special Educational Needs and Disabilities Review \(this page\)/,
      );
    // The petition is on the debate's story now, no longer the page shown.
    expect((await firefox.sidebar()).text).not.toContain(`${SENCO_TITLE} (this page)`);
    // The same shortcut closes it again.
    await firefox.pressInWindow(['Alt', 'Shift', 'V']);
    await expect.poll(async () => (await firefox.sidebar()).open, { timeout: 10_000 }).toBe(false);
  });
});
