// Contract tests on petition.parliament.uk's own JSON (../shared/real/petitions/json, see its
// README): every file there goes through the code users hit — the live fetcher with its schema,
// the live view and what the panel says — and the facts are checked against the file's own fields.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveFetcher } from '../../utils/live/live-fetcher';
import { liveViewFor } from '../../utils/live/live-view';
import { debateStatus, responseStatus, responseSummary } from '../../utils/live/petition-status';
import type { PageContext } from '../../utils/pages/context';
import { PetitionList, petitionSearchUrl } from '../../utils/sources/search-apis';
import { openDatabase } from '../../utils/storage/db';
import { answeredFrom } from '../fixture-site/fixture-fetch';
import { petitionAt } from './fixture-facts';

const REAL = resolve(process.cwd(), '../shared/real/petitions/json');
const files = readdirSync(REAL).filter((name) => name.endsWith('.json') && name !== 'SOURCES.json');
/** The first ~2,000 characters of a larger answer (the real README): not JSON on its own. */
const isExcerpt = (name: string) => name.endsWith('.excerpt.json');
const text = (name: string) => readFileSync(resolve(REAL, name), 'utf8');

let dbName = '';
let n = 0;
afterEach(() => indexedDB.deleteDatabase(dbName));

/** The real live fetcher, with the site answering every request with `body`. */
function fetcherAnswering(body: string) {
  dbName = `real-petitions-${++n}`;
  const fetch: typeof globalThis.fetch = async (input) =>
    answeredFrom(String(input), body, {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  return createLiveFetcher(openDatabase(dbName), {
    deps: { fetch, sleep: async () => {}, now: Date.now, random: () => 0 },
  });
}

/** The page a reader would be on for this petition, as its URL gives it. */
function contextFor(id: number, archived: boolean): PageContext {
  return petitionAt(id, archived);
}

/** What a single-petition file says about itself, read straight from its text. */
function ownFacts(body: string) {
  return {
    id: Number(/"data"\s*:\s*\{\s*"type"\s*:\s*"[a-z-]+"\s*,\s*"id"\s*:\s*(\d+)/.exec(body)?.[1]),
    archived: /"type"\s*:\s*"archived-petition"/.test(body),
    isList: /^\s*\{\s*"links"\s*:\s*\{[^}]*\}\s*,\s*"data"\s*:\s*\[/.test(body),
  };
}

it('there is real petition material to test', () => {
  expect(files.filter((name) => !isExcerpt(name)).length).toBeGreaterThan(0);
  expect(files.filter(isExcerpt).length).toBeGreaterThan(0);
});

describe.each(files.filter((name) => !isExcerpt(name)))('real petition JSON %s', (name) => {
  const body = text(name);
  const json = JSON.parse(body);
  const { id, archived, isList } = ownFacts(body);
  const a = json.data.attributes;

  it.skipIf(isList)('reaches the panel with the facts the file gives', async () => {
    const view = await liveViewFor(contextFor(id, archived), fetcherAnswering(body));
    if (view.kind !== 'petition') throw new Error('expected a petition view');
    expect(view.petition.error).toBeNull();
    const petition = view.petition.data;
    if (!petition) throw new Error('expected petition data');
    expect(petition).toMatchObject({
      number: json.data.id,
      title: a.action,
      state: a.state,
      signatureCount: a.signature_count,
      archivedPeriod: json.data.parliament?.period ?? null,
      closingDate: a.closing_date ?? null,
      responseThresholdReached: a.response_threshold_reached_at !== null,
    });
    expect(new URL(petition.url).pathname).toBe(`/${archived ? 'archived/' : ''}petitions/${id}`);
    expect(petition.response?.summary ?? null).toBe(a.government_response?.summary ?? null);
    expect(petition.debate?.debatedOn ?? null).toBe(a.debate?.debated_on ?? null);
  });

  it.skipIf(isList)('says nothing the petition can no longer get', async () => {
    const view = await liveViewFor(contextFor(id, archived), fetcherAnswering(body));
    if (view.kind !== 'petition' || !view.petition.data) throw new Error('expected petition data');
    const petition = view.petition.data;
    const response = responseStatus(petition);
    // Only an open petition, or one past the response threshold, can still get a response.
    if (a.state === 'rejected') expect(response).toBeNull();
    if (a.state !== 'open' && !a.response_threshold_reached_at) {
      expect(response ?? '').not.toMatch(/yet|awaiting/i);
    }
    if (!a.government_response) expect(responseSummary(petition)).toBeNull();
    if (!a.debate && !a.scheduled_debate_date)
      expect(debateStatus(petition, Date.now())).toBeNull();
  });

  it.runIf(isList)('passes the petition list schema, every petition with its title', async () => {
    const get = fetcherAnswering(body);
    const answer = await get({
      url: petitionSearchUrl('send', archived ? 4 : null, 50),
      source: 'petitions',
      schema: PetitionList,
    });
    expect(answer.error).toBeNull();
    expect(answer.data?.data.map((item) => item.attributes.action)).toEqual(
      json.data.map((item: { attributes: { action: string } }) => item.attributes.action),
    );
  });
});

describe.each(files.filter(isExcerpt))('a cut-off real answer %s', (name) => {
  const body = text(name);
  const { id, archived, isList } = ownFacts(body);

  it('is refused with a typed error and a clear message, never a crash', async () => {
    const get = fetcherAnswering(body);
    const answer = isList
      ? await get({
          url: petitionSearchUrl('send', archived ? 4 : null, 50),
          source: 'petitions',
          schema: PetitionList,
        })
      : await liveViewFor(contextFor(id, archived), get).then((view) =>
          view.kind === 'petition' ? view.petition : null,
        );
    expect(answer).toMatchObject({
      data: null,
      error: { kind: 'unexpected-data', message: 'The site sent something that is not JSON.' },
    });
  });
});
