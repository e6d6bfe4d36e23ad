// `npm run bench`: a consultation response of 60 questions and 300 quotes (the seed's layout,
// tests/respond-sample.ts) opened in the view's workspace, and exported as .docx through the same
// `exportResponse` the workspace calls (timed in Node: the same library code, without the page).
import type { Page } from 'playwright-core';
import { MARKS } from '../../components/marks';
import { exportResponse } from '../../utils/respond/export';
import { extensionPage, launch } from '../e2e/harness';
import { openWithView } from '../e2e/view';
import { sampleDraft } from '../respond-sample';
import { marksOf } from './marks';
import { median, report } from './results';

const RUNS = 7;
const draft = sampleDraft(60, 5);
const quotes = draft.questions.reduce((sum, q) => sum + q.answer.evidence.length, 0);
if (draft.questions.length !== 60 || quotes !== 300) throw new Error('the bench draft is wrong');

// One run first, unmeasured: module and JIT warm-up belong to no user's export.
await exportResponse(draft, 'docx');
const docxTimes: number[] = [];
let size = 0;
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  const blob = await exportResponse(draft, 'docx');
  size = (await blob.arrayBuffer()).byteLength;
  docxTimes.push(performance.now() - start);
}
console.log(`docx of ${draft.questions.length} questions, ${quotes} quotes: ${size} bytes`);

// The workspace: the draft stored, the view of the consultation's tab opened, "Respond to this
// consultation" pressed; from the press to the draft drawn (performance marks in the view).
const harness = await launch();
const { view: first, tabId } = await openWithView(harness, draft.url);
await first.evaluate(
  (message) =>
    (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      }
    ).chrome.runtime.sendMessage(message),
  { type: 'responses/save', draft } as never,
);
await first.close();

async function timeOpen(view: Page): Promise<number> {
  await view.goto(extensionPage(harness, `sidepanel.html?tab=${tabId}`));
  // Set before the press, so nothing of the bench runs in the view while it draws.
  const marks = marksOf(view, [MARKS.responseOpened, MARKS.responseShown]);
  await view.getByRole('button', { name: 'Respond to this consultation' }).click();
  const [opened, shown] = await marks;
  // The sample's questions are not the fixture document's: once it is read, its four join them.
  const drawn = await view.locator('.response-question').count();
  if (drawn < 60) throw new Error(`the workspace drew ${drawn} questions`);
  return shown - opened;
}

const view = await harness.context.newPage();
await timeOpen(view);
const openTimes: number[] = [];
for (let run = 0; run < RUNS; run++) openTimes.push(await timeOpen(view));
await harness.close();
console.log('response_open_ms runs:', openTimes.map((t) => t.toFixed(1)).join(', '));

report(
  {
    response_open_ms: Math.round(median(openTimes) * 10) / 10,
    response_docx_ms: Math.round(median(docxTimes)),
  },
  {
    response_open_ms: '≤ 50 (median of 7)',
    response_docx_ms: '≤ 1,000 (median of 7)',
  },
);
