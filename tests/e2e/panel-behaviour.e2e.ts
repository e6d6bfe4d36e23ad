import { afterAll, describe, expect, it } from 'vitest';
import { factOf, launch, openPage, panelOf, readStore } from './harness';

const SENCO = 'https://petition.parliament.uk/archived/petitions/591092';
const OPEN = 'https://petition.parliament.uk/petitions/701234';

const harness = await launch();
afterAll(() => harness.close());

describe('panel behaviour', () => {
  it('collapses from the keyboard, and stays collapsed on the next page', async () => {
    const { page } = await openPage(harness, SENCO);
    const toggle = panelOf(page).getByRole('button', { name: 'Hide context panel' });
    await toggle.waitFor();
    await toggle.focus();
    await page.keyboard.press('Enter');
    const show = panelOf(page).getByRole('button', { name: 'Show context panel' });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    expect(await panelOf(page).locator('#ct-body').isVisible()).toBe(false);

    const next = await openPage(harness, OPEN);
    const showAgain = panelOf(next.page).getByRole('button', { name: 'Show context panel' });
    await showAgain.waitFor();
    expect(await panelOf(next.page).locator('#ct-body').isVisible()).toBe(false);
    // Space works too, as on any button, and the choice is remembered the other way.
    await showAgain.focus();
    await next.page.keyboard.press('Space');
    expect(await panelOf(next.page).locator('#ct-body').isVisible()).toBe(true);
    await next.page.reload();
    await panelOf(next.page).getByRole('button', { name: 'Hide context panel' }).waitFor();
    await page.close();
    await next.page.close();
  });

  it('every link, button and field in the panel can be reached with Tab', async () => {
    const { page } = await openPage(harness, SENCO);
    await panelOf(page).locator('.live .as-of').waitFor();
    await panelOf(page).locator('.related-list').first().waitFor();
    const describeAll = () =>
      page.evaluate(() => {
        const root = document.querySelector('civic-thread-panel')?.shadowRoot;
        const focusable = [
          ...(root?.querySelectorAll('a[href], button, textarea, input, select') ?? []),
        ];
        return focusable.map(
          (element, index) => `${index}:${element.tagName}:${element.textContent}`,
        );
      });
    const expected = await describeAll();
    const reached = new Set<string>();
    for (let i = 0; i < expected.length + 150 && reached.size < expected.length; i++) {
      await page.keyboard.press('Tab');
      const active = await page.evaluate(() => {
        const root = document.querySelector('civic-thread-panel')?.shadowRoot;
        const focusable = [
          ...(root?.querySelectorAll('a[href], button, textarea, input, select') ?? []),
        ];
        const index = focusable.indexOf(root?.activeElement as Element);
        const element = focusable[index];
        return element ? `${index}:${element.tagName}:${element.textContent}` : null;
      });
      if (active) reached.add(active);
    }
    expect([...reached].sort()).toEqual([...expected].sort());
    expect(expected.length).toBeGreaterThanOrEqual(5);
    await page.close();
  });

  it("stores the visited page and its links in the extension's own database", async () => {
    const { page } = await openPage(harness, SENCO);
    await panelOf(page).locator('.page-title').waitFor();
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
    await panelOf(page).locator('.page-title').waitFor();
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

describe('the panel and the page leave each other alone', () => {
  it('hostile page CSS cannot restyle or hide the panel', async () => {
    const { page } = await openPage(harness, SENCO);
    await panelOf(page).locator('.page-title').waitFor();
    await page.addStyleTag({
      content: `* { all: unset !important; }
        html { font-size: 64px !important; }
        body * { font-family: "Comic Sans MS", cursive !important; color: red !important; }
        civic-thread-panel { display: none !important; opacity: 0 !important; }`,
    });
    const title = panelOf(page).locator('.page-title');
    expect(await title.isVisible()).toBe(true);
    const style = await title.evaluate((element) => {
      const computed = getComputedStyle(element);
      return { size: computed.fontSize, colour: computed.color, family: computed.fontFamily };
    });
    expect(style.size).toBe('17px');
    expect(style.colour).not.toBe('rgb(255, 0, 0)');
    expect(style.family).not.toMatch(/Comic/);
    const box = await panelOf(page).locator('aside').boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    // Still usable.
    await panelOf(page).getByRole('button', { name: 'Hide context panel' }).click();
    await panelOf(page).getByRole('button', { name: 'Show context panel' }).click();
    await page.close();
  });

  it('adds no layout shift and moves nothing on the page', async () => {
    const { page } = await openPage(harness, SENCO);
    await page.evaluate(() => {
      const record = window as unknown as { shifts: number };
      record.shifts = 0;
      type Shift = PerformanceEntry & { value: number; sources: { node: Node | null }[] };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Shift[]) {
          // Shifts inside the panel's shadow root report no node: only the page's own elements count.
          if (entry.sources.some((source) => source.node)) record.shifts += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await panelOf(page).locator('.page-title').waitFor();
    const layout = () =>
      page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        width: document.documentElement.scrollWidth,
        boxes: [...document.querySelectorAll('body *:not(civic-thread-panel)')]
          .slice(0, 200)
          .map((element) => {
            const rect = element.getBoundingClientRect();
            return [rect.x, rect.y, rect.width, rect.height].join(',');
          }),
      }));
    const withPanel = await layout();
    await page.evaluate(() => {
      const host = document.querySelector('civic-thread-panel') as HTMLElement;
      host.style.setProperty('display', 'none', 'important');
    });
    expect(await layout()).toEqual(withPanel);
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
    await page.close();
  });

  it('stays readable at 200% zoom: inside the viewport, scrollable, no sideways overflow', async () => {
    const page = await harness.context.newPage();
    // 200% zoom of a 1280×800 window is a 640×400 CSS-pixel viewport.
    await page.setViewportSize({ width: 640, height: 400 });
    await page.goto(SENCO);
    const aside = panelOf(page).locator('aside');
    await aside.locator('.page-title').waitFor();
    const fit = await aside.evaluate((element) => ({
      left: element.getBoundingClientRect().left,
      right: element.getBoundingClientRect().right,
      bottom: element.getBoundingClientRect().bottom,
      overflowX: element.scrollWidth - element.clientWidth,
      scrollable:
        element.scrollHeight > element.clientHeight &&
        getComputedStyle(element).overflowY === 'auto',
    }));
    expect(fit.left).toBeGreaterThanOrEqual(0);
    expect(fit.right).toBeLessThanOrEqual(640);
    expect(fit.bottom).toBeLessThanOrEqual(400);
    expect(fit.overflowX).toBe(0);
    expect(fit.scrollable).toBe(true);
    await page.close();
  });
});
