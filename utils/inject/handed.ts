import type { PageContext } from '../pages/context';
import { SettingsShape } from '../storage/record-shapes';
import { CardSummary } from '../story/card-summary';
import { z } from '../zod';

/**
 * What the background hands a page's content script with its injection, so a card drawn from
 * what the worker keeps needs no round trip (`npm run bench`, card_from_cache_ms). Checked by the
 * page like any answer; one that is missing or malformed is asked for as before.
 */
export const Handed = z.object({
  settings: SettingsShape,
  /** The summary kept for this page as it was last read: good only while the page reads the same. */
  card: z.nullable(z.object({ reading: z.string(), summary: CardSummary })),
});
export type Handed = z.infer<typeof Handed>;

/**
 * A page's reading as the card asks for its summary (`card/summary`: the context and the
 * referrer), keys sorted, so the page's own extraction and the background's parse of it compare
 * equal whatever order each wrote their keys in.
 */
export const readingOf = (context: PageContext, referrer: string | null): string =>
  JSON.stringify([context, referrer], (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value,
  );

/**
 * Run in the page's content-script world by `scripting.executeScript` just before the script's
 * file: it is serialised there, so it uses nothing from outside itself.
 */
export function handOver(handed: Handed): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('civic-thread:handed')] = handed;
}

/** What `handOver` left in this world, once: null if nothing was, or it does not check. */
export function takeHanded(): Handed | null {
  const world = globalThis as Record<symbol, unknown>;
  const key = Symbol.for('civic-thread:handed');
  const handed = Handed.safeParse(world[key]);
  delete world[key];
  return handed.success ? handed.data : null;
}

/**
 * The readings each page's card last asked a summary for, by page key (the newest `limit`):
 * the background looks the summary up again when it next injects the page's script.
 */
export function createLastReadings(limit: number) {
  const readings = new Map<string, { context: PageContext; referrer: string | null }>();
  return {
    asked(context: PageContext, referrer: string | null) {
      readings.delete(context.key);
      readings.set(context.key, { context, referrer });
      for (const oldest of readings.keys()) {
        if (readings.size <= limit) break;
        readings.delete(oldest);
      }
    },
    of: (key: string) => readings.get(key) ?? null,
  };
}
