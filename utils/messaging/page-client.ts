import type { z } from '../zod';
import { extensionApi } from './extension-api';
import {
  Envelope,
  type ErrorCode,
  PAGE_RESPONSE_DATA,
  type PageResponseData,
  type Result,
} from './page-protocol';
import type { PageRequest, PageRequestType } from './page-requests';

export type Transport = (message: unknown) => Promise<unknown>;

const runtimeTransport: Transport = (message) => extensionApi().runtime.sendMessage(message);

/** Said instead of the browser's own text ("A listener indicated an asynchronous response…"). */
export const UNAVAILABLE =
  'Civic Thread did not answer: the browser may have just restarted it. Nothing was lost; try again.';

/**
 * The page's requests sent a second time when the first send throws (client.ts adds the view's).
 * A send that throws may still have been delivered (the worker was stopped after handling it,
 * and its reply was lost), so only those whose repeat changes nothing: reads, a visit (counted
 * once per `visitId`) and a tab's report (it replaces the last). A write (a question added, a
 * note deleted, a draft, a publish) is sent once; the caller is told it may not have arrived.
 */
export const PAGE_REPEATABLE: readonly PageRequestType[] = [
  'page/visited',
  // Written by the note's own id, and merged into the settings: a second write is the first.
  'annotations/save',
  'settings/set',
  'tab/context',
  'card/get',
  'card/summary',
  'annotations/list',
  'settings/get',
  'sharing/page-passages',
];
const PAGE_REPEATS: ReadonlySet<string> = new Set(PAGE_REPEATABLE);

/** Said when a write's send failed: it may or may not have arrived, so "nothing was lost" is not said. */
export const UNCONFIRMED =
  'Civic Thread did not confirm this change: the browser may have just restarted it. Check whether it was made before trying again.';

const failure = (code: ErrorCode, message: string) =>
  ({ ok: false, error: { code, message } }) as const;

/**
 * Sends one request to the background and checks the request against `requests` (null: the
 * background checks it, as for the content script's) and the answer against `answer`. Never
 * throws: failures come back typed.
 */
export async function exchange(
  requests: z.ZodMiniType | null,
  answer: z.ZodMiniType,
  request: unknown,
  transport: Transport = runtimeTransport,
  repeatable: ReadonlySet<string> = PAGE_REPEATS,
): Promise<Result<unknown>> {
  const outgoing = requests
    ? requests.safeParse(request)
    : { success: true as const, data: request };
  if (!outgoing.success) return failure('invalid-request', outgoing.error.issues[0]?.message ?? '');
  const repeats = repeatable.has((outgoing.data as { type: string }).type);
  let reply: unknown;
  try {
    reply = await transport(outgoing.data);
  } catch {
    // The browser stops an idle service worker and drops the replies it owed; the next message
    // starts a new one.
    if (!repeats) return failure('unavailable', UNCONFIRMED);
    try {
      reply = await transport(outgoing.data);
    } catch {
      return failure('unavailable', UNAVAILABLE);
    }
  }
  if (!Envelope.success.safeParse(reply).success) {
    const refused = Envelope.failure.safeParse(reply);
    return refused.success
      ? refused.data
      : failure('invalid-response', 'The extension answered in an unexpected form.');
  }
  const data = answer.safeParse((reply as { data?: unknown }).data);
  if (!data.success)
    return failure('invalid-response', 'The extension answered with unexpected data.');
  return { ok: true, data: data.data };
}

/**
 * `sendRequest` (client.ts) for the content script: only the page's requests and answers. What
 * it sends is typed here and checked by the background (createMessageHandler); what comes back
 * is checked here.
 */
export function sendPageRequest<T extends PageRequestType>(
  request: Extract<PageRequest, { type: T }>,
  transport?: Transport,
): Promise<Result<PageResponseData<T>>> {
  // Only the page's own requests: anything else is refused before it is sent.
  const answer = Object.hasOwn(PAGE_RESPONSE_DATA, request.type)
    ? PAGE_RESPONSE_DATA[request.type as T]
    : null;
  if (!answer) return Promise.resolve(failure('invalid-request', 'Not a request of the page.'));
  return exchange(null, answer, request, transport) as Promise<Result<PageResponseData<T>>>;
}

/** What the page's components send with: `sendPageRequest`, or in the view `sendRequest`. */
export type PageSend = typeof sendPageRequest;
