import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import type { LiveAnswer } from '../../utils/live/live-fetcher';
import type { LiveView } from '../../utils/live/live-view';
import type { sendRequest } from '../../utils/messaging/client';
import type { Result } from '../../utils/messaging/protocol';
import type { PageContext } from '../../utils/pages/context';
import { HOSTS } from '../../utils/pages/hosts';
import { formatAsOf } from '../format';
import { MARKS } from '../marks';
import { RetryButton } from '../RetryButton';
import { describeError } from './describe-error';
import { LiveConsultationFacts, LiveDebatePetitions, LivePetitionFacts } from './LiveFacts';

type Load =
  | { status: 'loading' }
  | { status: 'ready'; view: LiveView; refreshing: boolean }
  | { status: 'failed'; message: string };

const SITE: Record<PageContext['kind'], string> = {
  petition: HOSTS.petitions,
  consultation: HOSTS.govuk,
  debate: HOSTS.hansard,
};

/** Live data from the page's site: shown from cache at once, refreshed behind. */
export function LiveSection({
  context,
  send,
  early,
}: {
  context: PageContext;
  send: typeof sendRequest;
  /** The first answer for this context, already on its way. */
  early?: Promise<Result<LiveView>>;
}) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  const fetchView = useCallback(
    async (waitForFresh: boolean, pending?: Promise<Result<LiveView>>) => {
      const answer = await (pending ?? send({ type: 'live/get', context, waitForFresh }));
      if (!answer.ok) {
        setLoad({ status: 'failed', message: answer.error.message });
        return null;
      }
      setLoad({ status: 'ready', view: answer.data, refreshing: false });
      if (performance.getEntriesByName(MARKS.liveShown).length === 0)
        performance.mark(MARKS.liveShown);
      return answer.data;
    },
    [context, send],
  );

  const refresh = useCallback(async () => {
    setLoad((current) =>
      current.status === 'ready' ? { ...current, refreshing: true } : { status: 'loading' },
    );
    await fetchView(true);
  }, [fetchView]);

  // A layout effect, not a plain one: Preact defers plain effects to the next animation
  // frame, which background tabs throttle, and the answer is usually already here.
  useLayoutEffect(() => {
    let cancelled = false;
    fetchView(false, early).then((view) => {
      // Cached data came back past its freshness: show it, then wait for the refresh under way.
      if (!cancelled && view && primaryAnswer(view).stale && !primaryAnswer(view).error) {
        setLoad({ status: 'ready', view, refreshing: true });
        void fetchView(true);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [fetchView, early]);

  const site = SITE[context.kind];
  return (
    <section
      class="section live"
      aria-labelledby="ct-live-heading"
      aria-busy={load.status === 'loading'}
    >
      <h3 id="ct-live-heading">Latest from {site}</h3>
      {load.status === 'loading' && (
        <div class="skeleton" role="status">
          <span class="visually-hidden">Loading the latest data from {site}…</span>
          <span class="skeleton-line" aria-hidden="true" />
          <span class="skeleton-line short" aria-hidden="true" />
        </div>
      )}
      {load.status === 'failed' && (
        <div class="notice notice-error" role="alert">
          <p>Civic Thread could not get live data: {load.message}</p>
          <RetryButton onRetry={refresh} />
        </div>
      )}
      {load.status === 'ready' && (
        <ViewBody
          view={load.view}
          site={site}
          refreshing={load.refreshing}
          onRetry={refresh}
          pageClosesOn={context.kind === 'petition' ? context.closesOn : null}
        />
      )}
    </section>
  );
}

function primaryAnswer(view: LiveView): LiveAnswer<unknown> {
  return view.kind === 'petition'
    ? view.petition
    : view.kind === 'consultation'
      ? view.consultation
      : view.debate;
}

function ViewBody({
  view,
  site,
  refreshing,
  onRetry,
  pageClosesOn,
}: {
  view: LiveView;
  site: string;
  refreshing: boolean;
  onRetry: () => void;
  pageClosesOn: string | null;
}) {
  const answer = primaryAnswer(view);
  return (
    <>
      {(answer.fetchedAt !== null || refreshing) && (
        <p class="as-of" role="status">
          {answer.fetchedAt !== null && <>As of {formatAsOf(answer.fetchedAt)}</>}
          {refreshing && ' · updating…'}
        </p>
      )}
      {answer.error && (
        <div class="notice notice-error" role="alert">
          <p>
            {describeError(answer.error, site)}
            {answer.data !== null && answer.fetchedAt !== null
              ? ` Showing what Civic Thread saved at ${formatAsOf(answer.fetchedAt)}.`
              : ''}
          </p>
          <RetryButton onRetry={onRetry} />
        </div>
      )}
      {view.kind === 'petition' && view.petition.data && (
        <LivePetitionFacts petition={view.petition.data} pageClosesOn={pageClosesOn} />
      )}
      {view.kind === 'consultation' && view.consultation.data && (
        <LiveConsultationFacts consultation={view.consultation.data} />
      )}
      {view.kind === 'debate' && <LiveDebatePetitions view={view} />}
    </>
  );
}
