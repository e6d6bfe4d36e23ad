import type { LiveView } from '../../utils/live/live-view';
import { sendRequest } from '../../utils/messaging/client';
import type { Result } from '../../utils/messaging/protocol';
import type { PageContext } from '../../utils/pages/context';
import type { ExtractResult } from '../../utils/pages/registry';
import type { RelatedView } from '../../utils/related/related-item';
import type { Settings } from '../../utils/storage/records';

/** An answer asked for about `context`, the page as first read. */
type EarlyAnswer<T> = { context: PageContext; answer: Promise<Result<T>> } | null;

/** Requests sent before the card mounts, so their round trips overlap the UI's set-up. */
export interface EarlyAnswers {
  settings: Promise<Result<Settings>>;
  live: EarlyAnswer<LiveView>;
  related: EarlyAnswer<RelatedView>;
}

export function askEarly(result: ExtractResult, send = sendRequest): EarlyAnswers {
  const context = result.ok ? result.context : null;
  return {
    settings: send({ type: 'settings/get' }),
    live: context && {
      context,
      answer: send({ type: 'live/get', context, waitForFresh: false }),
    },
    related: context && {
      context,
      answer: send({ type: 'related/get', context, referrer: document.referrer || null }),
    },
  };
}
