// Smoke test of the Firefox build in Firefox ESR: the panel appears on a petition, reads the
// page, and shows live data fetched and stored by the background (event page, IndexedDB).
import { afterAll, describe, expect, it } from 'vitest';
import { launchFirefox } from './firefox';
import { FIXTURE_PAGES } from './fixture-pages';

const firefox = await launchFirefox();
afterAll(() => firefox.close());

const SENCO = FIXTURE_PAGES.find((page) => page.name === 'petition-archived-senco');

/** Text of `selector` inside the panel's shadow root, or null while it is not there. */
function panelText(selector: string): Promise<string | null> {
  return firefox.evaluate<string | null>(
    `document.querySelector('civic-thread-panel')?.shadowRoot
      ?.querySelector(${JSON.stringify(selector)})?.textContent ?? null`,
  );
}

/** The value of the fact labelled `label` in one panel section. */
function factText(section: string, label: string): Promise<string | null> {
  return firefox.evaluate<string | null>(
    `[...(document.querySelector('civic-thread-panel')?.shadowRoot
      ?.querySelectorAll(${JSON.stringify(`${section} .fact`)}) ?? [])]
      .find((fact) => fact.querySelector('dt')?.textContent === ${JSON.stringify(label)})
      ?.querySelector('dd')?.textContent ?? null`,
  );
}

describe('the Firefox build in Firefox ESR', () => {
  it('shows the panel on a petition, with the facts and the live data', async () => {
    if (!SENCO) throw new Error('the SENCO fixture page is missing');
    await firefox.open(SENCO.url);
    await expect.poll(() => panelText('.page-title'), { timeout: 15_000 }).toBe(SENCO.title);
    expect(await panelText('.kind .badge')).toBe('Petition');
    expect(await factText('.page-facts', 'Signatures')).toBe(SENCO.facts.Signatures);
    await expect
      .poll(() => factText('.live', 'Department'), { timeout: 15_000 })
      .toBe('Department for Education');
    expect(firefox.site.api.requests.some((url) => url.includes('/591092.json'))).toBe(true);
  });
});
