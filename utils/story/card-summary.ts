import type { LiveView } from '../live/live-view';
import type { PageContext } from '../pages/context';
import { SupportedPageUrl } from '../pages/context';
import type { RelatedView } from '../related/related-item';
import { z } from '../zod';
import { storyHeadline, topLinks } from './headline';

/** One of the card's top links, with its strongest reason. */
export const CardLink = z.object({
  key: z.string().check(z.minLength(1)),
  url: SupportedPageUrl,
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
  incomplete: z.boolean(),
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

/**
 * Keeps each page's summary until the data it was built from may have changed: `changed()`
 * is called whenever an API answer is stored (or all data deleted); a summary built with a site
 * that failed (Try again in the view must search again) is not kept, nor one built while
 * something changed. Only a cache: a worker restart loses it.
 */
export function createSummaryCache() {
  const kept = new Map<string, CardSummary>();
  let generation = 0;
  const keepIfCurrent = async (key: string, build: () => Promise<CardSummary>) => {
    const started = generation;
    const summary = await build();
    if (generation === started && !summary.incomplete) kept.set(key, summary);
    return { summary, current: generation === started };
  };
  const summaryOf = async (key: string, build: () => Promise<CardSummary>) => {
    const known = kept.get(key);
    if (known) return known;
    const { summary, current } = await keepIfCurrent(key, build);
    // Built while answers were stored (often its own first fetches): built once more from the
    // cache, in the background, so the next visit finds it.
    if (!current && !summary.incomplete) void keepIfCurrent(key, build);
    return summary;
  };
  const changed = () => {
    generation++;
    kept.clear();
  };
  return Object.assign(summaryOf, { changed });
}
