// The fixture APIs without a server: a `fetch` for unit tests and the bench that
// answers exactly what the fixture site would, following its redirects.
import { fixtureAnswer } from './api';

export interface FixtureFetch {
  fetch: typeof fetch;
  /** Every URL asked for, in order. */
  requests: string[];
}

/** A response as the browser gives it: with the URL it came from (`new Response` has none). */
export function answeredFrom(
  url: string,
  body: BodyInit | null,
  init: ResponseInit = {},
): Response {
  const response = new Response(body, init);
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

export function createFixtureFetch(): FixtureFetch {
  const requests: string[] = [];
  const fetchFixture = async (input: RequestInfo | URL): Promise<Response> => {
    let url = new URL(input instanceof Request ? input.url : input.toString());
    for (let hops = 0; hops < 5; hops++) {
      requests.push(url.href);
      const answer = fixtureAnswer(url.hostname, url);
      const location = answer.headers?.location;
      if (answer.status !== 302 || !location) {
        return answeredFrom(url.href, answer.body || null, {
          status: answer.status,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        });
      }
      url = new URL(location);
    }
    throw new TypeError('Too many redirects');
  };
  return { fetch: fetchFixture as typeof fetch, requests };
}
