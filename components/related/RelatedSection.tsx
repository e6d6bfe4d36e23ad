import { useCallback, useEffect, useState } from 'preact/hooks';
import type { sendRequest } from '../../utils/messaging/client';
import type { PageContext, PageKind } from '../../utils/pages/context';
import { plural } from '../../utils/plural';
import { factsOf } from '../../utils/related/facts';
import type { RelatedView } from '../../utils/related/related-item';
import type { ThreadItem } from '../../utils/storage/thread-store';
import { KIND_LABEL } from '../format';
import { RetryButton } from '../RetryButton';

type Load =
  | { status: 'loading' }
  | { status: 'ready'; view: RelatedView }
  | { status: 'failed'; message: string };

/** "Hansard, GOV.UK and Petitions" */
const LIST = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/** Each group's heading, by the kind of page the panel is on. */
const HEADINGS: Record<PageKind, Record<PageKind, string>> = {
  petition: {
    debate: 'Related debates',
    consultation: 'Related consultations',
    petition: 'Similar petitions',
  },
  consultation: {
    petition: 'Related petitions',
    debate: 'Related debates',
    consultation: 'Related consultations',
  },
  debate: {
    petition: 'Petitions debated, mentioned or similar',
    consultation: 'Related consultations',
    debate: 'Other debates on this subject',
  },
};

/**
 * The rest of the story: related debates, consultations and petitions, each
 * with why it is there, and the user's own thread of pages around this one.
 */
export function RelatedSection({
  context,
  send,
  tabId,
}: {
  context: PageContext;
  send: typeof sendRequest;
  /** In the view: the tab it shows, whose trail says where the user came from. */
  tabId?: number;
}) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const fetchRelated = useCallback(async () => {
    setLoad({ status: 'loading' });
    const referrer = document.referrer || null;
    const answer = await send({ type: 'related/get', context, referrer, tabId });
    setLoad(
      answer.ok
        ? { status: 'ready', view: answer.data }
        : { status: 'failed', message: answer.error.message },
    );
  }, [context, send, tabId]);
  useEffect(() => {
    void fetchRelated();
  }, [fetchRelated]);

  return (
    <>
      <section
        class="section related"
        aria-labelledby="ct-related-heading"
        aria-busy={load.status === 'loading'}
      >
        <h3 id="ct-related-heading">The rest of the story</h3>
        {load.status === 'loading' && (
          <div class="skeleton" role="status">
            <span class="visually-hidden">
              Finding related debates, consultations and petitions…
            </span>
            <span class="skeleton-line" aria-hidden="true" />
            <span class="skeleton-line short" aria-hidden="true" />
          </div>
        )}
        {load.status === 'failed' && (
          <div class="notice notice-error" role="alert">
            <p>Civic Thread could not look for related pages: {load.message}</p>
            <RetryButton onRetry={fetchRelated} />
          </div>
        )}
        {load.status === 'ready' && (
          <Groups view={load.view} kind={context.kind} onRetry={fetchRelated} />
        )}
      </section>
      {load.status === 'ready' && (load.view.thread.length > 0 || load.view.threadSkipped > 0) && (
        <YourThread items={load.view.thread} skipped={load.view.threadSkipped} />
      )}
    </>
  );
}

function Groups({
  view,
  kind,
  onRetry,
}: {
  view: RelatedView;
  kind: PageKind;
  onRetry: () => void;
}) {
  const shown = view.groups.filter((group) => group.items.length > 0);
  return (
    <>
      {view.failed.length > 0 && (
        <div class="notice" role="status">
          <p>
            {LIST.format(view.failed)} could not be searched just now
            {shown.length > 0 ? '; showing what Civic Thread found without them.' : '.'}
          </p>
          <RetryButton onRetry={onRetry} />
        </div>
      )}
      {shown.length === 0 && view.failed.length === 0 && (
        <p class="muted">No related debates, consultations or petitions found yet.</p>
      )}
      {shown.map((group) => (
        <div class="related-group" key={group.kind}>
          <h4 id={`ct-related-${group.kind}`}>{HEADINGS[kind][group.kind]}</h4>
          <ul class="plain-list related-list" aria-labelledby={`ct-related-${group.kind}`}>
            {group.items.map((item) => (
              <li key={item.key} class="related-item">
                <a href={item.url}>{item.title}</a>
                <span class="meta">{factsOf(item).join(' · ')}</span>
                <span class="why">
                  <span class="visually-hidden">Why: </span>
                  {item.reasons.join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function YourThread({ items, skipped }: { items: ThreadItem[]; skipped: number }) {
  return (
    <section class="section thread" aria-labelledby="ct-thread-heading">
      <h3 id="ct-thread-heading">Your thread</h3>
      {skipped > 0 && (
        <p class="muted">
          {plural(skipped, 'page', 'pages')} you read could not be read back and{' '}
          {skipped === 1 ? 'is' : 'are'} left out. Civic Thread's settings (Your data) can remove{' '}
          {skipped === 1 ? 'it' : 'them'}.
        </p>
      )}
      {items.length > 0 && (
        <ul class="plain-list related-list">
          {items.map((item) => (
            <li key={item.key} class="related-item">
              <span class={`badge badge-${item.kind}`}>{KIND_LABEL[item.kind]}</span>{' '}
              <a href={item.url}>{item.title ?? item.url}</a>
              <span class="why">{item.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
