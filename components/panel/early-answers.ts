import type { LiveView } from '../../utils/live/live-view';
import { sendRequest } from '../../utils/messaging/client';
import type { Result } from '../../utils/messaging/protocol';
import type { PageContext } from '../../utils/pages/context';
import type { ExtractResult } from '../../utils/pages/registry';
import type { Settings } from '../../utils/storage/records';

/** Requests sent before the panel mounts, so their round trips overlap the UI's set-up. */
export interface EarlyAnswers {
  settings: Promise<Result<Settings>>;
  /** Live data for `context`, the page as first read. */
  live: { context: PageContext; answer: Promise<Result<LiveView>> } | null;
}

export function askEarly(result: ExtractResult, send = sendRequest): EarlyAnswers {
  return {
    settings: send({ type: 'settings/get' }),
    live: result.ok
      ? {
          context: result.context,
          answer: send({ type: 'live/get', context: result.context, waitForFresh: false }),
        }
      : null,
  };
}
