// `npm run bench`: a consultation response of 60 questions and 300 quotes (the seed's layout,
// tests/respond-sample.ts) exported as .docx, through the same `exportResponse` the view calls.
// Timed in Node: the workspace that will call it in the browser is not built yet (issue 17).
import { exportResponse } from '../../utils/respond/export';
import { sampleDraft } from '../respond-sample';
import { median, report } from './results';

const RUNS = 7;
const draft = sampleDraft(60, 5);
const quotes = draft.questions.reduce((sum, q) => sum + q.answer.evidence.length, 0);
if (draft.questions.length !== 60 || quotes !== 300) throw new Error('the bench draft is wrong');

// One run first, unmeasured: module and JIT warm-up belong to no user's export.
await exportResponse(draft, 'docx');
const times: number[] = [];
let size = 0;
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  const blob = await exportResponse(draft, 'docx');
  size = (await blob.arrayBuffer()).byteLength;
  times.push(performance.now() - start);
}
console.log(`docx of ${draft.questions.length} questions, ${quotes} quotes: ${size} bytes`);
report(
  { response_docx_ms: Math.round(median(times)) },
  { response_docx_ms: '≤ 1,000 (median of 7)' },
);
