import { batchesOf, type JobOptions, yieldToPage } from '../../utils/library/chunked';
import type { Result } from '../../utils/messaging/protocol';

// The library page's writes of an import (or an undo), batch by batch through the protocol.

export interface BatchOutcome<R> {
  /** The answers of the batches that were written, in order. */
  answers: R[];
  /** Items in those batches. */
  sent: number;
  /** Why the next batch failed (nothing of it was written: each batch is one transaction). */
  error: string | null;
  cancelled: boolean;
}

/**
 * Sends `items` in batches, one after another, each answered before the next goes: a failure
 * or Cancel stops at a batch boundary, so the outcome says exactly which were written.
 */
export async function inBatches<T, R>(
  items: T[],
  sizeOf: (item: T) => number,
  send: (batch: T[]) => Promise<Result<R>>,
  { onProgress, signal }: JobOptions = {},
): Promise<BatchOutcome<R>> {
  const outcome: BatchOutcome<R> = { answers: [], sent: 0, error: null, cancelled: false };
  for (const batch of batchesOf(items, sizeOf)) {
    if (signal?.aborted) return { ...outcome, cancelled: true };
    const answer = await send(batch);
    if (!answer.ok) return { ...outcome, error: answer.error.message };
    outcome.answers.push(answer.data);
    outcome.sent += batch.length;
    onProgress?.({ done: outcome.sent, total: items.length });
    // The answer came in its own task; yield anyway, so rendering the progress is never starved.
    await yieldToPage();
  }
  return outcome;
}
