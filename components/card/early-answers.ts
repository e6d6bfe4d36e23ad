import { type Handed, readingOf } from '../../utils/inject/handed';
import { sendPageRequest } from '../../utils/messaging/page-client';
import type { Result } from '../../utils/messaging/page-protocol';
import type { PageContext } from '../../utils/pages/context';
import type { ExtractResult } from '../../utils/pages/registry';
import type { Settings } from '../../utils/storage/records';
import type { CardSummary } from '../../utils/story/card-summary';

/** The card's answers, asked before it mounts so their round trips overlap the UI's set-up. */
export interface EarlyAnswers {
  settings: Promise<Result<Settings>>;
  /** The card's summary of `context`, the page as first read. */
  summary: { context: PageContext; answer: Promise<Result<CardSummary>> } | null;
}

/**
 * The settings: handed over with the script (utils/inject/handed.ts), or asked before the page
 * is read, as they need no context.
 */
export const settingsFrom = (handed: Handed | null, send = sendPageRequest) =>
  handed
    ? Promise.resolve({ ok: true, data: handed.settings } as const)
    : send({ type: 'settings/get' });

/**
 * The card's questions about the page as read: its summary is the one handed over if that was
 * kept for the page read exactly so, and asked for otherwise.
 */
export function askEarly(
  result: ExtractResult,
  settings: EarlyAnswers['settings'],
  handed: Handed['card'] = null,
  send = sendPageRequest,
): EarlyAnswers {
  const context = result.ok ? result.context : null;
  const referrer = document.referrer || null;
  return {
    settings,
    summary: context && {
      context,
      answer:
        handed && handed.reading === readingOf(context, referrer)
          ? Promise.resolve({ ok: true, data: handed.summary } as const)
          : send({ type: 'card/summary', context, referrer }),
    },
  };
}

/** How long the card waits for its summary before drawing without it (a cold one may take seconds). */
export const SUMMARY_WAIT_MS = 30;

/**
 * Resolves once the card has what it draws with: the settings, and the summary or, while that
 * is still on the network, `SUMMARY_WAIT_MS` more (then it shows that it is finding it).
 */
export function cardAnswersIn(asked: EarlyAnswers): Promise<void> {
  return asked.settings.then(
    () =>
      new Promise<void>((resolve) => {
        if (!asked.summary) return resolve();
        setTimeout(resolve, SUMMARY_WAIT_MS);
        void asked.summary.answer.then(() => resolve());
      }),
  );
}
