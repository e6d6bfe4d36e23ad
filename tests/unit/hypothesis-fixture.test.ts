import { describe, expect, it } from 'vitest';
import { ApiAnnotation, Group, Profile, SearchAnswer } from '../../utils/sharing/api';
import { answerHypothesis, createHypothesisControl } from '../fixture-site/hypothesis';

// The fixture answers as hypothesis/h does (tests/fixtures/API.md, "Hypothesis"): each check
// names the rule of h it restates.
const TOKEN = 'Bearer 6879-fixture-campaigner-token';
const ask = (
  method: string,
  path: string,
  body: unknown = undefined,
  authorization: string | null = TOKEN,
  control = createHypothesisControl(),
) => {
  const answer = answerHypothesis(
    control,
    method,
    new URL(`https://api.hypothes.is${path}`),
    authorization ?? undefined,
    body === undefined ? '' : JSON.stringify(body),
  );
  return { ...answer, json: answer.body ? JSON.parse(answer.body) : null };
};
const NOT_FOUND = {
  status: 'failure',
  reason:
    "Either the resource you requested doesn't exist, or you are not currently authorized to see it.",
};
const post = {
  uri: 'https://petition.parliament.uk/petitions/701234',
  document: { title: ['A petition'] },
  text: 'A note',
  tags: ['t'],
  group: 'Kd3VxYp2',
  permissions: { read: ['group:Kd3VxYp2'] },
  target: [{ source: 'https://petition.parliament.uk/petitions/701234', selector: [] }],
};

describe('the fixture Hypothesis API', () => {
  it('answers the profile with and without a token (h/session.py `profile`)', () => {
    const withToken = ask('GET', '/api/profile');
    expect(Profile.parse(withToken.json).userid).toBe('acct:amira_campaigns@hypothes.is');
    const without = ask('GET', '/api/profile', undefined, null);
    expect(without.status).toBe(200);
    expect(Profile.parse(without.json)).toMatchObject({
      userid: null,
      groups: [{ id: '__world__' }],
    });
    expect(ask('GET', '/api/profile', undefined, 'Bearer revoked').json.userid).toBeNull();
  });

  it('lists the user’s groups in the reference’s Group shape', () => {
    const groups = ask('GET', '/api/profile/groups').json.map((g: unknown) => Group.parse(g));
    expect(groups.map((g: Group) => g.id)).toEqual([
      '__world__',
      'Kd3VxYp2',
      'q7WnZ2bE',
      'Wm4Tb9Ls',
    ]);
  });

  it('answers a write without an identity with v1’s 404 (errors.py `unauthorized_to_not_found`)', () => {
    const answer = ask('POST', '/api/annotations', post, 'Bearer revoked');
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual(NOT_FOUND);
  });

  it('refuses invalid annotations with a 400 and h’s "path: message" reasons', () => {
    expect(ask('POST', '/api/annotations', { ...post, uri: ' ' }).json).toEqual({
      status: 'failure',
      reason: "uri: 'uri' is a required property",
    });
    expect(
      ask('POST', '/api/annotations', { ...post, permissions: { read: ['everyone'] } }).status,
    ).toBe(400);
    expect(ask('POST', '/api/annotations', { ...post, group: 'nope' }).json.reason).toBe(
      'group: Invalid group id nope',
    );
    const teammateOnly = createHypothesisControl();
    expect(
      ask('POST', '/api/annotations', post, 'Bearer 6879-fixture-teammate-token', teammateOnly)
        .status,
    ).toBe(200);
  });

  it('creates, edits and deletes an annotation as the reference answers them', () => {
    const control = createHypothesisControl();
    const created = ApiAnnotation.parse(ask('POST', '/api/annotations', post, TOKEN, control).json);
    expect(created).toMatchObject({ user: 'acct:amira_campaigns@hypothes.is', group: 'Kd3VxYp2' });
    const edited = ask(
      'PATCH',
      `/api/annotations/${created.id}`,
      { text: 'Changed', group: 'x' },
      TOKEN,
      control,
    );
    expect(edited.json).toMatchObject({ text: 'Changed', group: 'Kd3VxYp2' });
    expect(ask('DELETE', `/api/annotations/${created.id}`, undefined, TOKEN, control).json).toEqual(
      {
        id: created.id,
        deleted: true,
      },
    );
    expect(ask('DELETE', `/api/annotations/${created.id}`, undefined, TOKEN, control).status).toBe(
      404,
    );
    // Another user's annotation is not theirs to change.
    expect(
      ask('PATCH', '/api/annotations/Xq8Lr0SVEe-kCwtV1nPzqA', { text: 'x' }, TOKEN, control).status,
    ).toBe(404);
  });

  it('searches by uri and group, with total, limit, offset and search_after', () => {
    const control = createHypothesisControl();
    for (let i = 0; i < 3; i++)
      ask('POST', '/api/annotations', { ...post, text: `n${i}` }, TOKEN, control);
    const q = '/api/search?uri=https://petition.parliament.uk/petitions/701234&group=Kd3VxYp2';
    const all = SearchAnswer.parse(
      ask('GET', `${q}&sort=created&order=asc`, undefined, TOKEN, control).json,
    );
    expect(all.total).toBe(4);
    const second = SearchAnswer.parse(
      ask('GET', `${q}&sort=created&order=asc&limit=2&offset=2`, undefined, TOKEN, control).json,
    );
    expect(second.rows.map((r) => r.id)).toEqual(all.rows.slice(2).map((r) => r.id));
    const after = SearchAnswer.parse(
      ask(
        'GET',
        `${q}&sort=created&order=asc&limit=1&search_after=${encodeURIComponent(all.rows[0]?.created ?? '')}`,
        undefined,
        TOKEN,
        control,
      ).json,
    );
    expect(after.rows.map((r) => r.id)).toEqual([all.rows[1]?.id]);
    expect(ask('GET', `${q}&limit=201`, undefined, TOKEN, control).status).toBe(400);
    // Without a token, a private group's annotations are not readable.
    expect(ask('GET', q, undefined, null, control).json).toEqual({ total: 0, rows: [] });
  });
});
