import { type FetchDeps, fetchJson } from '../net/fetch-json';
import { RETRY_POLICY, type RetryPolicy } from '../net/retry-policy';
import type { SourceError } from '../net/source-error';
import { z } from '../zod';

/**
 * Hypothesis's HTTP API, v1, the part the extension uses. Shapes from hypothesis/h
 * @ 24395ca438e3bd4b5c301e30ab81ca1d024ee840, `docs/_extra/api-reference/hypothesis-v1.yaml`
 * and its `schemas/` (profile, group, annotation, errors); tests/fixtures/API.md has the rest.
 */
const API_ORIGIN = 'https://api.hypothes.is';
/** The optional host permission asked for when the user connects (wxt.config.ts). */
export const API_PERMISSION = `${API_ORIGIN}/*`;
const ACCEPT = 'application/vnd.hypothesis.v1+json';

/** `schemas/profile.yaml`: `userid` is null when the token is no one's (unknown or revoked). */
export const Profile = z.object({
  userid: z.nullable(z.string()),
  authority: z.string(),
  groups: z.array(z.object({ id: z.string(), name: z.string(), public: z.optional(z.boolean()) })),
  user_info: z.optional(z.object({ display_name: z.optional(z.nullable(z.string())) })),
});
export type Profile = z.infer<typeof Profile>;

/** `schemas/group.yaml`, the fields read. */
export const Group = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['private', 'open', 'restricted']),
  public: z.optional(z.boolean()),
});
export type Group = z.infer<typeof Group>;

/**
 * An API date (`2026-11-27T09:41:12.803114+00:00`, h/util/datetime.py) as milliseconds: its
 * microseconds are cut to the milliseconds the ECMAScript date format has.
 */
export const apiTime = (value: string): number => Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
const ApiTime = z.string().check(z.refine((v) => !Number.isNaN(apiTime(v)), 'not a date'));

const Selector = z.looseObject({ type: z.string() });

/** `schemas/annotation.yaml`: the fields it requires that are read, and the optional author. */
export const ApiAnnotation = z.object({
  id: z.string().check(z.minLength(1)),
  created: ApiTime,
  updated: ApiTime,
  user: z.string(),
  uri: z.string(),
  text: z.string(),
  tags: z.array(z.string()),
  group: z.string(),
  permissions: z.object({ read: z.array(z.string()) }),
  target: z.array(
    z.object({ source: z.optional(z.string()), selector: z.optional(z.array(Selector)) }),
  ),
  document: z.object({ title: z.optional(z.array(z.string())) }),
  references: z.optional(z.array(z.string())),
  user_info: z.optional(z.object({ display_name: z.optional(z.nullable(z.string())) })),
});
export type ApiAnnotation = z.infer<typeof ApiAnnotation>;

/** GET /search's answer. */
export const SearchAnswer = z.object({
  total: z.number().check(z.int(), z.nonnegative()),
  rows: z.array(ApiAnnotation),
});
const Deleted = z.object({ id: z.string(), deleted: z.literal(true) });

/** `schemas/errors.yaml`: what an error answer says. */
const ApiFailure = z.object({
  status: z.literal('failure'),
  reason: z.optional(z.string()),
});

/** What is posted (`schemas/annotation-create.yaml`), as this extension fills it. */
export const AnnotationCreate = z.object({
  uri: z.string(),
  document: z.object({ title: z.array(z.string()) }),
  text: z.string(),
  tags: z.array(z.string()),
  group: z.string(),
  permissions: z.object({ read: z.array(z.string()) }),
  target: z.array(z.object({ source: z.string(), selector: z.optional(z.array(Selector)) })),
});
export type AnnotationCreate = z.infer<typeof AnnotationCreate>;

type ApiResult<T> = { ok: true; data: T } | { ok: false; error: SourceError };

interface SearchQuery {
  uri: string;
  group: string;
  user?: string;
  limit: number;
  /** `created` of the last row had, for the next page (`sort=created&order=asc`). */
  searchAfter?: string;
}

/** One attempt only: the queue decides when a write is tried again, and checks before re-posting. */
const WRITE_POLICY: RetryPolicy = { ...RETRY_POLICY, attempts: 1 };

/** The API for one token. The token goes in the `Authorization` header to API_ORIGIN only. */
export function createHypothesisApi(token: string, deps?: FetchDeps) {
  const auth = { accept: ACCEPT, authorization: `Bearer ${token}` };
  async function call<T>(
    schema: z.ZodMiniType<T>,
    path: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    body?: unknown,
  ): Promise<ApiResult<T>> {
    const fetched = await fetchJson(
      `${API_ORIGIN}/api/${path}`,
      deps,
      method === 'GET' ? RETRY_POLICY : WRITE_POLICY,
      // Hypothesis says why it refused (reasonOf): keep what it said.
      { method, headers: auth, keepErrorBody: true, ...(body === undefined ? {} : { body }) },
    );
    if (!fetched.ok) return fetched;
    const parsed = schema.safeParse(fetched.data);
    return parsed.success
      ? { ok: true, data: parsed.data }
      : {
          ok: false,
          error: {
            kind: 'unexpected-data',
            message: 'Hypothesis answered in an unexpected shape.',
          },
        };
  }
  return {
    profile: () => call(Profile, 'profile', 'GET'),
    groups: () => call(z.array(Group), 'profile/groups', 'GET'),
    create: (annotation: AnnotationCreate) =>
      call(ApiAnnotation, 'annotations', 'POST', annotation),
    /** PATCH: the group cannot change, so it is left out. */
    update: (id: string, annotation: Omit<AnnotationCreate, 'group'>) =>
      call(ApiAnnotation, `annotations/${encodeURIComponent(id)}`, 'PATCH', annotation),
    remove: (id: string) => call(Deleted, `annotations/${encodeURIComponent(id)}`, 'DELETE'),
    search: (q: SearchQuery) => {
      const params = new URLSearchParams({
        uri: q.uri,
        group: q.group,
        limit: String(q.limit),
        sort: 'created',
        order: 'asc',
      });
      if (q.user) params.set('user', q.user);
      if (q.searchAfter) params.set('search_after', q.searchAfter);
      return call(SearchAnswer, `search?${params}`, 'GET');
    },
  };
}
export type HypothesisApi = ReturnType<typeof createHypothesisApi>;

/** The reason an error answer gave, if it gave one. */
export function reasonOf(error: SourceError): string | null {
  return ApiFailure.safeParse(error.body).data?.reason ?? null;
}
