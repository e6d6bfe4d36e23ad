import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = 'bench-results.json';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Prints the figures as a table and merges them into bench-results.json (figure name → number). */
export function report(figures: Record<string, number>, notes: Record<string, string>): void {
  console.table(
    Object.entries(figures).map(([figure, value]) => ({
      figure,
      value,
      target: notes[figure] ?? '',
    })),
  );
  const previous = existsSync(FILE)
    ? (JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, number>)
    : {};
  writeFileSync(FILE, `${JSON.stringify({ ...previous, ...figures }, null, 2)}\n`);
  console.log(`wrote ${FILE}`);
}
