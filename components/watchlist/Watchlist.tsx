import { useEffect, useState } from 'preact/hooks';
import { sendRequest } from '../../utils/messaging/client';
import type { ResponseData } from '../../utils/messaging/protocol';
import type { Follow } from '../../utils/storage/records';
import { formatAsOf, KIND_LABEL } from '../format';
import { RetryButton } from '../RetryButton';
import { UnreadableNotice } from '../settings/UnreadableNotice';
import { MilestoneEditor } from './MilestoneEditor';

type Items = ResponseData<'watch/list'>['items'];
type Load =
  | { status: 'loading' }
  | { status: 'ready'; items: Items; skipped: number }
  | { status: 'failed'; message: string };

function checkStatus(follow: Follow): string {
  if (follow.failures > 0) {
    return `The site did not answer the last ${follow.failures === 1 ? 'check' : `${follow.failures} checks`}; Civic Thread will try again later.`;
  }
  return follow.lastCheckedAt === null
    ? 'Not checked yet.'
    : `Last checked ${formatAsOf(follow.lastCheckedAt)}.`;
}

/**
 * The petitions and consultations the user follows, each with a timeline of
 * what changed. Opening it marks the changes seen (the toolbar badge clears);
 * the ones new on this visit stay marked "New" until the page is left.
 */
export function Watchlist() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  const fetchList = () =>
    sendRequest({ type: 'watch/list' }).then(async (answer) => {
      if (!answer.ok) return setLoad({ status: 'failed', message: answer.error.message });
      setLoad({ status: 'ready', ...answer.data });
      await sendRequest({ type: 'watch/seen' });
    });
  useEffect(() => {
    void fetchList();
  }, []);

  const replace = (saved: Follow) =>
    setLoad((current) =>
      current.status === 'ready'
        ? {
            ...current,
            items: current.items.map((item) =>
              item.follow.pageKey === saved.pageKey ? { ...item, follow: saved } : item,
            ),
          }
        : current,
    );

  const stopFollowing = async (pageKey: string) => {
    const answer = await sendRequest({ type: 'watch/unfollow', pageKey });
    if (!answer.ok) return setLoad({ status: 'failed', message: answer.error.message });
    setLoad((current) =>
      current.status === 'ready'
        ? { ...current, items: current.items.filter((item) => item.follow.pageKey !== pageKey) }
        : current,
    );
  };

  return (
    <section aria-labelledby="watchlist-heading" aria-busy={load.status === 'loading'}>
      <h2 id="watchlist-heading">Watchlist</h2>
      {load.status === 'loading' && <p role="status">Loading your watchlist…</p>}
      {load.status === 'failed' && (
        <div role="alert">
          <p>Your watchlist could not be loaded: {load.message}</p>
          <RetryButton
            onRetry={() => {
              setLoad({ status: 'loading' });
              void fetchList();
            }}
          />
        </div>
      )}
      {load.status === 'ready' && load.skipped > 0 && (
        <UnreadableNotice count={load.skipped} what="followed item" />
      )}
      {load.status === 'ready' && load.items.length === 0 && (
        <p>
          You follow no petitions or consultations yet. Open one and choose <strong>Follow</strong>{' '}
          in the Civic Thread panel.
        </p>
      )}
      {load.status === 'ready' && load.items.length > 0 && (
        <ul class="watchlist">
          {load.items.map(({ follow, events }) => (
            <li key={follow.pageKey} class="watch-item">
              <h3>
                <span class="visually-hidden">{KIND_LABEL[follow.kind]}: </span>
                <a href={follow.url}>{follow.title ?? follow.url}</a>
              </h3>
              <p class="watch-meta">
                {KIND_LABEL[follow.kind]} · {checkStatus(follow)}
              </p>
              {follow.kind === 'petition' && (
                <MilestoneEditor follow={follow} onSaved={(saved) => replace(saved)} />
              )}
              {events.length === 0 ? (
                <p class="muted">No changes since you followed it.</p>
              ) : (
                <ol class="timeline" aria-label={`Changes to ${follow.title ?? 'this page'}`}>
                  {events.map((event) => (
                    <li key={event.id}>
                      <time dateTime={new Date(event.at).toISOString()}>
                        {formatAsOf(event.at)}
                      </time>{' '}
                      {!event.seen && <strong class="new">New: </strong>}
                      {event.link ? <a href={event.link}>{event.text}</a> : event.text}
                    </li>
                  ))}
                </ol>
              )}
              <button type="button" class="secondary" onClick={() => stopFollowing(follow.pageKey)}>
                Stop following<span class="visually-hidden"> {follow.title}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
