import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ExtensionUi } from './closed-root';
import { extensionPage, launch, openPage } from './harness';
import { openWithView } from './view';

// Hostile text where the sites put text: in a petition's title (on the page and in its
// JSON), in its government response, in a Hansard debate title from search, and in an
// imported note. Each must reach the screen as text, and nothing may run or leave.
const SCRIPT_TITLE =
  '<img src=x onerror="window.civicPwned=1">Fund SEND \u202Egnirts desrever\u202C';
const SCRIPT_RESPONSE = `<script>window.civicPwned=2</script> [click](javascript:window.civicPwned=3) ${'long '.repeat(20_000)}`;
const SCRIPT_DEBATE = '<svg onload="window.civicPwned=4">Special Educational Needs';
const SCRIPT_NOTE = '<img src=x onerror="window.civicPwned=5"> note';
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const OPEN_PETITION = 'https://petition.parliament.uk/petitions/701234';
const KNOWN_HOSTS = new Set([
  'petition.parliament.uk',
  'www.gov.uk',
  'hansard.parliament.uk',
  'hansard-api.parliament.uk',
]);

const harness = await launch();
afterAll(() => harness.close());
afterEach(() => {
  harness.site.rewritePages = null;
  harness.site.api.rewrite = null;
});

/** Every request the browser makes to a host other than the three sites and the extension. */
function watchRequests(): string[] {
  const elsewhere: string[] = [];
  harness.context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'chrome-extension:' || url.protocol === 'data:') return;
    if (!KNOWN_HOSTS.has(url.hostname)) elsewhere.push(request.url());
  });
  return elsewhere;
}

const pwned = (page: Page) => page.evaluate(() => (window as { civicPwned?: number }).civicPwned);

describe('hostile text', () => {
  it('shows hostile page, API and search text as text, runs nothing and sends nothing elsewhere', async () => {
    const elsewhere = watchRequests();
    harness.site.rewritePages = (html, url) =>
      url.pathname === '/petitions/701234'
        ? html
            .replace(
              'Give schools ring-fenced funding to meet the needs of every pupil with SEND\n  </h1>',
              `${escapeHtml(SCRIPT_TITLE)}\n  </h1>`,
            )
            .replace(
              '<section class="petition-detail">',
              '<section class="petition-detail"><a href="javascript:window.civicPwned=6">petitions/1</a> <a href="https://evil.example/petitions/1">https://evil.example/petitions/1</a>',
            )
        : html;
    harness.site.api.rewrite = (path, body) => {
      if (path === '/petitions/701234.json') {
        const document = body as { data: { attributes: Record<string, unknown> } };
        Object.assign(document.data.attributes, {
          action: SCRIPT_TITLE,
          government_response: {
            responded_on: '2026-11-22',
            summary: SCRIPT_RESPONSE,
            details: SCRIPT_RESPONSE,
          },
        });
        return document;
      }
      if (path.toLowerCase() === '/search/debates.json') {
        const results = body as { Results: { Title: string }[] };
        for (const result of results.Results) result.Title = SCRIPT_DEBATE;
        return results;
      }
      // The contribution search names each debate in `DebateSection`.
      if (path.toLowerCase() === '/search/contributions/spoken.json') {
        const results = body as { Results: { DebateSection: string }[] };
        for (const result of results.Results) result.DebateSection = SCRIPT_DEBATE;
        return results;
      }
      return body;
    };
    const { page, view, errors } = await openWithView(harness, OPEN_PETITION);
    const shown = view.locator('main');
    await shown.locator('.related[aria-busy="false"]').waitFor();
    await shown.locator('.story[aria-busy="false"]').waitFor();
    await expect.poll(() => shown.locator('.live blockquote').textContent()).toBe(SCRIPT_RESPONSE);
    expect(await shown.locator('h1').textContent()).toBe(SCRIPT_TITLE.trim());
    // The story tells the petition under the title its JSON gives.
    expect(await shown.locator('.story-step a').allTextContents()).toContain(SCRIPT_TITLE);
    const debates = await shown
      .locator('.related-group', { hasText: 'Related debates' })
      .locator('a')
      .allTextContents();
    expect(debates.length).toBeGreaterThan(0);
    for (const title of debates) expect(title).toBe(SCRIPT_DEBATE);
    // No markup from the text became elements, and every link is https on the three sites.
    expect(await shown.locator('img, svg, script').count()).toBe(0);
    const hrefs = await shown
      .locator('a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) {
      if (href.startsWith('#')) continue;
      expect(KNOWN_HOSTS.has(new URL(href).hostname), href).toBe(true);
      expect(href.startsWith('https://'), href).toBe(true);
    }
    expect(await pwned(page)).toBeUndefined();
    expect(await pwned(view)).toBeUndefined();
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await view.close();
    await page.close();
  });

  it('shows an imported note’s markup as text in the library', async () => {
    const library = await harness.context.newPage();
    await library.goto(extensionPage(harness, 'library.html'));
    await library.getByText('Export or import').click();
    await library.getByLabel(/^Import a W3C Web Annotation file/).setInputFiles({
      name: 'hostile.jsonld',
      mimeType: 'application/ld+json',
      buffer: Buffer.from(
        JSON.stringify({
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          type: 'AnnotationPage',
          items: [
            {
              id: 'https://example.org/hostile/1',
              type: 'Annotation',
              body: { type: 'TextualBody', value: SCRIPT_NOTE },
              target: {
                source: OPEN_PETITION,
                selector: { type: 'TextQuoteSelector', exact: '<b>bold</b>' },
              },
            },
            {
              id: 'https://example.org/hostile/2',
              type: 'Annotation',
              target: 'javascript:alert(1)',
            },
          ],
        }),
      ),
    });
    await library.getByText('1 note, 0 duplicates skipped, 1 invalid.').waitFor();
    expect(await library.locator('.preview li').textContent()).toBe(
      'Record 2: target: expected a petition, consultation or Hansard debate page, found "javascript:alert(1)"',
    );
    await library.getByRole('button', { name: 'Import 1 item' }).click();
    await library.locator('.note-card').waitFor();
    expect(await library.locator('.note-card .note-text').textContent()).toBe(SCRIPT_NOTE);
    expect(await library.locator('.note-card .note-quote').textContent()).toBe('<b>bold</b>');
    expect(await library.locator('.note-card img, .note-card b').count()).toBe(0);
    expect(await pwned(library)).toBeUndefined();
    await library.close();
  });
});

describe('a page that tries to take the panel over', () => {
  it('defines the panel element’s name first: the panel still mounts, under another name', async () => {
    // The page's own script claims the name before the extension's runs, with its own shadow root.
    harness.site.rewritePages = (html, url) =>
      url.pathname === '/petitions/701234'
        ? html.replace(
            '</head>',
            `<script>customElements.define('civic-thread-panel', class extends HTMLElement {
              constructor() { super(); this.attachShadow({ mode: 'open' }).textContent = 'taken'; }
            });</script></head>`,
          )
        : html;
    const { page, errors } = await openPage(harness, OPEN_PETITION);
    await page.setViewportSize({ width: 1920, height: 900 });
    const ui = await ExtensionUi.of(page);
    await ui.waitFor('aside.card');
    expect(await ui.text('#ct-title')).toBe('Civic Thread: Petition');
    const host = page.locator('[data-civic-thread-panel]');
    expect(await host.evaluate((element) => element.tagName.toLowerCase())).toMatch(
      /^civic-thread-panel-[0-9a-f]{8}$/,
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
