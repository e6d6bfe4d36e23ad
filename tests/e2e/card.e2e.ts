import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { VIEW_MARKS } from '../../components/view/marks';
import { type Box, ExtensionUi } from './closed-root';
import { FIXTURE_PAGES } from './fixture-pages';
import {
  clearStore,
  launch,
  openPage,
  paintedText,
  panelOf,
  putRecords,
  readStore,
  selectText,
  storedSettings,
} from './harness';

const SENCO = 'https://petition.parliament.uk/archived/petitions/591092';
const OPEN = 'https://petition.parliament.uk/petitions/701234';
const WH_DEBATE =
  'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding';
/** Chromium's side panel opens 320 px wide (`kDefaultWidth`, chrome/browser/ui/views/side_panel). */
const SIDE_PANEL_WIDTH = 320;

/** The worker's side panel and tabs APIs, the parts this file calls and wraps. */
declare const chrome: {
  sidePanel: {
    open(options: { tabId?: number; windowId?: number }): Promise<void>;
    setOptions(options: { tabId: number; enabled: boolean }): Promise<void>;
  };
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
  runtime: { onMessage: { addListener(listener: (message: { type?: string }) => void): void } };
};

const harness = await launch();
afterAll(() => harness.close());

/** A page at `width` CSS px (`scale` 2 is the browser's 200% zoom: half the CSS px, twice the DPR). */
async function sized(cdp: CDPSession, width: number, scale = 1) {
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width,
    height: Math.round(900 / scale),
    deviceScaleFactor: scale,
    mobile: false,
  });
}

/** Opens `url` at a width, and waits until the card has its answers (or the page has no card). */
async function cardPage(url: string, width = 1920) {
  const opened = await openPage(harness, url);
  await opened.page.setViewportSize({ width, height: 900 });
  await opened.page.waitForFunction(
    () => performance.getEntriesByName('civic-thread:done').length > 0,
  );
  return { ...opened, ui: await ExtensionUi.of(opened.page) };
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right - 0.5 &&
  b.left < a.right - 0.5 &&
  a.top < b.bottom - 0.5 &&
  b.top < a.bottom - 0.5;

/** The boxes of the page's visible text on screen (ranges over its text nodes), not the extension's. */
function textOnScreen(page: Page) {
  return page.evaluate(() => {
    const boxes: (Box & { text: string })[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node as Text).data;
      const parent = node.parentElement;
      if (!text.trim() || !parent || parent.closest('[data-civic-thread-panel]')) continue;
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width <= 0 || r.height <= 0 || r.bottom < 0 || r.top > innerHeight) continue;
        boxes.push({
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
          text: text.trim().slice(0, 40),
        });
      }
    }
    return boxes;
  });
}

/** The extension's boxes once they have stopped moving (placement runs a frame after a resize). */
async function settledBoxes(page: Page, ui: ExtensionUi) {
  let last = JSON.stringify(await ui.drawn());
  for (;;) {
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const now = JSON.stringify(await ui.drawn());
    if (now === last) return JSON.parse(now) as (Box & { name: string })[];
    last = now;
  }
}

describe('the context card on every supported fixture page', () => {
  it.each(
    FIXTURE_PAGES.filter((f) => !['debate-real-2022', 'debate-historic'].includes(f.name)),
  )('$name: the story headline, its top links and the way to the full view', async (fixture) => {
    const { page, ui, errors } = await cardPage(fixture.url);
    await ui.waitFor('aside.card');
    await expect.poll(() => ui.attribute('.headline', 'aria-busy')).toBe('false');
    expect(await ui.text('#ct-title')).toBe(`Civic Thread: ${fixture.badge}`);
    expect(await ui.text('.headline')).not.toBe('');
    const hrefs =
      (await ui.run<string[]>(
        '(root) => [...root.querySelectorAll(".top-links a")].map((a) => a.href)',
      )) ?? [];
    expect(hrefs.length).toBeLessThanOrEqual(3);
    for (const href of hrefs)
      expect(new URL(href).hostname).toMatch(
        /^(petition\.parliament\.uk|www\.gov\.uk|hansard\.parliament\.uk)$/,
      );
    expect(await ui.text('button.open-view')).toBe('Open the full story');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leads with what happened next, and links the debate and the consultation with their reasons', async () => {
    const { page, ui } = await cardPage(SENCO);
    await expect.poll(() => ui.attribute('.headline', 'aria-busy')).toBe('false');
    expect(await ui.text('.headline')).toMatch(
      /^Government responded 29 September 2021 · \d debates? · \d consultations? · \d petitions?$/,
    );
    const links = await ui.texts('.top-links li');
    expect(links.join('\n')).toContain('SEND review: right support, right place, right time');
    expect(links.join('\n')).toContain('Special Educational Needs and Disabilities Review');
    expect(await ui.texts('.top-links .why')).toHaveLength(links.length);
    await page.close();
  });

  it('a debated petition: responded, then debated, from its live data', async () => {
    const fixture = FIXTURE_PAGES.find((f) => f.name === 'petition-debated');
    const { page, ui } = await cardPage(fixture?.url ?? '');
    await expect.poll(() => ui.attribute('.headline', 'aria-busy')).toBe('false');
    expect(await ui.text('.headline')).toMatch(
      /^Government responded 15 April 2026 · debated 16 November 2026 · /,
    );
    await page.close();
  });
});

describe('never over the text', () => {
  // A window at each width, with the view closed and open (the side panel narrows the page),
  // and 1280 px at 200% zoom.
  const windows = [1280, 1400, 1920].flatMap((width) => [
    { name: `${width} px`, width, scale: 1 },
    { name: `${width} px, view open`, width: width - SIDE_PANEL_WIDTH, scale: 1 },
  ]);
  windows.push(
    { name: '1280 px at 200%', width: 640, scale: 2 },
    { name: '1280 px at 200%, view open', width: (1280 - SIDE_PANEL_WIDTH) / 2, scale: 2 },
  );

  it.each(
    FIXTURE_PAGES,
  )('$name: no box of the extension covers any text, top to bottom', async (fixture) => {
    const { page, ui } = await cardPage(fixture.url);
    const cdp = await page.context().newCDPSession(page);
    const covered: string[] = [];
    for (const window of windows) {
      await sized(cdp, window.width, window.scale);
      await page.evaluate(() => scrollTo(0, 0));
      await settledBoxes(page, ui);
      for (const at of ['top', 'middle', 'bottom'] as const) {
        await page.evaluate((where) => {
          const end = document.documentElement.scrollHeight - innerHeight;
          scrollTo(0, where === 'top' ? 0 : where === 'middle' ? end / 2 : end);
        }, at);
        const drawn = await settledBoxes(page, ui);
        if (window.scale === 1 && window.width >= 1400 && !fixture.name.match(/real|historic/))
          expect(drawn.length, `${window.name}: something is drawn`).toBeGreaterThan(0);
        for (const text of await textOnScreen(page))
          for (const box of drawn)
            if (overlaps(text, box))
              covered.push(`${window.name}, ${at}: ${box.name} over "${text.text}"`);
      }
      // Out of flow and inside the page: the page is as large with the extension as without it.
      const sizes = await page.evaluate(() => {
        const root = document.documentElement;
        const host = document.querySelector('[data-civic-thread-panel]');
        const size = () => `${root.scrollWidth}×${root.scrollHeight}`;
        const withIt = size();
        const parent = host?.parentNode;
        const next = host?.nextSibling ?? null;
        host?.remove();
        const without = size();
        if (host) parent?.insertBefore(host, next);
        return { withIt, without };
      });
      expect(sizes.withIt, window.name).toBe(sizes.without);
    }
    expect(covered).toEqual([]);
    await page.close();
  });

  it('a link card shown on focus never covers the link it describes, at the top or bottom of the window', async () => {
    const { page, ui } = await cardPage(WH_DEBATE, 1400);
    const links = 'a[href*="/petitions/654321"]';
    expect(await page.locator(links).count()).toBeGreaterThan(0);
    for (const block of ['start', 'end'] as const) {
      const linkBoxes = await page.evaluate(
        ([selector, where]) => {
          const link = document.querySelector(selector) as HTMLAnchorElement;
          link.scrollIntoView({ block: where });
          // Focus arrives afresh each time (Escape closed the card but left the link focused).
          link.blur();
          link.focus();
          return [...link.getClientRects()].map((r) => ({
            left: r.left,
            top: r.top,
            right: r.right,
            bottom: r.bottom,
          }));
        },
        [links, block] as const,
      );
      const card = await ui.waitFor('.link-card');
      await expect.poll(() => ui.text('.link-card-title')).not.toBeNull();
      for (const link of linkBoxes)
        expect(overlaps(card, link), `${block}: ${JSON.stringify({ card, link })}`).toBe(false);
      await page.keyboard.press('Escape');
      await expect.poll(() => ui.count('.link-card')).toBe(0);
    }
    await page.close();
  });

  it('a page too narrow for the card gets the edge tab, which opens the full view', async () => {
    const { page, ui } = await cardPage(OPEN, 640);
    await ui.waitFor('.edge-tab');
    expect(await ui.count('aside.card')).toBe(0);
    expect(await ui.text('.edge-tab .visually-hidden')).toBe('Civic Thread: open the full story');
    await page.close();
  });
});

/**
 * Wraps the worker's `sidePanel.open` to record each call's outcome: Chromium refuses it
 * ("may only be called in response to a user gesture") once the click's gesture is lost.
 */
function recordSidePanelOpens() {
  return harness.worker.evaluate(() => {
    const record = globalThis as unknown as {
      opened: string[];
      original?: typeof chrome.sidePanel.open;
    };
    record.opened = [];
    record.original ??= chrome.sidePanel.open.bind(chrome.sidePanel);
    const original = record.original;
    chrome.sidePanel.open = (options) =>
      original(options).then(
        () => void record.opened.push(`opened ${options.tabId !== undefined}`),
        (error: Error) => {
          record.opened.push(`refused: ${error.message}`);
          throw error;
        },
      );
  });
}
const sidePanelOpens = () =>
  harness.worker.evaluate(() => (globalThis as unknown as { opened: string[] }).opened);

describe('the card on the page', () => {
  it('drawn again on a later visit, asks for neither its settings nor its summary: the background hands them over with its script', async () => {
    // What the pages ask the worker, seen beside its own listener.
    await harness.worker.evaluate(() => {
      const world = globalThis as unknown as { asked: string[] };
      world.asked = [];
      chrome.runtime.onMessage.addListener((message: { type?: string }) => {
        world.asked.push(message.type ?? '');
      });
    });
    /** What the page opened by `visit` asks, once it has told the worker of its visit. */
    const askedBy = async (visit: () => Promise<Page>) => {
      await harness.worker.evaluate(() => {
        (globalThis as unknown as { asked: string[] }).asked = [];
      });
      const page = await visit();
      await page.waitForFunction(
        () => performance.getEntriesByName('civic-thread:done').length > 0,
      );
      const ui = await ExtensionUi.of(page);
      await expect.poll(() => ui.attribute('.headline', 'aria-busy')).toBe('false');
      const headline = await ui.text('.headline');
      const asked = () =>
        harness.worker.evaluate(() => (globalThis as unknown as { asked: string[] }).asked);
      await expect.poll(asked).toContain('page/visited');
      const requests = await asked();
      await page.close();
      return { headline, requests };
    };
    const visit = async () => (await cardPage(SENCO)).page;
    const first = await askedBy(visit);
    expect(first.headline).toMatch(/^Government responded/);

    const again = await askedBy(visit);
    expect(again.headline).toBe(first.headline);
    expect(again.requests).not.toContain('settings/get');
    expect(again.requests).not.toContain('card/summary');

    // Come to from another page, it reads otherwise (its referrer): its summary is asked again.
    const referred = await askedBy(async () => {
      const { page } = await openPage(harness, 'about:blank');
      // Wide enough for the whole card, as `cardPage` opens it.
      await page.setViewportSize({ width: 1920, height: 900 });
      await page.goto(SENCO, { referer: WH_DEBATE });
      return page;
    });
    expect(referred.headline).toMatch(/^Government responded/);
    expect(referred.requests).toContain('card/summary');
  });

  it('collapses to its tab from the keyboard, keeps focus on it, and stays collapsed on the next page', async () => {
    const { page, ui } = await cardPage(SENCO);
    await ui.focus('button.toggle');
    await page.keyboard.press('Enter');
    await ui.waitFor('.edge-tab');
    expect(await ui.attribute('.edge-tab', 'aria-expanded')).toBe('false');
    await expect.poll(() => ui.focused()).toBe('BUTTON:CTShow Civic Thread card');
    expect(await ui.count('aside.card')).toBe(0);
    await expect.poll(async () => (await storedSettings(harness)).panelCollapsed).toBe(true);

    const next = await cardPage(OPEN);
    await next.ui.waitFor('.edge-tab');
    // Space works too, as on any button, and the choice is remembered the other way.
    await next.ui.focus('.edge-tab');
    await next.page.keyboard.press('Space');
    await next.ui.waitFor('aside.card');
    await expect.poll(() => next.ui.focused()).toBe('BUTTON:Hide Civic Thread card');
    await expect.poll(async () => (await storedSettings(harness)).panelCollapsed).toBe(false);
    await next.page.reload();
    next.ui.reset();
    await next.ui.waitFor('aside.card');
    await page.close();
    await next.page.close();
  });

  it('every link and button on the card can be reached with Tab', async () => {
    const { page, ui } = await cardPage(SENCO);
    await expect.poll(() => ui.attribute('.headline', 'aria-busy')).toBe('false');
    const all =
      (await ui.run<string[]>(
        '(root) => [...root.querySelectorAll("a[href], button")].map((e) => e.tagName + ":" + e.textContent)',
      )) ?? [];
    const reached = new Set<string>();
    for (let i = 0; i < 300 && reached.size < all.length; i++) {
      await page.keyboard.press('Tab');
      const active = await ui.focused();
      if (active) reached.add(active);
    }
    expect([...reached].sort()).toEqual([...all].sort());
    expect(all.length).toBeGreaterThanOrEqual(4);
    await page.close();
  });

  it('"Open the full story" opens the side panel within the click\'s gesture', async () => {
    // The check can fail: outside a gesture, Chromium refuses the same call.
    const { page: other } = await cardPage(OPEN);
    expect(
      await harness.worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({
          url: 'https://petition.parliament.uk/petitions/*',
        });
        return chrome.sidePanel.open({ tabId: tab?.id ?? -1 }).then(
          () => 'opened',
          (error: Error) => `refused: ${error.message}`,
        );
      }),
    ).toBe('refused: `sidePanel.open()` may only be called in response to a user gesture.');
    await other.close();
    await recordSidePanelOpens();
    const { page, ui } = await cardPage(SENCO);
    // As for a card clicked before its page's report reached the worker, which enables the
    // tab's panel: the click enables it itself. (Disabled once that report is in, so it does
    // not enable the panel again meanwhile.)
    await page.waitForFunction(
      (mark) => performance.getEntriesByName(mark).length > 0,
      VIEW_MARKS.reported,
    );
    await harness.worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await chrome.sidePanel.setOptions({ tabId: tab?.id ?? -1, enabled: false });
    }, SENCO);
    await ui.click('button.open-view');
    await expect.poll(sidePanelOpens).toEqual(['opened true']);
    await page.close();
  });

  it('hostile page CSS cannot restyle or hide the card', async () => {
    const { page, ui } = await cardPage(SENCO);
    await ui.waitFor('aside.card');
    await page.addStyleTag({
      content: `* { all: unset !important; }
        html { font-size: 64px !important; }
        body * { font-family: "Comic Sans MS", cursive !important; color: red !important; }
        civic-thread-panel { display: none !important; opacity: 0 !important; }`,
    });
    // The unstyled page's text now runs edge to edge: the card gives way to its tab.
    await ui.waitFor('.edge-tab');
    const style = await ui.run<{ size: string; colour: string; family: string }>(`(root) => {
      const computed = getComputedStyle(root.querySelector('.edge-tab'));
      return { size: computed.fontSize, colour: computed.color, family: computed.fontFamily };
    }`);
    expect(style?.size).toBe('12px');
    expect(style?.colour).not.toBe('rgb(255, 0, 0)');
    expect(style?.family).not.toMatch(/Comic/);
    expect(await ui.drawn()).toHaveLength(1);
    await page.close();
  });

  it('adds no layout shift and moves nothing on the page', async () => {
    const page = await harness.context.newPage();
    await page.addInitScript(() => {
      const record = window as unknown as { shifts: number };
      record.shifts = 0;
      type Shift = PerformanceEntry & { value: number; sources: { node: Node | null }[] };
      new PerformanceObserver((list) => {
        // Only the page's own elements count: the card moving to a new place is not the page moving.
        for (const entry of list.getEntries() as Shift[]) {
          const pageNodes = entry.sources.filter(
            ({ node }) =>
              node && !(node instanceof Element && node.hasAttribute('data-civic-thread-panel')),
          );
          if (pageNodes.length > 0) record.shifts += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.setViewportSize({ width: 1920, height: 900 });
    await page.goto(SENCO);
    const ui = await ExtensionUi.of(page);
    await ui.waitFor('aside.card');
    const layout = () =>
      page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        width: document.documentElement.scrollWidth,
        boxes: [...document.querySelectorAll('body *:not([data-civic-thread-panel])')]
          .slice(0, 200)
          .map((element) => {
            const rect = element.getBoundingClientRect();
            return [rect.x, rect.y, rect.width, rect.height].join(',');
          }),
      }));
    const withCard = await layout();
    await panelOf(page).evaluate((host) => host.remove());
    expect(await layout()).toEqual(withCard);
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
    await page.close();
  });
});

describe('a closed shadow root: a page script can read nothing', () => {
  it('finds no note text and no card text through the host, serialisation, events or mutations', async () => {
    const note = 'Private: ask Ms Clarke about the tribunal';
    await putRecords(harness, 'annotations', [
      {
        id: 'closed-root-note',
        kind: 'page-note',
        pageKey: 'petition:591092',
        pageUrl: SENCO,
        pageTitle: 'Require School SENCOs to be fully qualified for the role.',
        pageKind: 'petition',
        target: null,
        note,
        tags: ['private'],
        colour: 'yellow',
        createdAt: 1,
        updatedAt: 1,
      },
    ]);
    const page = await harness.context.newPage();
    // The page's own script, from the start: it watches everything added to the document.
    await page.addInitScript(() => {
      const seen = window as unknown as { added: string[]; clicks: string[] };
      seen.added = [];
      seen.clicks = [];
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            seen.added.push(node instanceof Element ? node.outerHTML : (node.textContent ?? ''));
      }).observe(document, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
      document.addEventListener('click', (event) => {
        const hit = document.elementFromPoint(event.clientX, event.clientY);
        seen.clicks.push(
          [
            (event.target as Element).outerHTML,
            hit?.outerHTML ?? '',
            ...event.composedPath().map((node) => (node as Element).outerHTML ?? ''),
          ].join('\n'),
        );
      });
    });
    await page.setViewportSize({ width: 1920, height: 900 });
    await page.goto(SENCO);
    const ui = await ExtensionUi.of(page);
    await expect.poll(() => ui.attribute('.headline', 'aria-busy')).toBe('false');
    const headline = (await ui.text('.headline')) ?? '';
    expect(headline).toContain('Government responded');
    await ui.click('.headline');

    const read = await page.evaluate(() => {
      const host = document.querySelector('[data-civic-thread-panel]') as HTMLElement;
      const seen = window as unknown as { added: string[]; clicks: string[] };
      return [
        String(host.shadowRoot),
        host.innerHTML,
        host.textContent,
        String(host.querySelectorAll('*').length),
        document.documentElement.getHTML({ serializableShadowRoots: true }),
        document.body.innerText,
        ...seen.added,
        ...seen.clicks,
      ];
    });
    expect(read[0]).toBe('null');
    expect(read[3]).toBe('0');
    expect(read.filter((text) => text.includes(note))).toEqual([]);
    expect(read.filter((text) => text.includes(headline))).toEqual([]);
    // The click did reach the page, retargeted to the host.
    expect(
      (await page.evaluate(() => (window as unknown as { clicks: string[] }).clicks)).length,
    ).toBe(1);
    await page.close();
  });
});

describe('link cards', () => {
  const CONSULTATION_LINK =
    'a[href="https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time"]';
  /** The text of the links marked for one kind of page (CSS Custom Highlight API). */
  const marked = (page: Page, kind: string) =>
    page.evaluate((name) => {
      const highlight = CSS.highlights.get(name);
      return highlight ? [...highlight].map((range) => range.toString().trim()) : [];
    }, `civic-thread-link-${kind}`);

  it('marks links to supported pages by kind and shows a card on hover; Escape closes it', async () => {
    const { page, ui, errors } = await cardPage(SENCO);
    await page.locator('summary', { hasText: "Share your views on Government's plans" }).click();
    const before = await page.evaluate(() => document.body.innerHTML.length);
    await expect
      .poll(() => marked(page, 'consultation'))
      .toContain((await page.locator(CONSULTATION_LINK).first().textContent())?.trim());
    await page.locator(CONSULTATION_LINK).first().hover();
    await expect
      .poll(() => ui.text('.link-card-title'))
      .toBe('SEND review: right support, right place, right time');
    expect(await ui.text('.link-card .meta')).toBe('Outcome published');
    await page.keyboard.press('Escape');
    await expect.poll(() => ui.count('.link-card')).toBe(0);
    // Marks are painted and cards drawn in the closed shadow root: the page's DOM is unchanged.
    expect(await page.evaluate(() => document.body.innerHTML.length)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a card when a link gets keyboard focus', async () => {
    const { page, ui } = await cardPage(WH_DEBATE);
    await expect.poll(async () => (await marked(page, 'petition')).length).toBeGreaterThan(0);
    await page.locator('a[href*="/petitions/654321"]').first().focus();
    await expect
      .poll(() => ui.text('.link-card .meta'))
      .toBe('Petition 654321 · 118,407 signatures · Closed · Government responded · Debated');
    await page.keyboard.press('Escape');
    await expect.poll(() => ui.count('.link-card')).toBe(0);
    await page.close();
  });
});

describe('the selection toolbar and highlights', () => {
  const PASSAGE = 'Ensuring SENCOs are fully qualified is integral to this.';
  const stored = async () =>
    ((await readStore(harness, 'annotations')) as { target: { quote: { exact: string } } | null }[])
      .map((note) => note.target?.quote.exact)
      .filter(Boolean);

  it('highlights a selection from the keyboard, and paints it again after a reload', async () => {
    await clearStore(harness, 'annotations');
    const { page, errors } = await cardPage(SENCO);
    const before = await page.evaluate(() => document.body.innerHTML.length);
    await selectText(page, PASSAGE);
    await page.keyboard.press('Alt+Shift+H');
    await expect.poll(() => paintedText(page)).toEqual([PASSAGE]);
    await expect.poll(stored).toEqual([PASSAGE]);
    await page.reload();
    await expect.poll(() => paintedText(page)).toEqual([PASSAGE]);
    // Painted without touching the page's DOM.
    expect(await page.evaluate(() => document.body.innerHTML.length)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows its toolbar beside the selection, never over it, and highlights with a click', async () => {
    await clearStore(harness, 'annotations');
    const { page, ui } = await cardPage(SENCO, 1400);
    for (const block of ['start', 'end'] as const) {
      await page.evaluate(() => document.getSelection()?.removeAllRanges());
      await expect.poll(() => ui.count('.selection-toolbar')).toBe(0);
      // The passage scrolled to the top of the window, then to its bottom, and selected.
      await page.evaluate((where) => {
        const wanted = 'within 3 years of appointment';
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf(wanted);
          if (at === -1) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const rect = range.getBoundingClientRect();
          scrollBy(0, where === 'start' ? rect.top - 20 : rect.bottom - innerHeight + 10);
          document.getSelection()?.removeAllRanges();
          document.getSelection()?.addRange(range);
          return;
        }
      }, block);
      const toolbar = await ui.waitFor('.selection-toolbar');
      const selected = await page.evaluate(() =>
        [...(document.getSelection()?.getRangeAt(0).getClientRects() ?? [])].map((r) => ({
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
        })),
      );
      for (const rect of selected) expect(overlaps(toolbar, rect), block).toBe(false);
    }
    await ui.click('.selection-toolbar button:first-child');
    await expect.poll(() => paintedText(page)).toEqual(['within 3 years of appointment']);
    await expect.poll(() => ui.count('.selection-toolbar')).toBe(0);
    await page.close();
  });

  it('"Highlight with note" paints the passage and opens the full view, where the note is written', async () => {
    await clearStore(harness, 'annotations');
    await recordSidePanelOpens();
    const { page, ui } = await cardPage(SENCO);
    await page.evaluate((wanted) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(wanted);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        scrollBy(0, range.getBoundingClientRect().top - 200);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
        return;
      }
    }, PASSAGE);
    await ui.click('.selection-toolbar button.secondary');
    await expect.poll(() => paintedText(page)).toEqual([PASSAGE]);
    await expect.poll(sidePanelOpens).toEqual(['opened true']);
    await page.close();
  });

  it('does nothing for an empty selection or one inside the card', async () => {
    await clearStore(harness, 'annotations');
    const { page, ui } = await cardPage(SENCO);
    await expect.poll(() => ui.attribute('.headline', 'aria-busy')).toBe('false');
    await page.keyboard.press('Alt+Shift+H');
    const headline = await ui.waitFor('.headline');
    await page.mouse.click(headline.left + 5, headline.top + 5, { clickCount: 3 });
    await page.keyboard.press('Alt+Shift+H');
    expect(await ui.count('.selection-toolbar')).toBe(0);
    // A highlight made after them is saved after anything they had asked for: only it appears.
    await selectText(page, PASSAGE);
    await page.keyboard.press('Alt+Shift+H');
    await expect.poll(stored).toEqual([PASSAGE]);
    await expect.poll(() => paintedText(page)).toEqual([PASSAGE]);
    await page.close();
  });
});

describe('hostile text on the card', () => {
  afterEach(() => {
    harness.site.api.rewrite = null;
  });

  it('shows markup from the APIs and search as text, and links only to the three sites', async () => {
    const hostile = '<img src=x onerror="window.civicPwned=1">Special Educational Needs';
    // Searches answered earlier in this file would come from the cache, unchanged.
    await clearStore(harness, 'cache');
    harness.site.api.rewrite = (path, body) => {
      const lower = path.toLowerCase();
      if (lower === '/search/debates.json' || lower === '/search/contributions/spoken.json') {
        const results = body as { Results: { Title?: string; DebateSection?: string }[] };
        for (const result of results.Results) {
          if ('Title' in result) result.Title = hostile;
          if ('DebateSection' in result) result.DebateSection = hostile;
        }
      }
      return body;
    };
    // The same page as the tests before: the worker shares no ranking of theirs once it is done.
    const { page, ui, errors } = await cardPage(SENCO);
    await expect.poll(() => ui.attribute('.headline', 'aria-busy')).toBe('false');
    // The debates the search found lead the card's links, their titles shown as text.
    expect(await ui.texts('.top-links a')).toContain(hostile);
    expect(await ui.count('img, svg, script')).toBe(0);
    const hrefs =
      (await ui.run<string[]>(
        '(root) => [...root.querySelectorAll("a[href]")].map((a) => a.href)',
      )) ?? [];
    for (const href of hrefs)
      expect(new URL(href).hostname).toMatch(
        /^(petition\.parliament\.uk|www\.gov\.uk|hansard\.parliament\.uk)$/,
      );
    expect(
      await page.evaluate(() => (window as { civicPwned?: number }).civicPwned),
    ).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('accessibility of the card (axe-core)', () => {
  /** axe over a copy of the card in an open root (axe cannot enter the closed one). */
  async function cardViolations(url: string, colorScheme: 'light' | 'dark') {
    const { page, ui } = await cardPage(url);
    await page.emulateMedia({ colorScheme });
    await ui.waitFor('aside.card, .edge-tab');
    if (await ui.count('aside.card'))
      await expect.poll(() => ui.attribute('.headline', 'aria-busy')).toBe('false');
    const results = await new AxeBuilder({ page }).include(await ui.openCopy()).analyze();
    await page.close();
    return {
      checked: results.passes.length,
      violations: results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    };
  }

  it.each(
    FIXTURE_PAGES.map((page) => [page.name, page.url]),
  )('%s: no violations', async (_, url) => {
    const { checked, violations } = await cardViolations(url, 'light');
    expect(violations).toEqual([]);
    expect(checked).toBeGreaterThan(3);
  });

  it('no violations in dark mode either', async () => {
    expect((await cardViolations(SENCO, 'dark')).violations).toEqual([]);
  });
});
