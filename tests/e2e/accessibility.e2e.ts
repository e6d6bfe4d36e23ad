import AxeBuilder from '@axe-core/playwright';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_PAGES } from './fixture-pages';
import { launch, openPage, panelOf } from './harness';

const harness = await launch();
afterAll(() => harness.close());

/** axe-core over the panel (its shadow root included) once its sections have loaded. */
async function panelViolations(url: string, colorScheme: 'light' | 'dark') {
  const { page } = await openPage(harness, url);
  await page.emulateMedia({ colorScheme });
  await panelOf(page).locator('.related[aria-busy="false"]').waitFor();
  const results = await new AxeBuilder({ page }).include('civic-thread-panel').analyze();
  await page.close();
  return {
    checked: results.passes.length,
    violations: results.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  };
}

describe('accessibility of the panel (axe-core)', () => {
  it.each(
    FIXTURE_PAGES.map((page) => [page.name, page.url]),
  )('%s: no violations', async (_, url) => {
    const { checked, violations } = await panelViolations(url, 'light');
    expect(violations).toEqual([]);
    expect(checked).toBeGreaterThan(5);
  });

  it('no violations in dark mode either', async () => {
    const [first] = FIXTURE_PAGES;
    if (!first) throw new Error('no fixture pages');
    expect((await panelViolations(first.url, 'dark')).violations).toEqual([]);
  });
});
