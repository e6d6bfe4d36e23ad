// Smoke tests of the Firefox build in Firefox ESR: the panel appears on a petition, reads the
// page, shows live data fetched by the background, keeps a note in the extension's storage, and
// takes no answer from another host.
import { afterAll, describe, expect, it } from 'vitest';
import { ELSEWHERE_HOST } from '../fixture-site/api';
import { launchFirefox } from './firefox';
import { FIXTURE_PAGES } from './fixture-pages';

const firefox = await launchFirefox();
afterAll(() => firefox.close());

const SENCO = FIXTURE_PAGES.find((page) => page.name === 'petition-archived-senco');

const PANEL = `document.querySelector('civic-thread-panel')?.shadowRoot`;

/** Text of `selector` inside the panel's shadow root, or null while it is not there. */
function panelText(selector: string): Promise<string | null> {
  return firefox.evaluate<string | null>(
    `${PANEL}?.querySelector(${JSON.stringify(selector)})?.textContent ?? null`,
  );
}

/** The value of the fact labelled `label` in one panel section. */
function factText(section: string, label: string): Promise<string | null> {
  return firefox.evaluate<string | null>(
    `[...(${PANEL}?.querySelectorAll(${JSON.stringify(`${section} .fact`)}) ?? [])]
      .find((fact) => fact.querySelector('dt')?.textContent === ${JSON.stringify(label)})
      ?.querySelector('dd')?.textContent ?? null`,
  );
}

/** Whether the panel's live and related sections have finished loading. */
function loaded(): Promise<boolean> {
  return firefox.evaluate<boolean>(
    `Boolean(${PANEL}?.querySelector('.live') && !${PANEL}.querySelector('[aria-busy="true"]'))`,
  );
}

describe('the Firefox build in Firefox ESR', () => {
  it('draws the card in a closed shadow root: the browser sees its headline, the page does not', async () => {
    if (!SENCO) throw new Error('the SENCO fixture page is missing');
    await firefox.open(SENCO.url);
    await expect
      .poll(() => firefox.extensionText(), { timeout: 15_000 })
      .toMatch(/Government responded 29 September 2021 .*Open the full story/);
    expect(
      await firefox.evaluate('document.querySelector("[data-civic-thread-panel]").shadowRoot'),
    ).toBeNull();
    expect(
      await firefox.evaluate(
        'document.body.innerText.includes("Government responded 29 September")',
      ),
    ).toBe(false);
  });

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

  it('keeps a note about the page in the extension, not in the site’s storage', async () => {
    if (!SENCO) throw new Error('the SENCO fixture page is missing');
    const note = 'Ask our MP about NASENCO funding';
    const notes = () =>
      firefox.evaluate<string[]>(
        `[...(${PANEL}?.querySelectorAll('.notes .note-text') ?? [])].map((p) => p.textContent)`,
      );
    await firefox.open(SENCO.url);
    const field = `[...(${PANEL}?.querySelectorAll('.notes label') ?? [])]
      .find((label) => label.textContent === 'Note about this page')?.control`;
    await expect.poll(() => firefox.evaluate(`Boolean(${field})`), { timeout: 15_000 }).toBe(true);
    // Sections above the form grow as their data arrives; click only once they have all loaded,
    // or the form may move between finding it and clicking it.
    await expect.poll(loaded, { timeout: 15_000 }).toBe(true);
    await firefox.click(field);
    await firefox.type(note);
    await expect.poll(() => firefox.evaluate(`${field}.value`)).toBe(note);
    await firefox.click(
      `[...${PANEL}.querySelectorAll('.notes button')].find((b) => b.textContent === 'Save note')`,
    );
    await expect.poll(notes, { timeout: 10_000 }).toEqual([note]);
    // Read back from the background's database on the next visit.
    await firefox.open(SENCO.url);
    await expect.poll(notes, { timeout: 15_000 }).toEqual([note]);
    expect(await firefox.evaluate('indexedDB.databases()')).toEqual([]);
  });

  it('sends nothing to another host the API redirects to, and says so', async () => {
    firefox.site.api.fault = 'redirect-elsewhere';
    try {
      await firefox.open('https://petition.parliament.uk/petitions/654321');
      await expect
        .poll(() => panelText('.live [role="alert"] p'), { timeout: 15_000 })
        .toBe('petition.parliament.uk redirected too often, or to another site.');
      expect(firefox.site.api.requests.filter((r) => r.startsWith(ELSEWHERE_HOST))).toEqual([]);
    } finally {
      firefox.site.api.fault = null;
    }
  });
});
