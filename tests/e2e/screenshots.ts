// Writes a PNG of the panel on every supported fixture page into docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { FIXTURE_PAGES } from './fixture-pages';
import { extensionPage, launch, openPage, panelOf, selectText } from './harness';

const OUT = 'docs/screenshots';

const SENCO = 'https://petition.parliament.uk/archived/petitions/591092';
const SEND_REVIEW =
  'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time';

const harness = await launch();

/** The library as the side panel shows it, with the notes made by notesShot and a followed petition. */
async function libraryShot() {
  const { page } = await openPage(harness, 'https://petition.parliament.uk/petitions/701234');
  await panelOf(page).getByRole('button', { name: 'Follow this petition' }).click();
  await panelOf(page).getByRole('button', { name: 'Following this petition' }).waitFor();
  await page.close();
  const library = await harness.context.newPage();
  await library.setViewportSize({ width: 420, height: 900 });
  await library.goto(extensionPage(harness, 'library.html'));
  await library.locator('.note-card').first().waitFor();
  const file = `${OUT}/library.png`;
  await library.screenshot({ path: file, fullPage: true });
  console.log(`wrote ${file}`);
  await library.close();
}

/** The SENCO petition's related items, with a link card open on the page. */
async function relatedShot() {
  const { page } = await openPage(harness, SENCO);
  const panel = panelOf(page);
  await panel.locator('.related-list').first().waitFor();
  await page.locator('summary', { hasText: "Share your views on Government's plans" }).click();
  const link = page.locator(`a[href="${SEND_REVIEW}"]`).first();
  await link.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await panel.locator('.related').scrollIntoViewIfNeeded();
  await link.hover();
  await panel.locator('.link-card-title').waitFor();
  const file = `${OUT}/related.png`;
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
  await page.close();
}

/** The SENCO petition with a highlight, its note and a bookmarked response. */
async function notesShot() {
  const { page } = await openPage(harness, SENCO);
  const panel = panelOf(page);
  await panel.locator('.notes').waitFor();
  await selectText(page, 'Ensuring SENCOs are fully qualified is integral to this.');
  await panel.getByRole('toolbar').getByRole('button', { name: 'Highlight with note' }).click();
  await panel
    .locator('.notes')
    .getByLabel('Note', { exact: true })
    .fill('Quote this in the briefing');
  await panel.locator('.notes').getByLabel('Tags, separated by commas').fill('nasenco');
  await panel.locator('.notes').getByRole('button', { name: 'Save', exact: true }).click();
  await panel.getByRole('button', { name: /^Bookmark Government response/ }).click();
  await panel.locator('.bookmark-label').waitFor();
  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  await panel.locator('.notes').scrollIntoViewIfNeeded();
  const file = `${OUT}/notes.png`;
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
  await page.close();
}
try {
  mkdirSync(OUT, { recursive: true });
  for (const fixture of FIXTURE_PAGES) {
    const { page } = await openPage(harness, fixture.url);
    await panelOf(page).locator('aside').waitFor();
    await page.waitForLoadState('networkidle');
    const file = `${OUT}/${fixture.name}.png`;
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await page.close();
  }
  await notesShot();
  await relatedShot();
  await libraryShot();
} finally {
  await harness.close();
}
