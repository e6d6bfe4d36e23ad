import { exchange, type Transport } from './page-client';
import {
  RESPONSE_DATA,
  Request,
  type RequestType,
  type ResponseData,
  type Result,
} from './protocol';

export { UNAVAILABLE, UNCONFIRMED } from './page-client';

/**
 * Sends one request to the background and checks both the request and the
 * answer against the protocol. Never throws: failures come back typed.
 */
export function sendRequest<T extends RequestType>(
  request: Extract<Request, { type: T }>,
  transport?: Transport,
): Promise<Result<ResponseData<T>>> {
  return exchange(Request, RESPONSE_DATA[request.type as T], request, transport) as Promise<
    Result<ResponseData<T>>
  >;
}
