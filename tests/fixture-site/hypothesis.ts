// The part of Hypothesis's API the extension uses, answering for api.hypothes.is the way
// hypothesis/h does (tests/fixtures/API.md names the reference file and commit for each rule).
// Kept in memory per fixture site: a test sees what was posted, edited and deleted.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answeredFrom } from './fixture-fetch';

export const HYPOTHESIS_HOST = 'api.hypothes.is';

const SEED = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'hypothesis',
  'seed.json',
);

interface User {
  token: string;
  userid: string;
  display_name: string;
}
interface Group {
  id: string;
  name: string;
  type: 'private' | 'open' | 'restricted';
  members: string[];
  /** Enforced scope: the URL prefixes annotations in it may target (h `url_in_scope`). */
  scopes?: string[];
}
type Json = Record<string, unknown>;
interface Stored extends Json {
  id: string;
  created: string;
  updated: string;
  user: string;
  uri: string;
  group: string;
  shared: boolean;
}

/** What the next requests meet instead of an answer, one step a request, in order. */
export type HypothesisFault =
  | { kind: 'rate-limited'; retryAfter: string }
  | { kind: 'server-error' }
  /** The write is done, and the connection dropped before its answer: the answer is lost. */
  | { kind: 'lose-answer' }
  | { kind: 'offline' };

export interface HypothesisControl {
  users: User[];
  groups: Group[];
  annotations: Stored[];
  faults: HypothesisFault[];
  /** Every request, as "METHOD /path?query", in order. */
  requests: string[];
  /** Every `Authorization` header seen, to check the token goes nowhere else. */
  authorizations: string[];
  /** The clock the server dates annotations by. */
  now: () => number;
}

export function createHypothesisControl(now: () => number = Date.now): HypothesisControl {
  const seed = JSON.parse(readFileSync(SEED, 'utf8')) as {
    users: User[];
    groups: Group[];
    annotations: Stored[];
  };
  return {
    users: seed.users,
    groups: seed.groups,
    annotations: seed.annotations.map((a) => ({ ...a, shared: true })),
    faults: [],
    requests: [],
    authorizations: [],
    now,
  };
}

/** Revokes a token, as regenerating it on hypothes.is's developer page does. */
export function revokeToken(control: HypothesisControl, token: string): void {
  control.users = control.users.filter((u) => u.token !== token);
}

/** The user leaves a group. */
export function leaveGroup(control: HypothesisControl, groupId: string, userid: string): void {
  for (const group of control.groups) {
    if (group.id === groupId) group.members = group.members.filter((m) => m !== userid);
  }
}

export interface HypothesisAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Drop the connection instead of answering (after any write was done). */
  drop?: boolean;
}

const NOT_FOUND =
  "Either the resource you requested doesn't exist, or you are not currently authorized to see it.";
const SERVER_ERROR =
  'Hypothesis had a problem while handling this request. Our team has been notified. Please contact support@hypothes.is if the problem persists.';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: {
    'content-type': 'application/json',
    'hypothesis-media-type': 'application/vnd.hypothesis.v1+json',
    ...headers,
  },
  body: JSON.stringify(body),
});
const failure = (status: number, reason: string) => json(status, { status: 'failure', reason });
/** h's `ValidationError`: a 400 whose reason is "path: message", joined by ", ". */
const invalid = (reason: string) => failure(400, reason);

const groupJson = (g: Group) => ({
  id: g.id,
  groupid: null,
  name: g.name,
  links: {
    html: `https://hypothes.is/groups/${g.id}/${g.name.toLowerCase().replace(/\W+/g, '-')}`,
  },
  organization: '__default__',
  public: g.type !== 'private',
  scoped: Boolean(g.scopes?.length),
  type: g.type,
  pre_moderated: false,
});

/** Hypothesis's public group, which every account has. */
const WORLD: Group = { id: '__world__', name: 'Public', type: 'open', members: [] };

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');

let counter = 0;
/** A 22-character URL-safe id, the shape h's annotation ids have. */
function newId(): string {
  counter++;
  return `Fx${String(counter).padStart(6, '0')}${Math.random().toString(36).slice(2, 16).padEnd(14, '0')}`;
}

/** Answers one request to api.hypothes.is. */
export function answerHypothesis(
  control: HypothesisControl,
  method: string,
  url: URL,
  authorization: string | undefined,
  bodyText: string,
): HypothesisAnswer {
  control.requests.push(`${method} ${url.pathname}${url.search}`);
  if (authorization !== undefined) control.authorizations.push(authorization);
  const fault = control.faults.shift();
  if (fault?.kind === 'offline') return { status: 0, headers: {}, body: '', drop: true };
  // h has no limit of its own: the proxy in front of it answers a 429 with Retry-After.
  if (fault?.kind === 'rate-limited')
    return { ...failure(429, 'Too many requests'), headers: { 'retry-after': fault.retryAfter } };
  if (fault?.kind === 'server-error') return failure(500, SERVER_ERROR);
  // h's BearerTokenPolicy: an unknown or revoked token is no identity at all, not an error.
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  const user = control.users.find((u) => u.token === token) ?? null;
  const answer = route(control, method, url, user, bodyText);
  return fault?.kind === 'lose-answer' ? { ...answer, drop: true } : answer;
}

function route(
  control: HypothesisControl,
  method: string,
  url: URL,
  user: User | null,
  bodyText: string,
): HypothesisAnswer {
  const path = url.pathname.replace(/\/$/, '');
  const memberOf = (g: Group) => user !== null && g.members.includes(user.userid);
  if (method === 'GET' && path === '/api/profile') {
    // Unauthenticated is allowed: `userid` null, the public group only (h/session.py `profile`).
    return json(200, {
      userid: user?.userid ?? null,
      authority: 'hypothes.is',
      groups: [WORLD, ...control.groups.filter(memberOf)].map((g) => ({
        id: g.id,
        name: g.name,
        public: g.type !== 'private',
      })),
      features: {},
      preferences: {},
      ...(user ? { user_info: { display_name: user.display_name } } : {}),
    });
  }
  if (method === 'GET' && path === '/api/profile/groups') {
    return json(200, [WORLD, ...control.groups.filter(memberOf)].map(groupJson));
  }
  if (method === 'GET' && path === '/api/groups') {
    return json(200, [WORLD, ...control.groups.filter(memberOf)].map(groupJson));
  }
  if (method === 'GET' && path === '/api/search') return search(control, url, user);
  if (method === 'POST' && path === '/api/annotations') {
    // Creating needs an identity: a 403, which v1 turns into its standard 404 (errors.py).
    if (!user) return failure(404, NOT_FOUND);
    return create(control, user, bodyText);
  }
  const one = /^\/api\/annotations\/([^/]+)$/.exec(path);
  if (one) {
    const stored = control.annotations.find((a) => a.id === one[1]);
    // Update and delete are the author's own (h/security/permission_map.py); others see a 404.
    if (!stored || !user || stored.user !== user.userid) return failure(404, NOT_FOUND);
    if (method === 'PATCH' || method === 'PUT') return update(control, stored, user, bodyText);
    if (method === 'DELETE') {
      control.annotations = control.annotations.filter((a) => a !== stored);
      return json(200, { id: stored.id, deleted: true });
    }
    if (method === 'GET') return json(200, present(control, stored));
  }
  return failure(404, NOT_FOUND);
}

function payload(bodyText: string): Json | HypothesisAnswer {
  try {
    const value = JSON.parse(bodyText) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
  } catch {}
  return failure(400, 'Expected a valid JSON payload, but none was found!');
}

/** The reasons h's `AnnotationSchema` (JSON Schema) gives, for the fields we send. */
function schemaErrors(body: Json): string[] {
  const errors: string[] = [];
  const isStrings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if ('tags' in body) {
    if (!isStrings(body.tags))
      errors.push(`tags: ${JSON.stringify(body.tags)} is not of type 'array'`);
    else
      (body.tags as string[]).forEach((tag, i) => {
        if (tag.length > 1000) errors.push(`tags.${i}: '${tag}' is too long`);
      });
  }
  if ('text' in body && typeof body.text !== 'string')
    errors.push(`text: ${JSON.stringify(body.text)} is not of type 'string'`);
  if ('permissions' in body) {
    const p = body.permissions as Json | null;
    if (typeof p !== 'object' || p === null || !('read' in p))
      errors.push("permissions: 'read' is a required property");
    else if (!isStrings(p.read) || !(p.read as string[]).every((r) => /^(acct:|group:).+$/.test(r)))
      errors.push(
        `permissions.read: ${JSON.stringify(p.read)} does not match '^(acct:|group:).+$'`,
      );
  }
  if ('target' in body) {
    const targets = body.target;
    if (!Array.isArray(targets))
      errors.push(`target: ${JSON.stringify(targets)} is not of type 'array'`);
    else
      targets.forEach((t: Json, i) => {
        const selectors = (t?.selector ?? []) as Json[];
        selectors.forEach((s, j) => {
          if (typeof s?.type !== 'string')
            errors.push(`target.${i}.selector.${j}: 'type' is a required property`);
        });
      });
  }
  return errors;
}

function create(control: HypothesisControl, user: User, bodyText: string): HypothesisAnswer {
  const body = payload(bodyText);
  if ('status' in body && typeof body.status === 'number') return body as HypothesisAnswer;
  const data = body as Json;
  const errors = schemaErrors(data);
  if (errors.length) return invalid(errors.join(', '));
  const uri = typeof data.uri === 'string' ? data.uri.trim() : '';
  if (!uri) return invalid("uri: 'uri' is a required property");
  const groupId = typeof data.group === 'string' ? data.group : '__world__';
  const group = groupId === '__world__' ? WORLD : control.groups.find((g) => g.id === groupId);
  if (!group) return invalid(`group: Invalid group id ${groupId}`);
  if (group !== WORLD && !group.members.includes(user.userid))
    return invalid('group: You may not create annotations in the specified group!');
  if (group.scopes && !group.scopes.some((scope) => uri.startsWith(scope)))
    return invalid('group scope: Annotations for this target URI are not allowed in this group');
  const at = iso(control.now());
  const permissions = data.permissions as { read: string[] } | undefined;
  const stored: Stored = {
    // Fields h does not know are kept and sent back (`extra`), as h does.
    ...strip(data),
    id: newId(),
    created: at,
    updated: at,
    user: user.userid,
    uri,
    text: typeof data.text === 'string' ? data.text : '',
    tags: (data.tags as string[] | undefined) ?? [],
    group: groupId,
    target: firstTarget(data.target, uri),
    document: { title: titleOf(data.document) },
    shared: permissions?.read.length === 1 && permissions.read[0] === `group:${groupId}`,
  };
  control.annotations.push(stored);
  return json(200, present(control, stored));
}

function update(
  control: HypothesisControl,
  stored: Stored,
  _user: User,
  bodyText: string,
): HypothesisAnswer {
  const body = payload(bodyText);
  if ('status' in body && typeof body.status === 'number') return body as HypothesisAnswer;
  const data = body as Json;
  const errors = schemaErrors(data);
  if (errors.length) return invalid(errors.join(', '));
  if ('uri' in data && !(typeof data.uri === 'string' && data.uri.trim()))
    return invalid("uri: 'uri' is a required property");
  // group, user and references cannot change (UpdateAnnotationSchema).
  if ('text' in data) stored.text = data.text;
  if ('tags' in data) stored.tags = data.tags;
  if ('uri' in data) stored.uri = String(data.uri).trim();
  if ('target' in data) stored.target = firstTarget(data.target, stored.uri);
  if ('document' in data) stored.document = { title: titleOf(data.document) };
  if ('permissions' in data) {
    const read = (data.permissions as { read: string[] }).read;
    stored.shared = read.length === 1 && read[0] === `group:${stored.group}`;
  }
  stored.updated = iso(control.now());
  return json(200, present(control, stored));
}

const PROTECTED = [
  'created',
  'updated',
  'user',
  'id',
  'links',
  'flagged',
  'hidden',
  'moderation',
  'user_info',
];
function strip(data: Json): Json {
  const rest = { ...data };
  for (const key of [...PROTECTED, 'permissions', 'references']) delete rest[key];
  return rest;
}

/** h keeps the first target's selectors only, with the annotation's uri as its source. */
function firstTarget(target: unknown, uri: string) {
  const first = Array.isArray(target) ? (target[0] as Json | undefined) : undefined;
  return [{ source: uri, ...(first?.selector ? { selector: first.selector } : {}) }];
}

function titleOf(document: unknown): string[] {
  const title = (document as { title?: unknown } | undefined)?.title;
  return Array.isArray(title) ? title.filter((t): t is string => typeof t === 'string') : [];
}

/** An annotation as h's AnnotationJSONService presents it. */
function present(control: HypothesisControl, a: Stored) {
  const { shared, ...rest } = a;
  const author = control.users.find((u) => u.userid === a.user);
  return {
    ...rest,
    moderation_status: shared ? 'APPROVED' : null,
    permissions: {
      read: [shared ? `group:${a.group}` : a.user],
      admin: [a.user],
      update: [a.user],
      delete: [a.user],
    },
    links: {
      html: `https://hypothes.is/a/${a.id}`,
      incontext: `https://hyp.is/${a.id}/${a.uri.replace(/^https?:\/\//, '')}`,
      json: `https://hypothes.is/api/annotations/${a.id}`,
    },
    actions: [],
    mentions: [],
    ...(author ? { user_info: { display_name: author.display_name } } : {}),
    flagged: false,
    hidden: false,
  };
}

/**
 * GET /api/search: the annotations the user may read (shared in a group they are in, or their
 * own), by `uri`, `group`, `user`; sorted by `sort`/`order` (default updated, desc); paged by
 * `limit` (default 20, at most 200), `offset` or `search_after`; `total` counts every match.
 */
function search(control: HypothesisControl, url: URL, user: User | null): HypothesisAnswer {
  const q = url.searchParams;
  const limit = Number(q.get('limit') ?? 20);
  const offset = Number(q.get('offset') ?? 0);
  if (!Number.isInteger(limit) || limit < 0 || limit > 200)
    return invalid(`limit: ${q.get('limit')} is greater than maximum value 200`);
  if (!Number.isInteger(offset) || offset < 0 || offset > 9800)
    return invalid(`offset: ${q.get('offset')} is greater than maximum value 9800`);
  const sort = q.get('sort') ?? 'updated';
  if (!['created', 'updated', 'group', 'id', 'user'].includes(sort))
    return invalid(`sort: "${sort}" is not one of created, updated, group, id, user`);
  const order = q.get('order') ?? 'desc';
  const readable = (a: Stored) => {
    if (user && a.user === user.userid) return true;
    if (!a.shared) return false;
    const group = control.groups.find((g) => g.id === a.group);
    return a.group === '__world__' || (!!user && !!group?.members.includes(user.userid));
  };
  const uri = q.get('uri') ?? q.get('url');
  const groups = q.getAll('group');
  const byUser = q.get('user');
  const key = (a: Stored) => String(a[sort as keyof Stored] ?? '');
  let rows = control.annotations
    .filter(readable)
    .filter((a) => !uri || sameUri(a.uri, uri))
    .filter((a) => groups.length === 0 || groups.includes(a.group))
    .filter((a) => !byUser || a.user === byUser)
    .sort((a, b) => (order === 'asc' ? 1 : -1) * key(a).localeCompare(key(b)));
  const total = rows.length;
  const after = q.get('search_after');
  if (after !== null) {
    rows = rows.filter((a) =>
      order === 'asc' ? key(a).localeCompare(after) > 0 : key(a).localeCompare(after) < 0,
    );
  } else rows = rows.slice(offset);
  return json(200, { total, rows: rows.slice(0, limit).map((a) => present(control, a)) });
}

/** h matches "equivalent" URIs; here: the same URL without its fragment or trailing slash. */
function sameUri(a: string, b: string): boolean {
  const plain = (u: string) => u.replace(/#.*$/, '').replace(/\/$/, '');
  return plain(a) === plain(b);
}

/** The same API as a `fetch`, for unit tests: a dropped connection is a TypeError, as in browsers. */
export function hypothesisFetch(control: HypothesisControl): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (url.host !== HYPOTHESIS_HOST) throw new TypeError(`No fixture answers for ${url.host}`);
    const headers = new Headers(init?.headers);
    const answer = answerHypothesis(
      control,
      init?.method ?? 'GET',
      url,
      headers.get('authorization') ?? undefined,
      typeof init?.body === 'string' ? init.body : '',
    );
    if (answer.drop) throw new TypeError('Failed to fetch');
    return answeredFrom(url.href, answer.body, { status: answer.status, headers: answer.headers });
  }) as typeof fetch;
}
