import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  cardAnswersIn,
  type EarlyAnswers,
  SUMMARY_WAIT_MS,
} from '../../components/card/early-answers';
import type { Result } from '../../utils/messaging/page-protocol';
import type { PageContext } from '../../utils/pages/context';
import type { Settings } from '../../utils/storage/records';
import type { CardSummary } from '../../utils/story/card-summary';

/** A promise the test settles when it chooses, as a reply from the worker arrives. */
function later<T>() {
  let settle: (value: T) => void = () => {};
  const promise = new Promise<T>((resolve) => {
    settle = resolve;
  });
  return { promise, settle };
}

/** Whether `promise` has settled, after everything already due has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

const failed = { ok: false, error: { code: 'unavailable', message: 'gone' } } as const;

function asked(withSummary = true) {
  const settings = later<Result<Settings>>();
  const summary = later<Result<CardSummary>>();
  const early: EarlyAnswers = {
    settings: settings.promise,
    summary: withSummary
      ? { context: { key: 'petition:1' } as PageContext, answer: summary.promise }
      : null,
  };
  return { early, settings, summary };
}

afterEach(() => vi.useRealTimers());

describe('the card waits for its answers', () => {
  it('until both the settings and the summary are in', async () => {
    vi.useFakeTimers();
    const { early, settings, summary } = asked();
    const ready = cardAnswersIn(early);
    summary.settle(failed);
    expect(await settled(ready)).toBe(false);
    settings.settle(failed);
    expect(await settled(ready)).toBe(true);
  });

  it('for the summary only a moment after the settings, while it is on the network', async () => {
    vi.useFakeTimers();
    const { early, settings } = asked();
    const ready = cardAnswersIn(early);
    settings.settle(failed);
    expect(await settled(ready)).toBe(false);
    await vi.advanceTimersByTimeAsync(SUMMARY_WAIT_MS - 1);
    expect(await settled(ready)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(ready)).toBe(true);
  });

  it('for the settings alone on a page it could not read (no summary to ask for)', async () => {
    vi.useFakeTimers();
    const { early, settings } = asked(false);
    const ready = cardAnswersIn(early);
    expect(await settled(ready)).toBe(false);
    settings.settle(failed);
    expect(await settled(ready)).toBe(true);
  });
});
