import { useEffect, useState } from 'preact/hooks';
import type { sendRequest } from '../../utils/messaging/client';
import type { PageContext } from '../../utils/pages/context';
import { plural } from '../../utils/plural';
import type { StoryEntry } from '../../utils/story/timeline';
import { formatDate, KIND_LABEL } from '../panel/format';
import { RetryButton } from '../panel/RetryButton';

type Load =
  | { status: 'loading' }
  | { status: 'ready'; entries: StoryEntry[] }
  | { status: 'failed'; message: string };

/** The story so far: one dated timeline across the three sites, the page shown marked. */
export function Story({
  context,
  tabId,
  send,
}: {
  context: PageContext;
  tabId: number;
  send: typeof sendRequest;
}) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void send({ type: 'story/get', context, tabId }).then((answer) => {
      if (!current) return;
      setLoad(
        answer.ok
          ? { status: 'ready', entries: answer.data.entries }
          : { status: 'failed', message: answer.error.message },
      );
    });
    return () => {
      current = false;
    };
    // `attempt` asks again.
  }, [context, tabId, send, attempt]);

  return (
    <section
      class="section story"
      aria-labelledby="ct-story-heading"
      aria-busy={load.status === 'loading'}
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
      {load.status === 'ready' && load.entries.length === 0 && (
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
