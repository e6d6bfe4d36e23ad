// Writes a PNG of the panel on every supported fixture page into docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { FIXTURE_PAGES } from './fixture-pages';
import { launch, openPage, panelOf } from './harness';

const OUT = 'docs/screenshots';

const harness = await launch();
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
} finally {
  await harness.close();
}
