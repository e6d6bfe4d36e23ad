import { afterAll, describe, expect, it } from 'vitest';
import { ExtensionUi } from './closed-root';
import {
  clearStore,
  launch,
  openPage,
  paintedText,
  panelOf,
  readStore,
  selectText,
} from './harness';
import { openWithView } from './view';

/** The worker's runtime API, the part this file calls. */
declare const chrome: {
  scripting: {
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
  runtime: {
    reload(): void;
    onConnect: {
      addListener(listener: (port: { name: string; sender?: { url?: string } }) => void): void;
    };
  };
};

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

  it('runs its content script once however often the background injects it', async () => {
    const { page } = await openPage(harness, SENCO);
    await page.waitForFunction(() => performance.getEntriesByName('civic-thread:done').length > 0);
    // As the load-time fallback and the load event can both inject it, or a page back from the
    // back/forward cache: executeScript settles once the script has run in the page.
    await harness.worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await chrome.scripting.executeScript({
        target: { tabId: tab?.id ?? -1 },
        files: ['/content-petitions.js'],
      });
    }, SENCO);
    const counts = await page.evaluate(() =>
      ['civic-thread:start', 'civic-thread:done'].map(
        (mark) => performance.getEntriesByName(mark).length,
      ),
    );
    expect(counts).toEqual([1, 1]);
    expect(await panelOf(page).count()).toBe(1);
    await page.close();
  });

  it('runs its content script without letting the page fetch it to spot the extension', async () => {
    const { page } = await openPage(harness, SENCO);
    await page.waitForFunction(() => performance.getEntriesByName('civic-thread:done').length > 0);
    const extensionId = new URL(harness.worker.url()).host;
    const probe = await page.evaluate(
      (url) =>
        fetch(url).then(
          (response) => `status ${response.status}`,
          () => 'refused',
        ),
      `chrome-extension://${extensionId}/content-petitions.js`,
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

  it("mounts the card before it reads the page's passages for the view's report", async () => {
    const { page } = await openPage(harness, SENCO);
    const handle = await page.waitForFunction(() => {
      const [mounted] = performance.getEntriesByName('civic-thread:done');
      const [reported] = performance.getEntriesByName('civic-thread:tab-reported');
      return mounted && reported ? reported.startTime - mounted.startTime : null;
    });
    expect(await handle.jsonValue()).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps one port to the extension open, for its notes and for noticing it going away', async () => {
    await harness.worker.evaluate(() => {
      const opened: string[] = [];
      (globalThis as unknown as { opened: string[] }).opened = opened;
      chrome.runtime.onConnect.addListener((port) => opened.push(port.sender?.url ?? ''));
    });
    const { page } = await openPage(harness, SENCO);
    await page.setViewportSize({ width: 1920, height: 900 });
    const ui = await ExtensionUi.of(page);
    await expect.poll(() => ui.attribute('.headline', 'aria-busy')).toBe('false');
    // A note made here is painted: the page watches its notes, over that same port.
    const passage = 'Ensuring SENCOs are fully qualified is integral to this.';
    await selectText(page, passage);
    await page.keyboard.press('Alt+Shift+H');
    await expect.poll(() => paintedText(page)).toEqual([passage]);
    const opened = await harness.worker.evaluate(
      () => (globalThis as unknown as { opened: string[] }).opened,
    );
    expect(opened.filter((url) => url === SENCO)).toHaveLength(1);
    await page.close();
    await clearStore(harness, 'annotations');
  });

  // Last in this file: the extension is reloaded under the harness.
  it('leaves nothing of itself on an open page when the extension is reloaded', async () => {
    const passage = 'Ensuring SENCOs are fully qualified is integral to this.';
    const { page, errors } = await openPage(harness, SENCO);
    await page.setViewportSize({ width: 1920, height: 900 });
    const ui = await ExtensionUi.of(page);
    await expect.poll(() => ui.attribute('.headline', 'aria-busy')).toBe('false');
    await selectText(page, passage);
    await page.keyboard.press('Alt+Shift+H');
    await expect.poll(() => paintedText(page)).toEqual([passage]);
    const ours = () =>
      page.evaluate(() => ({
        highlights: [...CSS.highlights.keys()].filter((name) => name.startsWith('civic-thread')),
        sheets: document.adoptedStyleSheets.length,
      }));
    // The note's highlight and the link marks, each with its rules.
    expect((await ours()).highlights.length).toBeGreaterThan(1);

    // As an update or a reload from chrome://extensions does: this page's script is cut off.
    await harness.worker.evaluate(() => chrome.runtime.reload()).catch(() => {});
    await expect.poll(() => panelOf(page).count()).toBe(0);
    await expect.poll(ours).toEqual({ highlights: [], sheets: 0 });
    // The page goes on as before, and its console shows nothing from the extension.
    await page.mouse.wheel(0, 400);
    await selectText(page, passage);
    await page.keyboard.press('Alt+Shift+H');
    expect(await panelOf(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
