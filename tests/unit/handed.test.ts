// What the background hands a page's script with its injection (utils/inject/handed.ts), and
// how the card then asks nothing it was handed (components/card/early-answers.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { askEarly, settingsFrom } from '../../components/card/early-answers';
import {
  createLastReadings,
  type Handed,
  handOver,
  readingOf,
  takeHanded,
} from '../../utils/inject/handed';
import { PageContext } from '../../utils/pages/context';
import { Settings } from '../../utils/storage/records';
import { FIXTURE_PAGES } from '../e2e/fixture-pages';
import { extractFixture } from '../load-fixture';
import { OPEN_PETITION } from './fixture-facts';

const SUMMARY = { headline: ['Government responded'], links: [], incomplete: false };
const HANDED: Handed = {
  settings: Settings.parse({}),
  card: { reading: readingOf(OPEN_PETITION, null), summary: SUMMARY },
};

afterEach(() => takeHanded());

describe('a page’s reading', () => {
  it('is the same whatever order its keys were written in', () => {
    const reordered = Object.fromEntries(Object.entries(OPEN_PETITION).reverse()) as PageContext;
    expect(readingOf(reordered, null)).toBe(readingOf(OPEN_PETITION, null));
    expect(readingOf(OPEN_PETITION, 'https://www.gov.uk/')).not.toBe(
      readingOf(OPEN_PETITION, null),
    );
    expect(readingOf({ ...OPEN_PETITION, title: 'Another' }, null)).not.toBe(
      readingOf(OPEN_PETITION, null),
    );
  });

  // The background remembers the context as its strict schema parsed it; the page compares
  // with its own extraction. Were they to differ, no page would ever draw from what it is handed.
  it.each(
    FIXTURE_PAGES.map((page) => [page.name, page.url]),
  )('of %s reads the same as the background’s parse of it', (_name, url) => {
    const result = extractFixture(url);
    if (!result?.ok) throw new Error(`${url} was not read`);
    const parsed = PageContext.parse(result.context);
    expect(readingOf(parsed, null)).toBe(readingOf(result.context, null));
  });
});

describe('what is handed over', () => {
  it('is taken once, as it was handed', () => {
    handOver(HANDED);
    expect(takeHanded()).toEqual(HANDED);
    expect(takeHanded()).toBeNull();
  });

  it('is not taken when malformed, nor left behind', () => {
    handOver({ settings: { panelCollapsed: 'yes' }, card: null } as unknown as Handed);
    expect(takeHanded()).toBeNull();
    handOver(HANDED);
    expect(takeHanded()).toEqual(HANDED);
  });
});

describe('the card’s first answers', () => {
  const sender = () =>
    vi.fn((request: { type: string }) => Promise.resolve({ ok: true, data: request }));

  it('ask nothing that was handed over for the page as read', async () => {
    const send = sender();
    const settings = settingsFrom(HANDED, send as never);
    const early = askEarly(
      { ok: true, context: OPEN_PETITION },
      settings,
      HANDED.card,
      send as never,
    );
    expect(send).not.toHaveBeenCalled();
    expect(await settings).toEqual({ ok: true, data: HANDED.settings });
    expect(await early.summary?.answer).toEqual({ ok: true, data: SUMMARY });
  });

  it('ask the summary of a page that reads otherwise than when its summary was kept', () => {
    const send = sender();
    const changed = { ...OPEN_PETITION, title: `${OPEN_PETITION.title} (edited)` };
    askEarly(
      { ok: true, context: changed },
      settingsFrom(HANDED, send as never),
      HANDED.card,
      send as never,
    );
    expect(send.mock.calls.map(([request]) => request)).toEqual([
      { type: 'card/summary', context: changed, referrer: null },
    ]);
  });

  it('ask both when nothing was handed over', () => {
    const send = sender();
    askEarly(
      { ok: true, context: OPEN_PETITION },
      settingsFrom(null, send as never),
      null,
      send as never,
    );
    expect(send.mock.calls.map(([request]) => request.type)).toEqual([
      'settings/get',
      'card/summary',
    ]);
  });
});

describe('the last readings', () => {
  it('keep each page’s latest, and only the newest pages', () => {
    const readings = createLastReadings(2);
    const page = (n: number) => ({ ...OPEN_PETITION, key: `petition:${n}` });
    readings.asked(page(1), null);
    readings.asked(page(2), null);
    readings.asked(page(1), 'https://www.gov.uk/');
    readings.asked(page(3), null);
    expect(readings.of('petition:1')).toEqual({
      context: page(1),
      referrer: 'https://www.gov.uk/',
    });
    expect(readings.of('petition:2')).toBeNull();
    expect(readings.of('petition:3')).toEqual({ context: page(3), referrer: null });
  });
});
