// The card's summary, built in the background (`card/summary`), and how long it is kept.
import { describe, expect, it } from 'vitest';
import type { LiveView } from '../../utils/live/live-view';
import type { PetitionContext } from '../../utils/pages/context';
import { NO_FACTS } from '../../utils/related/candidates';
import type { RelatedItem } from '../../utils/related/related-item';
import {
  type BuiltSummary,
  type CardSummary,
  cardSummary,
  createSummaryCache,
} from '../../utils/story/card-summary';
import { OPEN_PETITION } from './fixture-facts';

const context: PetitionContext = {
  ...OPEN_PETITION,
  response: { respondedOn: '2026-05-12', summary: null },
} as PetitionContext;
const noLive: LiveView = {
  kind: 'petition',
  petition: { data: null, fetchedAt: null, stale: false, error: null },
};
const item = (n: number, explicit: boolean, reasons: string[]): RelatedItem => ({
  key: `debate:${n}`,
  kind: 'debate',
  url: `https://hansard.parliament.uk/Commons/2026-11-16/debates/${n}/Debate`,
  title: `Debate ${n}`,
  ...NO_FACTS,
  reasons,
  explicit,
  score: n,
});

describe('the card summary', () => {
  it('is the story headline and the strongest links with their first reason', () => {
    const summary = cardSummary(context, noLive, {
      groups: [
        {
          kind: 'debate',
          items: [
            item(1, false, []),
            item(2, true, ['links here', 'x']),
            item(5, false, ['shares key terms']),
          ],
        },
      ],
      failed: ['Hansard'],
    });
    expect(summary.headline[0]).toMatch(/^Government responded/);
    expect(summary.headline).toContain('3 debates');
    expect(summary.links).toEqual([
      { key: 'debate:2', url: item(2, true, []).url, title: 'Debate 2', reason: 'links here' },
      {
        key: 'debate:5',
        url: item(5, false, []).url,
        title: 'Debate 5',
        reason: 'shares key terms',
      },
      { key: 'debate:1', url: item(1, false, []).url, title: 'Debate 1', reason: null },
    ]);
    expect(summary.incomplete).toBe(true);
  });
});

describe('the summary cache', () => {
  const done = (headline: string, incomplete = false): CardSummary => ({
    headline: [headline],
    links: [],
    incomplete,
  });
  const built = (summary: CardSummary, unchanged = async () => true): BuiltSummary => ({
    summary,
    unchanged,
  });
  const MAX_AGE = 5 * 60_000;

  it('builds a page’s summary once, until an answer it may be built from is stored', async () => {
    const summaries = createSummaryCache({ maxAgeMs: MAX_AGE });
    let builds = 0;
    const build = async () => built(done(`build ${++builds}`));
    expect(await summaries('page', build)).toEqual(done('build 1'));
    expect(await summaries('page', build)).toEqual(done('build 1'));
    expect(await summaries('other page', build)).toEqual(done('build 2'));
    summaries.changed();
    expect(await summaries('page', build)).toEqual(done('build 3'));
  });

  it('builds again when its own answers left the cache, or it is older than the freshest source', async () => {
    let clock = 0;
    const summaries = createSummaryCache({ maxAgeMs: MAX_AGE, now: () => clock });
    let builds = 0;
    let inCache = true;
    const build = async () => built(done(`build ${++builds}`), async () => inCache);
    await summaries('page', build);
    inCache = false; // the cache was cleared, or refreshed, behind this worker's back
    expect(await summaries('page', build)).toEqual(done('build 2'));
    inCache = true;
    clock = MAX_AGE - 1;
    expect(await summaries('page', build)).toEqual(done('build 2'));
    clock = MAX_AGE * 2;
    expect(await summaries('page', build)).toEqual(done('build 3'));
  });

  it('builds again, in the background, a summary built while answers were stored', async () => {
    const summaries = createSummaryCache({ maxAgeMs: MAX_AGE });
    let builds = 0;
    let rebuilt: () => void = () => {};
    const settled = new Promise<void>((resolve) => {
      rebuilt = resolve;
    });
    const build = async () => {
      builds++;
      // The first build fetches, and so stores, the answers it ranks.
      if (builds === 1) summaries.changed();
      else rebuilt();
      return built(done(`build ${builds}`));
    };
    expect(await summaries('page', build)).toEqual(done('build 1'));
    await settled;
    expect(await summaries('page', build)).toEqual(done('build 2'));
    expect(builds).toBe(2);
  });

  it('keeps no summary built with a site missing, nor one always built during changes', async () => {
    const summaries = createSummaryCache({ maxAgeMs: MAX_AGE });
    let builds = 0;
    const missing = async () => built(done(`missing ${++builds}`, true));
    await summaries('failed', missing);
    expect(await summaries('failed', missing)).toEqual(done('missing 2', true));
    const during = async () => {
      builds++;
      summaries.changed();
      return built(done('during'));
    };
    await summaries('busy', during);
    await summaries('busy', during);
    // Each ask builds, and builds once more after: none is ever kept.
    expect(builds).toBe(6);
  });

  it('gives a summary it keeps without building one, while it holds (what a page is handed)', async () => {
    const summaries = createSummaryCache({ maxAgeMs: MAX_AGE });
    let inCache = true;
    expect(await summaries.kept('page')).toBeNull();
    await summaries('page', async () => built(done('build 1'), async () => inCache));
    expect(await summaries.kept('page')).toEqual(done('build 1'));
    inCache = false;
    expect(await summaries.kept('page')).toBeNull();
    inCache = true;
    // Forgotten once found stale: asked again, it is built again.
    expect(await summaries.kept('page')).toBeNull();
  });
});
