// Writes a PNG of the card on every supported fixture page into docs/screenshots/, and of a page
// with the view beside it as Chromium's side panel shows them.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { MARKS } from '../../components/marks';
import { ExtensionUi } from './closed-root';
import { FIXTURE_PAGES } from './fixture-pages';
import { extensionPage, launch, openPage, selectText } from './harness';
import { openWithView } from './view';

const OUT = 'docs/screenshots';
/** Wide enough for the card beside every fixture page; at 1400 px the petitions get the tab. */
const WIDTH = 1920;

const SENCO = 'https://petition.parliament.uk/archived/petitions/591092';
const SEND_REVIEW =
  'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time';

const SEN_WORKFORCE =
  'https://www.gov.uk/government/consultations/sen-workforce-training-standards';
const harness = await launch();

/** A fixture page at WIDTH, once the card has drawn its answers (or the page has no card). */
async function cardPage(url: string): Promise<{ page: Page; ui: ExtensionUi }> {
  const { page } = await openPage(harness, url);
  await page.setViewportSize({ width: WIDTH, height: 1000 });
  await page.waitForFunction(
    (marks) =>
      performance.getEntriesByName(marks.cardShown).length > 0 ||
      performance.getEntriesByName(marks.done).length > 0,
    MARKS,
  );
  return { page, ui: await ExtensionUi.of(page) };
}

async function shot(page: Page, name: string) {
  const file = `${OUT}/${name}.png`;
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
  await page.close();
}

/** The library as the side panel shows it, with the highlight made by highlightShot. */
async function libraryShot() {
  const library = await harness.context.newPage();
  await library.setViewportSize({ width: 420, height: 900 });
  await library.goto(extensionPage(harness, 'library.html'));
  await library.locator('.note-card').first().waitFor();
  const file = `${OUT}/library.png`;
  await library.screenshot({ path: file, fullPage: true });
  console.log(`wrote ${file}`);
  await library.close();
}

/** Chromium's side panel opens 320 px wide (`kDefaultWidth`, side_panel.cc) and narrows the page. */
const SIDE_PANEL_WIDTH = 320;
const WINDOW = { width: 1400, height: 900 };

/**
 * A page and its view, each drawn at the size it has in a 1400 px window with the side panel
 * open, then set side by side in one picture (Playwright cannot open the side panel itself).
 */
async function sideBySideShot(url: string, name: string) {
  const { page, view } = await openWithView(harness, url);
  await page.setViewportSize({ width: WINDOW.width - SIDE_PANEL_WIDTH, height: WINDOW.height });
  await view.setViewportSize({ width: SIDE_PANEL_WIDTH, height: WINDOW.height });
  await view.locator('.story[aria-busy="false"]').waitFor();
  await view.locator('.related[aria-busy="false"]').waitFor();
  const pictures = [await page.screenshot(), await view.screenshot()].map(
    (png) => `data:image/png;base64,${png.toString('base64')}`,
  );
  const sheet = await harness.context.newPage();
  await sheet.setViewportSize({ width: WINDOW.width + 1, height: WINDOW.height });
  await sheet.setContent(
    `<body style="margin:0;display:flex;background:#b1b4b6;gap:1px">${pictures
      .map((src) => `<img src="${src}" alt="">`)
      .join('')}</body>`,
  );
  await sheet.waitForFunction(() => [...document.images].every((image) => image.complete));
  await page.close();
  await view.close();
  await shot(sheet, name);
}

/** The SENCO petition with a link card open on the page. */
async function linkCardShot() {
  const { page, ui } = await cardPage(SENCO);
  await page.locator('summary', { hasText: "Share your views on Government's plans" }).click();
  const link = page.locator(`a[href="${SEND_REVIEW}"]`).first();
  await link.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await link.hover();
  await ui.waitFor('.link-card-title');
  await shot(page, 'related');
}

/** The SENCO petition with a passage highlighted from the selection toolbar. */
async function highlightShot() {
  const { page, ui } = await cardPage(SENCO);
  await selectText(page, 'Ensuring SENCOs are fully qualified is integral to this.');
  // Scrolled into view, then selected again, so the toolbar is placed where the passage now is.
  await page.evaluate(() => {
    const selection = document.getSelection();
    const range = selection?.getRangeAt(0);
    range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    selection?.removeAllRanges();
    if (range) selection?.addRange(range);
  });
  await ui.click('.selection-toolbar button:first-child');
  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  await page.waitForFunction(() => (CSS.highlights.get('civic-thread-yellow')?.size ?? 0) > 0);
  await shot(page, 'notes');
}

/**
 * The response workspace beside the SEN workforce consultation: its questions from the HTML
 * document, question 1 answered with a point and a bookmarked government response as evidence.
 */
async function respondShot() {
  const petition = await openWithView(harness, SENCO);
  await petition.view
    .getByRole('button', { name: 'Bookmark Government response (29 September 2021)' })
    .click();
  await petition.view.locator('.bookmark-label').waitFor();
  await petition.view.close();
  await petition.page.close();
  const { page, view } = await openWithView(harness, SEN_WORKFORCE);
  await page.setViewportSize({ width: WINDOW.width - SIDE_PANEL_WIDTH, height: WINDOW.height });
  await view.setViewportSize({ width: SIDE_PANEL_WIDTH + 80, height: 1500 });
  await view.getByRole('button', { name: 'Respond to this consultation' }).click();
  const q = view.locator('.response-question[data-question="1"]');
  await q.waitFor();
  await q.locator('summary').click();
  await q.getByRole('radio', { name: 'Agree', exact: true }).check();
  await q.getByRole('button', { name: 'Add a point' }).click();
  await q
    .getByRole('textbox', { name: 'Point 1 of question 1' })
    .fill('Many teachers support a national qualification, but the NASENCO must not be lost.');
  await q.getByRole('button', { name: 'Add evidence from your notes' }).click();
  await q.getByRole('button', { name: 'Add as evidence' }).first().click();
  await q.getByRole('button', { name: 'Done adding evidence' }).click();
  await view.locator('.save-status', { hasText: 'All changes saved.' }).waitFor();
  await view.locator('#ct-respond-heading').evaluate((heading) => heading.scrollIntoView());
  // The view is shot while its tab is open: closing the tab first would show "closed".
  await shot(view, 'respond');
  await page.close();
}

try {
  mkdirSync(OUT, { recursive: true });
  for (const fixture of FIXTURE_PAGES) {
    const { page } = await cardPage(fixture.url);
    await page.waitForLoadState('networkidle');
    await shot(page, fixture.name);
  }
  await sideBySideShot(SENCO, 'view-petition');
  await sideBySideShot(SEND_REVIEW, 'view-consultation');
  await highlightShot();
  await linkCardShot();
  await libraryShot();
  await respondShot();
} finally {
  await harness.close();
}
