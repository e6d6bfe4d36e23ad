import type { LiveAnswer } from '../live/live-fetcher';
import type { PageContext } from '../pages/context';
import type { LiveRequest } from '../sources/request';
import type { CivicThreadDB } from '../storage/db';
import { storedInputs } from '../storage/story-inputs';
import { storyFor } from './story';
import type { StoryEntry } from './timeline';

type Get = <T>(request: LiveRequest<T>) => Promise<LiveAnswer<T>>;

interface Kept {
  entries: StoryEntry[];
  /** The cached answers it read, as fetched. */
  answers: { url: string; fetchedAt: number }[];
  /** The page's notes as stored before it was built. */
  notes: string;
  at: number;
}

/**
 * A page's first story (`storyFor` without related pages), kept in the worker's memory by
 * context: given again while the cache still holds the answers it read and the page's notes
 * are as they were (one read-only transaction, no answer's body parsed again), and for no
 * longer than `maxAgeMs` after the oldest of those answers was fetched (its dates are told
 * against the clock, its facts no older than their freshness). A story built from an answer
 * that was missing, stale (its refresh under way) or failed is not kept, nor one built across
 * a `clear` (all data deleted). Only a cache: a worker restart loses it.
 */
export function createFirstStories({
  db,
  get,
  maxAgeMs,
  now = Date.now,
  size = 20,
}: {
  db: Promise<CivicThreadDB>;
  get: Get;
  maxAgeMs: number;
  now?: () => number;
  size?: number;
}) {
  const kept = new Map<string, Kept>();
  let generation = 0;
  const firstStory = async (context: PageContext): Promise<StoryEntry[]> => {
    const key = JSON.stringify(context);
    const database = await db;
    const known = kept.get(key);
    if (known && now() - known.at < maxAgeMs) {
      const stored = await storedInputs(database, known.answers, context.key);
      if (stored.answersKept && stored.notes === known.notes && kept.get(key) === known) {
        return known.entries;
      }
    }
    kept.delete(key);
    const started = generation;
    // Read before the story's own reads: a note saved in between makes it be built again.
    const notesBefore = storedInputs(database, [], context.key).then(
      ({ notes }) => notes,
      () => null,
    );
    const answers: Kept['answers'] = [];
    let keepable = true;
    const tracked: Get = async (request) => {
      const answer = await get(request);
      if (answer.fetchedAt === null || answer.stale || answer.error) keepable = false;
      else answers.push({ url: request.url, fetchedAt: answer.fetchedAt });
      return answer;
    };
    const at = now();
    const entries = await storyFor(context, { get: tracked, db: database, related: null, now: at });
    const notes = await notesBefore;
    if (keepable && notes !== null && generation === started) {
      // Aged from its oldest answer, not from when it was put together.
      kept.set(key, {
        entries,
        answers,
        notes,
        at: Math.min(at, ...answers.map((answer) => answer.fetchedAt)),
      });
      // The oldest goes first: a Map keeps the order things were put in.
      for (const old of kept.keys()) if (kept.size > size) kept.delete(old);
    }
    return entries;
  };
  /** Forgets every story (all data deleted). */
  const clear = () => {
    generation++;
    kept.clear();
  };
  return Object.assign(firstStory, { clear });
}
