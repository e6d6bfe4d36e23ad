import type { LiveView } from '../live/live-view';
import type { PageContext } from '../pages/context';
import type { RelatedView } from '../related/related-item';
import { bool, z } from '../zod';
import { storyHeadline, topLinks } from './headline';

/**
 * One of the card's top links, with its strongest reason. Built in the background from related
 * items already checked; checked by the page for its types alone (its size: content_script_gzip_kb).
 */
export const CardLink = z.object({
  key: z.string(),
  url: z.string(),
  title: z.string(),
  reason: z.nullable(z.string()),
});

/**
 * What the card shows, built in the background from the live and related answers: the page
 * then needs neither those answers' schemas nor their round trips (`card/summary`).
 */
export const CardSummary = z.object({
  headline: z.array(z.string()),
  links: z.array(CardLink),
  /** Some site could not be searched this time: the links may be missing some. */
  incomplete: bool(),
});
export type CardSummary = z.infer<typeof CardSummary>;

export function cardSummary(
  context: PageContext,
  live: LiveView,
  related: Pick<RelatedView, 'groups' | 'failed'>,
): CardSummary {
  return {
    headline: storyHeadline(context, live, related),
    links: topLinks(related).map(({ key, url, title, reasons }) => ({
      key,
      url,
      title,
      reason: reasons[0] ?? null,
    })),
    incomplete: related.failed.length > 0,
  };
}

/** A summary as built, with how to tell later that what it was built from is unchanged. */
export interface BuiltSummary {
  summary: CardSummary;
  /** The page's own cached answers are still those it was built from. */
  unchanged: () => Promise<boolean>;
}

/**
 * Keeps each page's summary while what it was built from stays the same: `changed()` is called
 * whenever an API answer is stored (or all data deleted), a summary is asked again for its own
 * answers (`unchanged`: the cache may be cleared or written without this worker), and none is
 * kept longer than `maxAgeMs` (the freshest source's freshness: building it again asks for the
 * answers, which refreshes them when stale). A summary with a site that failed (Try again in the
 * view must search again) is not kept, nor one built while something changed, which is built
 * once more in the background so the next visit finds it. Only a cache: a worker restart loses it.
 */
export function createSummaryCache({
  maxAgeMs,
  now = Date.now,
}: {
  maxAgeMs: number;
  now?: () => number;
}) {
  const kept = new Map<string, BuiltSummary & { at: number }>();
  let generation = 0;
  const keepIfCurrent = async (key: string, build: () => Promise<BuiltSummary>) => {
    const started = generation;
    const at = now();
    const built = await build();
    const current = generation === started;
    if (current && !built.summary.incomplete) kept.set(key, { ...built, at });
    return { summary: built.summary, current };
  };
  /** The summary kept for `key` while it holds, or null: nothing is built. */
  const keptFor = async (key: string) => {
    const known = kept.get(key);
    if (!known) return null;
    if (now() - known.at < maxAgeMs && (await known.unchanged())) return known.summary;
    // Unless another build kept a newer one meanwhile.
    if (kept.get(key) === known) kept.delete(key);
    return null;
  };
  const summaryOf = async (key: string, build: () => Promise<BuiltSummary>) => {
    const known = await keptFor(key);
    if (known) return known;
    const { summary, current } = await keepIfCurrent(key, build);
    if (!current && !summary.incomplete) void keepIfCurrent(key, build);
    return summary;
  };
  const changed = () => {
    generation++;
    kept.clear();
  };
  return Object.assign(summaryOf, { changed, kept: keptFor });
}
