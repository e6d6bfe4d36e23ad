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
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface ApiControl {
  /** When set, every API request fails this way. */
  fault: FaultMode | null;
  /** Every API request answered, as "host/path?query", in order. */
  requests: string[];
  /** When set, changes a JSON answer before it is sent: the site's data moving on (a response published). */
  rewrite: ((path: string, body: unknown) => unknown) | null;
}

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
