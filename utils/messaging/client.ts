import { extensionApi } from './extension-api';
import {
  Envelope,
  type ErrorCode,
  RESPONSE_DATA,
  Request,
  type RequestType,
  type ResponseData,
  type Result,
} from './protocol';

type Transport = (message: unknown) => Promise<unknown>;

const runtimeTransport: Transport = (message) => extensionApi().runtime.sendMessage(message);

/** Said instead of the browser's own text ("A listener indicated an asynchronous response…"). */
export const UNAVAILABLE =
  'Civic Thread did not answer: the browser may have just restarted it. Nothing was lost; try again.';

const failure = (code: ErrorCode, message: string) =>
  ({ ok: false, error: { code, message } }) as const;

/**
 * Sends one request to the background and checks both the request and the
 * answer against the protocol. Never throws: failures come back typed.
 */
export async function sendRequest<T extends RequestType>(
  request: Extract<Request, { type: T }>,
  transport: Transport = runtimeTransport,
): Promise<Result<ResponseData<T>>> {
  const outgoing = Request.safeParse(request);
  if (!outgoing.success) return failure('invalid-request', outgoing.error.issues[0]?.message ?? '');
  let answer: unknown;
  try {
    answer = await transport(outgoing.data);
  } catch {
    // The browser stops an idle service worker and drops the replies it owed; the next message
    // starts a new one. Every request is safe to repeat (saves by id, imports skip duplicates).
    try {
      answer = await transport(outgoing.data);
    } catch {
      return failure('unavailable', UNAVAILABLE);
    }
  }
  const envelope = Envelope.safeParse(answer);
  if (!envelope.success)
    return failure('invalid-response', 'The extension answered in an unexpected form.');
  if (!envelope.data.ok) return envelope.data;
  const data = RESPONSE_DATA[request.type as T].safeParse(envelope.data.data);
  if (!data.success)
    return failure('invalid-response', 'The extension answered with unexpected data.');
  return { ok: true, data: data.data as ResponseData<T> };
}
