// `npm run bench`: re-anchoring 500 highlights on a 50,000-word Hansard debate in Chromium,
// against a plain approx-string-match baseline on the same page in the same run; and
// saving 1,000 notes (Node, fake-indexeddb: the storage code's own cost).
import 'fake-indexeddb/auto';
import { build } from 'esbuild';
import { describe } from '../../utils/annotations/selectors';
import { saveAnnotation } from '../../utils/storage/annotation-store';
import { openDatabase } from '../../utils/storage/db';
import type { Annotation } from '../../utils/storage/records';
import { launch } from '../e2e/harness';
import { median, report } from './results';

const DEBATE =
  'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding';
const HIGHLIGHTS = 500;
const RUNS = 7;

/** The fixture debate with its contributions repeated (numbered) to about 50,000 words. */
function lengthen(html: string): string {
  const first = html.indexOf('<div class="debate-item debate-item-contributiondebateitem"');
  const last = html.lastIndexOf('<div class="debate-item debate-item-contributiondebateitem"');
  const end = html.indexOf('</div>\n\n', html.indexOf('hs_Para', last));
  const block = html.slice(first, end);
  const words = block.replace(/<[^>]+>/g, ' ').split(/\s+/).length;
  const copies = Math.ceil(50_000 / words);
  const repeated = Array.from({ length: copies }, (_, i) =>
    block.replaceAll('<p class="hs_Para">', `<p class="hs_Para">Part ${i + 1}. `),
  ).join('\n');
  return html.slice(0, first) + repeated + html.slice(end);
}

const bundle = await build({
  entryPoints: ['tests/bench/anchoring-in-page.ts'],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'civicThreadBench',
});

const harness = await launch();
let inPage: { ours: number[]; baseline: number[]; found: number; words: number };
try {
  harness.site.rewritePages = (html, url) =>
    url.pathname.includes('6E2B1C4A') ? lengthen(html) : html;
  const page = await harness.context.newPage();
  await page.goto(DEBATE);
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
  inPage = await page.evaluate(
    ([count, runs]) =>
      (
        window as unknown as {
          civicThreadBench: { runBench(count: number, runs: number): typeof inPage };
        }
      ).civicThreadBench.runBench(count, runs),
    [HIGHLIGHTS, RUNS] as const,
  );
} finally {
  await harness.close();
}

const db = await openDatabase('bench-notes');
const target = describe('A passage about SENCO training and the NASENCO award.', 17, 30);
const note = (i: number): Annotation => ({
  id: `bench-${i}`,
  kind: 'highlight',
  pageKey: 'debate:6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71',
  pageUrl: DEBATE,
  pageTitle: 'Special Educational Needs and Disabilities Funding',
  pageKind: 'debate',
  target,
  note: `Note ${i}`,
  tags: ['send', `batch-${i % 10}`],
  colour: 'yellow',
  createdAt: i,
  updatedAt: i,
});
const saves: number[] = [];
for (let run = 0; run < 3; run++) {
  await db.clear('annotations');
  const started = performance.now();
  for (let i = 0; i < 1_000; i++) await saveAnnotation(db, note(i));
  saves.push(performance.now() - started);
}

console.log(`page: ${inPage.words} words; highlights found again: ${inPage.found}/${HIGHLIGHTS}`);
report(
  {
    reanchor_500_ms: Math.round(median(inPage.ours) * 10) / 10,
    reanchor_vs_baseline_ratio:
      Math.round((median(inPage.ours) / median(inPage.baseline)) * 1000) / 1000,
    save_1000_notes_ms: Math.round(median(saves)),
  },
  {
    reanchor_500_ms: '< 200 (median, Chromium)',
    reanchor_vs_baseline_ratio: 'ours / approx-string-match alone',
    save_1000_notes_ms: 'Node + fake-indexeddb',
  },
);
