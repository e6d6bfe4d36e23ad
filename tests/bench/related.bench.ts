// `npm run bench`: precision and recall of the related items on every fixture page, per subject
// of the relevance set in tests/fixtures/relevance.json, with the real ranking, fetcher and cache
// over the fixture site's APIs (answered in-process, as the HTTPS fixture site would).
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

type Subject = { related: string[]; unrelated: string[]; pages?: string[] };
const relevance = JSON.parse(readFileSync('tests/fixtures/relevance.json', 'utf8')) as Subject & {
  /** Subjects besides SEND, whose items are the top-level `related`/`unrelated`. */
  subjects?: Record<string, Subject>;
  expected: Record<string, string[]>;
};
const subjects: Record<string, Set<string>> = {
  SEND: new Set(relevance.related),
  ...Object.fromEntries(
    Object.entries(relevance.subjects ?? {}).map(([name, { related }]) => [name, new Set(related)]),
  ),
};

type Row = {
  page: string;
  subject: string;
  requests: number;
  cached: number;
  shown: number;
  onSubject: number;
  expectedFound: number;
  expected: number;
};
const rows: Row[] = [];
// The fixture pages, and any page of the other subjects that is not one of them, once each.
const pages = [
  ...FIXTURE_PAGES.map(({ url, name }) => ({ url, name })),
  ...Object.values(relevance.subjects ?? {})
    .flatMap(({ pages = [] }) => pages)
    .filter((url) => !FIXTURE_PAGES.some((page) => page.url === url))
    .map((url) => ({ url, name: url.split('/').pop() ?? url })),
];
for (const { url, name } of pages) {
  const result = extractFixture(url);
  if (!result?.ok) throw new Error(`${name} did not extract`);
  const key = result.context.key;
  const subject = Object.entries(subjects).find(([, related]) => related.has(key));
  // A page on no subject of the set (a real GOV.UK example item) has nothing to measure.
  if (!subject) continue;
  const [subjectName, onSubject] = subject;
  const site = createFixtureFetch();
  const get = createLiveFetcher(openDatabase(`bench-${name}`), {
    deps: { fetch: site.fetch, sleep: async () => {}, now: Date.now, random: Math.random },
  });
  const view = await relatedFor(result.context, get);
  const uncached = site.requests.length;
  await relatedFor(result.context, get);
  // A reader sees every item listed, not only the first few.
  const shown = view.groups.flatMap((group) => group.items);
  const expected = relevance.expected[url] ?? [];
  rows.push({
    page: name,
    subject: subjectName,
    requests: uncached,
    cached: site.requests.length - uncached,
    shown: shown.length,
    onSubject: shown.filter((item) => onSubject.has(item.key)).length,
    expectedFound: expected.filter((k) => shown.some((item) => item.key === k)).length,
    expected: expected.length,
  });
}
console.table(rows);
const round = (value: number) => Math.round(value * 1000) / 1000;
const sum = (list: Row[], field: 'shown' | 'onSubject' | 'expectedFound' | 'expected') =>
  list.reduce((total, row) => total + row[field], 0);
const measure = (list: Row[]) => ({
  precision: round(sum(list, 'shown') ? sum(list, 'onSubject') / sum(list, 'shown') : 1),
  recall: round(sum(list, 'expected') ? sum(list, 'expectedFound') / sum(list, 'expected') : 1),
});
const figures: Record<string, number> = {};
const notes: Record<string, string> = {};
for (const name of Object.keys(subjects)) {
  const id = name.replace(/\s+/g, '_');
  const { precision, recall } = measure(rows.filter((row) => row.subject === name));
  figures[`related_precision_${id}`] = precision;
  figures[`related_recall_${id}`] = recall;
  notes[`related_precision_${id}`] = '≥ 0.9';
  notes[`related_recall_${id}`] = '≥ 0.8';
}
const overall = measure(rows);
report(
  {
    related_precision: overall.precision,
    related_expected_recall: overall.recall,
    ...figures,
    related_requests_per_page_max: Math.max(...rows.map((row) => row.requests)),
    related_requests_cached_max: Math.max(...rows.map((row) => row.cached)),
  },
  {
    related_precision:
      'share of everything shown as related, on every page, that is on the page’s subject (≥ 0.9)',
    related_expected_recall: 'share of the items a person would look for that are listed (≥ 0.8)',
    ...notes,
    related_requests_per_page_max: 'requests for one page with nothing cached (≤ 8)',
    related_requests_cached_max: 'requests for the same page shown again (0)',
  },
);
