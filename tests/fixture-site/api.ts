// The sites' JSON APIs at their real paths, from files under tests/fixtures/api/<host>/,
// plus fault modes a test can switch on to see how the extension copes.
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type SearchAnswer,
  searchGovuk,
  searchHansardContributions,
  searchHansardDebates,
  searchPetitions,
} from './search';

export const API_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'api');

export const FAULT_MODES = [
  'slow',
  'server-error',
  'rate-limited',
  'timeout',
  'malformed-json',
  'wrong-shape',
  'huge',
  'offline',
  'redirect-elsewhere',
  'redirect-elsewhere-no-cors',
  'redirect-loop',
  'endless',
  'drip',
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface ApiControl {
  /** When set, every API request fails this way. */
  fault: FaultMode | null;
  /** Every API request answered, as "host/path?query", in order. */
  requests: string[];
  /** When set, changes a JSON answer before it is sent: the site's data moving on (a response published). */
  rewrite: ((path: string, body: unknown) => unknown) | null;
  /** For each answer with no end (`endless`, `drip`), the bytes written before the client let go. */
  unended: number[];
}

/** A host none of the sites is on: where a hijacked redirect would send the extension. */
export const ELSEWHERE_HOST = 'attacker.example';

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'access-control-allow-origin': '*',
};

/** True for the requests the real sites answer with JSON. */
export function isApiRequest(host: string, url: URL): boolean {
  return (
    host === 'hansard-api.parliament.uk' ||
    (host === 'www.gov.uk' && url.pathname.startsWith('/api/')) ||
    (host === 'petition.parliament.uk' && url.pathname.endsWith('.json'))
  );
}

function fixtureFile(host: string, pathname: string): string | null {
  const relative = pathname.endsWith('.json') ? pathname : `${pathname}.json`;
  const file = join(API_ROOT, host, ...relative.split('/').filter((part) => part && part !== '..'));
  return existsSync(file) ? file : null;
}

function sendJson(response: ServerResponse, status: number, body: string, headers = {}): void {
  response.writeHead(status, { ...JSON_HEADERS, ...headers });
  response.end(body);
}

/** The search endpoints, answered from the fixture files (see ./search.ts). */
function search(host: string, url: URL): SearchAnswer | null {
  if (host === 'petition.parliament.uk' && url.pathname === '/petitions.json') {
    return searchPetitions(API_ROOT, url, false);
  }
  if (host === 'petition.parliament.uk' && url.pathname === '/archived/petitions.json') {
    return searchPetitions(API_ROOT, url, true);
  }
  if (host === 'www.gov.uk' && url.pathname === '/api/search.json')
    return searchGovuk(API_ROOT, url);
  if (
    host === 'hansard-api.parliament.uk' &&
    url.pathname.toLowerCase() === '/search/debates.json'
  ) {
    return searchHansardDebates(API_ROOT, url);
  }
  if (
    host === 'hansard-api.parliament.uk' &&
    url.pathname.toLowerCase() === '/search/contributions/spoken.json'
  ) {
    return searchHansardContributions(API_ROOT, url);
  }
  return null;
}

/** Answers an API request (a fixture, a redirect, a 404 or a fault). */
export async function answerApi(
  control: ApiControl,
  host: string,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  control.requests.push(`${host}${url.pathname}${url.search}`);
  switch (control.fault) {
    case 'offline':
      request.socket.destroy();
      return;
    case 'timeout':
      return; // never answers; closing the server ends the connection
    case 'slow':
      // Answers normally, late enough for several tabs to ask at once.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      break;
    case 'server-error':
      return sendJson(response, 500, JSON.stringify({ error: 'Internal Server Error' }));
    case 'rate-limited':
      return sendJson(response, 429, JSON.stringify({ error: 'Too Many Requests' }), {
        'retry-after': '3600',
      });
    case 'malformed-json':
      return sendJson(response, 200, '{"links":{"self":"https://petition.parliament.uk/');
    case 'wrong-shape':
      return sendJson(
        response,
        200,
        JSON.stringify({ data: [{ attributes: { signature_count: 'many' } }] }),
      );
    case 'huge':
      return sendJson(response, 200, JSON.stringify({ padding: 'x'.repeat(3_000_000) }));
    case 'redirect-elsewhere':
    case 'redirect-elsewhere-no-cors':
      return sendJson(response, 301, '', {
        location: `https://${ELSEWHERE_HOST}/${host}${url.pathname}${url.search}`,
      });
    case 'redirect-loop':
      return sendJson(response, 302, '', { location: url.href });
    case 'endless':
      return unended(control, response, 'x'.repeat(65_536), 0);
    case 'drip':
      return unended(control, response, 'x', 200);
    case null:
      break;
  }
  const answer = fixtureAnswer(host, url);
  const body =
    control.rewrite && answer.status === 200
      ? JSON.stringify(control.rewrite(url.pathname, JSON.parse(answer.body)))
      : answer.body;
  sendJson(response, answer.status, body, answer.headers);
}

/**
 * A 200 whose JSON never ends: `chunk` after `chunk` (at once, as fast as the client reads,
 * or one every `everyMs`) until the client closes the connection.
 */
function unended(control: ApiControl, response: ServerResponse, chunk: string, everyMs: number) {
  response.writeHead(200, JSON_HEADERS);
  response.write('{"padding":"');
  let written = 0;
  let open = true;
  response.on('close', () => {
    open = false;
    control.unended.push(written);
  });
  const next = () => {
    if (!open) return;
    written += chunk.length;
    const flowing = response.write(chunk);
    if (everyMs > 0) setTimeout(next, everyMs);
    else if (flowing) setImmediate(next);
    else response.once('drain', next);
  };
  next();
}

/**
 * What the other host answers, for a path naming the site's host and path: the real site's
 * answer there, with a petition's facts forged (CORS-readable unless the mode says not).
 */
export function answerElsewhere(control: ApiControl, url: URL, response: ServerResponse): void {
  control.requests.push(`${ELSEWHERE_HOST}${url.pathname}${url.search}`);
  const [, host = '', ...path] = url.pathname.split('/');
  const real = fixtureAnswer(host, new URL(`https://${host}/${path.join('/')}${url.search}`));
  const headers =
    control.fault === 'redirect-elsewhere-no-cors'
      ? { 'content-type': JSON_HEADERS['content-type'] }
      : JSON_HEADERS;
  response.writeHead(real.status, headers);
  response.end(real.status === 200 ? JSON.stringify(forged(JSON.parse(real.body))) : real.body);
}

/** A petition as the other host would have it: far more signatures and a response never given. */
function forged(body: unknown): unknown {
  const document = body as { data?: { attributes?: Record<string, unknown> } };
  if (!document.data?.attributes) return body;
  Object.assign(document.data.attributes, {
    signature_count: 999_999,
    government_response: {
      responded_on: '2026-11-30',
      summary: 'The Government will fund every plan in full.',
      details: 'The Government will fund every plan in full.',
      created_at: '2026-11-30T10:00:00.000Z',
      updated_at: '2026-11-30T10:00:00.000Z',
    },
  });
  return document;
}

export interface FixtureAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** What the real site would answer for this API URL: a search, a fixture file, a redirect or a 404. */
export function fixtureAnswer(host: string, url: URL): FixtureAnswer {
  const searched = search(host, url);
  if (searched) return { status: searched.status, body: JSON.stringify(searched.body) };
  const file = fixtureFile(host, url.pathname);
  if (file) return { status: 200, body: readFileSync(file, 'utf8') };
  // petition.parliament.uk sends the live JSON path of an archived petition to its archived path.
  const live = /^\/petitions\/(\d+)\.json$/.exec(url.pathname);
  if (host === 'petition.parliament.uk' && live && fixtureFile(host, `/archived${url.pathname}`)) {
    return {
      status: 302,
      body: '',
      headers: { location: `https://petition.parliament.uk/archived/petitions/${live[1]}.json` },
    };
  }
  return { status: 404, body: JSON.stringify({ error: 'Not Found' }) };
}
