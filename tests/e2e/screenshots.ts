// Writes a PNG of the card on every supported fixture page into docs/screenshots/.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { MARKS } from '../../components/panel/marks';
import { ExtensionUi } from './closed-root';
import { FIXTURE_PAGES } from './fixture-pages';
import { extensionPage, launch, openPage, selectText } from './harness';

const OUT = 'docs/screenshots';
/** Wide enough for the card beside every fixture page; at 1400 px the petitions get the tab. */
const WIDTH = 1920;

const SENCO = 'https://petition.parliament.uk/archived/petitions/591092';
const SEND_REVIEW =
  'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time';

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

try {
  mkdirSync(OUT, { recursive: true });
  for (const fixture of FIXTURE_PAGES) {
    const { page } = await cardPage(fixture.url);
    await page.waitForLoadState('networkidle');
    await shot(page, fixture.name);
  }
  await highlightShot();
  await linkCardShot();
  await libraryShot();
} finally {
  await harness.close();
}
