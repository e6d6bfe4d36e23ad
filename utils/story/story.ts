import type { LiveAnswer } from '../live/live-fetcher';
import { MAX_PETITIONS_PER_DEBATE } from '../live/live-view';
import type { PageContext } from '../pages/context';
import type { RelatedView } from '../related/related-item';
import { consultationRecord } from '../sources/govuk-content-api';
import { petitionRecord } from '../sources/petitions-api';
import type { LiveRequest } from '../sources/request';
import { annotationsForPage } from '../storage/annotation-store';
import type { CivicThreadDB } from '../storage/db';
import { buildTimeline, type StoryEntry } from './timeline';

type Get = <T>(request: LiveRequest<T>) => Promise<LiveAnswer<T>>;

/**
 * The story so far of a page, from what the background already has: the live cache's records
 * (answered from cache when there is one: the view must not wait on the sites), the related
 * view and the user's thread, and the user's notes on every page the story names. Without the
 * related view (`null`), the page's own records and notes only: the view's quick first screen.
 */
export async function storyFor(
  context: PageContext,
  {
    get,
    db,
    related,
    now,
  }: { get: Get; db: CivicThreadDB; related: RelatedView | null; now: number },
): Promise<StoryEntry[]> {
  const numbers =
    context.kind === 'petition'
      ? [{ number: context.petitionNumber, archived: context.archived }]
      : context.kind === 'debate'
        ? context.petitionNumbers
            .slice(0, MAX_PETITIONS_PER_DEBATE)
            .map((number) => ({ number, archived: false }))
        : [];
  const items = related?.groups.flatMap((group) => group.items) ?? [];
  const thread = related?.thread ?? [];
  const keys = new Set([context.key, ...items.map((i) => i.key), ...thread.map((i) => i.key)]);
  // The records and the notes at once, not one after the other.
  const [petitions, consultation, notes] = await Promise.all([
    Promise.all(numbers.map(({ number, archived }) => get(petitionRecord(number, archived)))),
    context.kind === 'consultation'
      ? get(consultationRecord(new URL(context.url).pathname))
      : Promise.resolve(null),
    Promise.all([...keys].map((key) => annotationsForPage(db, key))),
  ]);
  return buildTimeline({
    context,
    petitions: petitions.flatMap((answer) => (answer.data ? [answer.data] : [])),
    consultation: consultation?.data ?? null,
    related: items,
    thread,
    annotations: notes.flatMap((list) => list.annotations),
    now,
  });
}
