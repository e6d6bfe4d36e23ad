import { exchange, PAGE_REPEATABLE, type Transport } from './page-client';
import {
  RESPONSE_DATA,
  Request,
  type RequestType,
  type ResponseData,
  type Result,
} from './protocol';

export { UNAVAILABLE, UNCONFIRMED } from './page-client';

/** The requests sent a second time when the first send throws: the page's, and the view's reads. */
const REPEATABLE: ReadonlySet<string> = new Set<RequestType>([
  ...PAGE_REPEATABLE,
  'live/get',
  'related/get',
  'story/get',
  'library/list',
  'data/stats',
  'watch/get',
  'watch/list',
  'responses/get',
  'responses/list',
  'responses/documents',
  'sharing/status',
  'sharing/group-notes',
]);

/**
 * Sends one request to the background and checks both the request and the
 * answer against the protocol. Never throws: failures come back typed.
 */
export function sendRequest<T extends RequestType>(
  request: Extract<Request, { type: T }>,
  transport?: Transport,
): Promise<Result<ResponseData<T>>> {
  return exchange(
    Request,
    RESPONSE_DATA[request.type as T],
    request,
    transport,
    REPEATABLE,
  ) as Promise<Result<ResponseData<T>>>;
}
