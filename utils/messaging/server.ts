import { z } from '../zod';
import { Request, type RequestType, type ResponseData, type Result } from './protocol';

/** The parts of `runtime.MessageSender` the background trusts. */
export interface Sender {
  id?: string;
  /** The tab a content script runs in; absent for extension pages. */
  tab?: { id?: number; index?: number };
}

export type Handlers = {
  [T in RequestType]: (
    request: Extract<Request, { type: T }>,
    sender: Sender,
  ) => Promise<ResponseData<T>>;
};

/**
 * Builds the background's message listener. Requests from anything but this
 * extension, or that fail the schema, are refused with a typed error; a
 * handler that throws becomes a `storage` error rather than a dropped reply.
 * Nothing is awaited before the handler runs: `sidePanel.open` works only
 * within the user's gesture, which the first `await` would end.
 */
export function createMessageHandler(extensionId: string, handlers: Handlers) {
  return async (message: unknown, sender: Sender): Promise<Result<unknown>> => {
    if (sender.id !== extensionId) {
      return { ok: false, error: { code: 'invalid-request', message: 'Unknown sender.' } };
    }
    const parsed = Request.safeParse(message);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid-request',
          message: parsed.error.issues[0]?.message ?? 'Invalid request.',
        },
      };
    }
    const handler = handlers[parsed.data.type] as (
      request: Request,
      sender: Sender,
    ) => Promise<unknown>;
    try {
      return { ok: true, data: await handler(parsed.data, sender) };
    } catch (error) {
      return { ok: false, error: { code: 'storage', message: explain(error) } };
    }
  };
}

/** A failed request, in words a reader can act on. */
function explain(error: unknown): string {
  if (error instanceof Error && error.name === 'QuotaExceededError') {
    return 'Your browser has no room left to save this. Free some disk space, then try again.';
  }
  // zod/mini throws a plain `$ZodError` (named "$ZodError", not "ZodError").
  if (error instanceof z.core.$ZodError) return 'The data was not valid, so nothing was saved.';
  // The browser's own wording ("UnknownError", "TransactionInactiveError: …") helps no reader;
  // a failed transaction has changed nothing.
  return 'Your browser could not complete this, so nothing was changed. Try again.';
}
