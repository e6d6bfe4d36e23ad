// The fixture site: one local HTTPS server that answers for the real hosts
// (Chromium reaches it through --host-resolver-rules). Pages are static files
// under tests/fixtures/site/<host>/<path>.html.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ApiControl, answerApi, answerElsewhere, ELSEWHERE_HOST, isApiRequest } from './api';
import {
  answerHypothesis,
  createHypothesisControl,
  HYPOTHESIS_HOST,
  type HypothesisControl,
} from './hypothesis';

const here = dirname(fileURLToPath(import.meta.url));
export const SITE_ROOT = join(here, '..', 'fixtures', 'site');
const CERT_DIR = join(here, '..', 'e2e', '.cert');

export const FIXTURE_HOSTS = [
  'petition.parliament.uk',
  'www.gov.uk',
  'hansard.parliament.uk',
  'hansard-api.parliament.uk',
];

/** A throwaway self-signed certificate; Chromium runs with --ignore-certificate-errors. */
function certificate() {
  const key = join(CERT_DIR, 'key.pem');
  const cert = join(CERT_DIR, 'cert.pem');
  if (!existsSync(cert)) {
    mkdirSync(CERT_DIR, { recursive: true });
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '30',
        '-subj',
        '/CN=civic-thread-fixtures',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** Finds a file case-insensitively, segment by segment (Hansard URLs vary in case). */
function resolveFile(root: string, segments: string[]): string | null {
  let dir = root;
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    const wanted = (last ? `${segment}.html` : segment).toLowerCase();
    if (!existsSync(dir)) return null;
    const found = readdirSync(dir).find((name) => name.toLowerCase() === wanted);
    if (!found) return null;
    dir = join(dir, found);
  }
  return dir;
}

export function pagePath(host: string, pathname: string): string | null {
  const segments = decodeURIComponent(pathname)
    .split('/')
    .filter((segment) => segment && segment !== '..' && segment !== '.');
  if (segments.length === 0) segments.push('index');
  return resolveFile(join(SITE_ROOT, host), segments);
}

/**
 * A page's HTTP status: e-petitions' error layout (`app/views/errors/layout.html.erb`) names
 * its status in a comment ("This file lives in public/404.html"); every other page is a 200.
 */
function statusOf(html: string): number {
  return Number(/<!-- This file lives in public\/(\d{3})\.html -->/.exec(html)?.[1] ?? 200);
}

export interface FixtureSite {
  port: number;
  api: ApiControl;
  /** The Hypothesis API's state: its users, groups and annotations, and faults to meet. */
  hypothesis: HypothesisControl;
  /** When set, rewrites every page's HTML before it is served (a page that changed since). */
  rewritePages: ((html: string, url: URL) => string) | null;
  hostResolverRules: string;
  close(): Promise<void>;
}

/**
 * Starts the server on a free loopback port. With `hypothesis`, the Hypothesis API keeps that
 * state (a browser relaunched on a kept profile meets the same group).
 */
export async function startFixtureSite(
  hypothesis: HypothesisControl = createHypothesisControl(),
): Promise<FixtureSite> {
  const api: ApiControl = { fault: null, requests: [], rewrite: null, unended: [] };
  const site: FixtureSite = {
    port: 0,
    api,
    hypothesis,
    rewritePages: null,
    hostResolverRules: '',
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer(certificate(), (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(request.url ?? '/', `https://${host}`);
    if (host === ELSEWHERE_HOST) return answerElsewhere(api, url, response);
    if (host === HYPOTHESIS_HOST)
      return answerHypothesisRequest(site.hypothesis, url, request, response);
    if (FIXTURE_HOSTS.includes(host) && isApiRequest(host, url)) {
      void answerApi(api, host, url, request, response);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = FIXTURE_HOSTS.includes(host) ? pagePath(host, url.pathname) : null;
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>Page not found</title><h1>Page not found</h1>');
      return;
    }
    const html = readFileSync(file, 'utf8');
    response.writeHead(statusOf(html), { 'content-type': 'text/html; charset=utf-8' });
    response.end(site.rewritePages ? site.rewritePages(html, url) : html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(site, {
    port,
    // The YouTube poster a debated petition's page shows must fail at once, not reach the internet.
    hostResolverRules: [
      ...[...FIXTURE_HOSTS, HYPOTHESIS_HOST, ELSEWHERE_HOST].map(
        (host) => `MAP ${host}:443 127.0.0.1:${port}`,
      ),
      'MAP i.ytimg.com ~NOTFOUND',
    ].join(', '),
  });
  return site;
}

/** Reads the request's body, then answers as the Hypothesis API (or drops the connection). */
function answerHypothesisRequest(
  control: HypothesisControl,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const answer = answerHypothesis(
      control,
      request.method ?? 'GET',
      url,
      request.headers.authorization,
      Buffer.concat(chunks).toString('utf8'),
    );
    if (answer.drop) {
      request.socket.destroy();
      return;
    }
    response.writeHead(answer.status, answer.headers).end(answer.body);
  });
}
