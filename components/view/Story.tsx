import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { sendRequest } from '../../utils/messaging/client';
import { ALL_PAGES, watchPageChanges } from '../../utils/messaging/page-channel';
import type { PageContext } from '../../utils/pages/context';
import { plural } from '../../utils/plural';
import type { StoryEntry } from '../../utils/story/timeline';
import { formatDate, KIND_LABEL } from '../format';
import { RetryButton } from '../RetryButton';
import { VIEW_MARKS } from './marks';

type Load =
  | { status: 'loading' }
  /** `complete` once the related items and the thread are in; `problem` if they could not be. */
  | { status: 'ready'; entries: StoryEntry[]; complete: boolean; problem: string | null }
  | { status: 'failed'; message: string };

/**
 * The story so far: one dated timeline across the three sites, the page shown marked. Drawn
 * first from the page's own records (quick: sent with the tab's report, or asked), then again
 * with the related pages and the thread.
 */
export function Story({
  context,
  first,
  tabId,
  send,
}: {
  context: PageContext;
  /** The first screen, if it came with the tab's report: then only the whole story is asked. */
  first?: StoryEntry[];
  tabId: number;
  send: typeof sendRequest;
}) {
  const [load, setLoad] = useState<Load>(() =>
    first
      ? { status: 'ready', entries: first, complete: false, problem: null }
      : { status: 'loading' },
  );
  const [attempt, setAttempt] = useState(0);
  const hasFirst = first !== undefined;
  // For `npm run bench` (view_from_cache_ms): the page's title and its story are on screen. The
  // first of the effects Preact runs after that frame is painted: the others do not delay it.
  const drawn = load.status === 'ready';
  useEffect(() => {
    if (drawn) performance.mark(VIEW_MARKS.drawn);
  }, [drawn]);
  // Without a first screen (or asked again), the quick one and the whole one at once, from a
  // layout effect (Preact defers plain effects to the next animation frame). With one, only the
  // whole story, from a plain effect: asking (a parse and a message) waits until the first
  // screen is on screen.
  const quick = !hasFirst || attempt > 0;
  useLayoutEffect(() => {
    if (!quick) return;
    let current = true;
    askStory(send, context, tabId, true, () => current, setLoad);
    return () => {
      current = false;
    };
    // `attempt` asks again.
  }, [context, tabId, send, attempt, quick]);
  useEffect(() => {
    if (quick) return;
    let current = true;
    askStory(send, context, tabId, false, () => current, setLoad);
    return () => {
      current = false;
    };
  }, [context, tabId, send, quick]);
  // A note saved or deleted on one of the story's pages (here, on the page, anywhere) shows on
  // its step at once. Only the whole story is asked again: the related steps never drop out.
  const shownKeys = useRef(new Set<string>());
  shownKeys.current = new Set([
    context.key,
    ...(load.status === 'ready' ? load.entries.map((entry) => entry.key) : []),
  ]);
  const [changes, setChanges] = useState(0);
  useEffect(
    () =>
      watchPageChanges(ALL_PAGES, (pageKey) => {
        // `*`: every page changed (all data deleted).
        if (pageKey === ALL_PAGES || shownKeys.current.has(pageKey)) setChanges((n) => n + 1);
      }),
    [],
  );
  useEffect(() => {
    if (changes === 0) return;
    let current = true;
    void send({ type: 'story/get', context, tabId, related: true }).then((full) => {
      if (current && full.ok) {
        setLoad({ status: 'ready', entries: full.data.entries, complete: true, problem: null });
      }
    });
    return () => {
      current = false;
    };
  }, [changes, context, tabId, send]);

  return (
    <section
      class="section story"
      aria-labelledby="ct-story-heading"
      aria-busy={load.status === 'loading' || (load.status === 'ready' && !load.complete)}
    >
      <h2 id="ct-story-heading">The story so far</h2>
      {load.status === 'loading' && (
        <p class="muted" role="status">
          Putting the story together…
        </p>
      )}
      {load.status === 'failed' && (
        <div class="notice" role="alert">
          <p>The story could not be put together: {load.message}</p>
          <RetryButton onRetry={() => setAttempt(attempt + 1)} />
        </div>
      )}
      {load.status === 'ready' && load.problem && (
        <div class="notice" role="alert">
          <p>The related pages could not be added to the story: {load.problem}</p>
          <RetryButton onRetry={() => setAttempt(attempt + 1)} />
        </div>
      )}
      {load.status === 'ready' && load.complete && load.entries.length === 0 && (
        <p class="muted">Nothing more is known about this yet.</p>
      )}
      {load.status === 'ready' && load.entries.length > 0 && (
        <ol class="plain-list story-list">
          {load.entries.map((entry) => (
            <StoryStep key={`${entry.key} ${entry.what} ${entry.date}`} entry={entry} />
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * Asks for the story: the whole one, and with `quick` the first screen too, at once (the worker
 * answers that from its own records before the ranking the whole one waits for, shared with
 * the related section's, is done). Answers come to `setLoad` while `wanted()`.
 */
function askStory(
  send: typeof sendRequest,
  context: PageContext,
  tabId: number,
  quick: boolean,
  wanted: () => boolean,
  setLoad: (update: (shown: Load) => Load) => void,
) {
  const ask = (related: boolean) => send({ type: 'story/get', context, tabId, related });
  if (quick) {
    void ask(false).then((answer) => {
      if (!wanted() || !answer.ok) return;
      setLoad((shown) =>
        shown.status === 'ready' && shown.complete
          ? shown
          : { status: 'ready', entries: answer.data.entries, complete: false, problem: null },
      );
    });
  }
  void ask(true).then((full) => {
    if (!wanted()) return;
    setLoad((shown) => {
      if (full.ok) {
        return { status: 'ready', entries: full.data.entries, complete: true, problem: null };
      }
      return shown.status === 'ready'
        ? { ...shown, complete: true, problem: full.error.message }
        : { status: 'failed', message: full.error.message };
    });
  });
}

function StoryStep({ entry }: { entry: StoryEntry }) {
  return (
    <li class={entry.current ? 'story-step current' : 'story-step'}>
      <p class="story-when">
        {entry.date ? <time dateTime={entry.date}>{formatDate(entry.date)}</time> : 'Undated'} ·{' '}
        {entry.what}
      </p>
      <p class="story-page">
        <a
          href={entry.url}
          target="_blank"
          rel="noopener noreferrer"
          aria-current={entry.current ? 'page' : undefined}
        >
          {entry.title ?? KIND_LABEL[entry.kind]}
        </a>
        {entry.current && <span class="muted"> (this page)</span>}
      </p>
      {entry.notes > 0 && (
        <p class="story-notes">Your notes: {plural(entry.notes, 'note', 'notes')}</p>
      )}
      {entry.bookmarks.map((bookmark) => (
        <figure key={bookmark.label} class="quote story-bookmark">
          <figcaption>Your bookmark: {bookmark.label}</figcaption>
          {bookmark.quote && <blockquote>{bookmark.quote}</blockquote>}
        </figure>
      ))}
    </li>
  );
}
