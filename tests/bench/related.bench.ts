// `npm run bench`: precision of the top five related items on every fixture page, against
// the relevance set in tests/fixtures/relevance.json, with the real ranking, fetcher and
// cache over the fixture site's APIs (answered in-process, as the HTTPS fixture site would).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { createLiveFetcher } from '../../utils/live/live-fetcher';
import { relatedFor } from '../../utils/related/related-view';
import { openDatabase } from '../../utils/storage/db';
import { FIXTURE_PAGES } from '../e2e/fixture-pages';
import { createFixtureFetch } from '../fixture-site/fixture-fetch';
import { extractFixture } from '../load-fixture';
import { report } from './results';

globalThis.DOMParser = new Window().DOMParser as unknown as typeof DOMParser;

const relevance = JSON.parse(readFileSync('tests/fixtures/relevance.json', 'utf8')) as {
  related: string[];
  unrelated: string[];
  expected: Record<string, string[]>;
};
const related = new Set(relevance.related);
const unrelated = new Set(relevance.unrelated);

const rows = [];
for (const { url, name } of FIXTURE_PAGES) {
  const result = extractFixture(url);
  if (!result?.ok) throw new Error(`${name} did not extract`);
  // The relevance set is about SEND; a page off that subject (a real GOV.UK example item) has none.
  if (unrelated.has(result.context.key)) continue;
  const site = createFixtureFetch();
  const get = createLiveFetcher(openDatabase(`bench-${name}`), {
    deps: { fetch: site.fetch, sleep: async () => {}, now: Date.now, random: Math.random },
  });
  const view = await relatedFor(result.context, get);
  const shown = view.groups.flatMap((group) => group.items);
  const top = [...shown].sort((a, b) => b.score - a.score).slice(0, 5);
  const expected = relevance.expected[url] ?? [];
  rows.push({
    page: name,
    requests: site.requests.length,
    top5: top.length,
    precision: top.length ? top.filter((item) => related.has(item.key)).length / top.length : 1,
    expectedFound: expected.filter((key) => shown.some((item) => item.key === key)).length,
    expected: expected.length,
  });
}
console.table(rows);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round = (value: number) => Math.round(value * 1000) / 1000;
report(
  {
    related_precision_at_5: round(mean(rows.map((row) => row.precision))),
    related_expected_recall: round(
      rows.reduce((sum, row) => sum + row.expectedFound, 0) /
        rows.reduce((sum, row) => sum + row.expected, 0),
    ),
    related_requests_per_page_max: Math.max(...rows.map((row) => row.requests)),
  },
  {
    related_precision_at_5: 'share of the top 5 that are on the subject (mean over fixture pages)',
    related_expected_recall: 'share of the items a person would look for that are listed',
  },
);
