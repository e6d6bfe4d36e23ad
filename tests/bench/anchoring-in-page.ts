// Bundled by esbuild and run inside the fixture page, so re-anchoring is timed in Chromium
// on a real DOM. Exposes the engine and a plain approx-string-match baseline.
import search from 'approx-string-match';
import { prepareText } from '../../utils/annotations/code-points';
import { anchor, describe } from '../../utils/annotations/selectors';
import { buildTextModel, rangeFromOffsets } from '../../utils/annotations/text-model';

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** Describes `count` passages, edits the top of the page, then times both anchoring methods. */
export function runBench(count: number, runs: number) {
  const original = prepareText(buildTextModel(document.body).text);
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const targets = Array.from({ length: count }, () => {
    const start = Math.floor(next() * (original.text.length - 200));
    return describe(original, start, start + 30 + Math.floor(next() * 120));
  });
  // A correction near the top: every stored position is now off, so each passage is searched for.
  const correction = document.createElement('p');
  correction.textContent = 'Correction: a sentence was added to the record after publication.';
  document.querySelector('.debate-item .content')?.prepend(correction);

  const ours: number[] = [];
  const baseline: number[] = [];
  let found = 0;
  for (let run = 0; run < runs; run++) {
    ours.push(
      time(() => {
        const model = buildTextModel(document.body);
        const text = prepareText(model.text);
        found = 0;
        for (const target of targets) {
          const at = anchor(text, target);
          if (at && rangeFromOffsets(model, at.start, at.end)) found++;
        }
      }),
    );
    baseline.push(
      time(() => {
        const model = buildTextModel(document.body);
        for (const target of targets) {
          const exact = target.quote.exact;
          const [best] = search(model.text, exact, Math.floor(exact.length / 4));
          if (best) rangeFromOffsets(model, best.start, best.end);
        }
      }),
    );
  }
  return { ours, baseline, found, words: original.text.split(/\s+/).length };
}
