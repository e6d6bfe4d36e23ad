// The card's headline, from the answers the content script already has. The petition facts are
// checked on every real petition JSON (../shared/real/petitions/json), against its own fields.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../utils/dates';
import type { LiveView } from '../../utils/live/live-view';
import type { ConsultationContext, PetitionContext } from '../../utils/pages/context';
import { NO_FACTS } from '../../utils/related/candidates';
import type { RelatedItem, RelatedView } from '../../utils/related/related-item';
import { PetitionDocument, toLivePetition } from '../../utils/sources/petitions-api';
import { storyHeadline, topLinks } from '../../utils/story/headline';
import { petitionAt } from './fixture-facts';

const REAL = resolve(process.cwd(), '../shared/real/petitions/json');
/** Every whole (not excerpted) file about one petition: its `data` is an object, not a list. */
const singles = readdirSync(REAL).filter((name) => {
  if (!name.endsWith('.json') || name === 'SOURCES.json' || name.endsWith('.excerpt.json'))
    return false;
  const json = JSON.parse(readFileSync(resolve(REAL, name), 'utf8'));
  return json.data && !Array.isArray(json.data);
});

const petitionPage = (id: number): PetitionContext => petitionAt(id);

const answer = <T>(data: T) => ({ data, fetchedAt: 1, stale: false, error: null });

function item(
  key: string,
  kind: RelatedItem['kind'],
  score: number,
  explicit = false,
): RelatedItem {
  return {
    key,
    kind,
    url: `https://hansard.parliament.uk/Commons/2026-11-16/debates/${key}/X`,
    title: key,
    ...NO_FACTS,
    reasons: [`reason for ${key}`],
    explicit,
    score,
  };
}

const related = (groups: RelatedView['groups']): RelatedView => ({
  groups,
  thread: [],
  threadSkipped: 0,
  failed: [],
});

it('there are real single-petition files to test', () => {
  expect(singles.length).toBeGreaterThan(0);
});

describe.each(singles)('the headline of real petition %s', (name) => {
  const json = JSON.parse(readFileSync(resolve(REAL, name), 'utf8'));
  const a = json.data.attributes;
  const live: LiveView = {
    kind: 'petition',
    petition: answer(toLivePetition(PetitionDocument.parse(json))),
  };
  const headline = storyHeadline(petitionPage(Number(json.data.id)), live, null);

  it('says the government responded, and when, exactly when the file has a response', () => {
    const respondedOn = a.government_response?.responded_on;
    if (a.government_response)
      expect(headline[0]).toBe(
        respondedOn ? `Government responded ${formatDate(respondedOn)}` : 'Government responded',
      );
    else expect(headline.join(' ')).not.toMatch(/responded/);
  });

  it('says when it was debated, or scheduled, from the file', () => {
    const text = headline.join(' · ');
    if (a.debate?.debated_on) expect(text).toMatch(`ebated ${formatDate(a.debate.debated_on)}`);
    else if (a.scheduled_debate_date)
      expect(text).toMatch(`ebate scheduled for ${formatDate(a.scheduled_debate_date)}`);
    else expect(text).not.toMatch(/ebated/);
  });
});

describe('the story headline', () => {
  it('reads the page itself while the live answer is missing, and counts the related pages', () => {
    const page: PetitionContext = {
      ...petitionPage(591092),
      response: { respondedOn: '2021-09-29', summary: null },
      debate: { status: 'debated', date: '2022-03-08', links: [] },
    };
    const view = related([
      { kind: 'consultation', items: [item('a', 'consultation', 1), item('b', 'consultation', 2)] },
      { kind: 'debate', items: [] },
    ]);
    expect(storyHeadline(page, null, view)).toEqual([
      'Government responded 29 September 2021',
      'debated 8 March 2022',
      '2 consultations',
    ]);
  });

  it('starts with a capital whatever comes first, and is empty with nothing to say', () => {
    const view = related([{ kind: 'debate', items: [item('a', 'debate', 1)] }]);
    expect(storyHeadline(petitionPage(1), null, view)).toEqual(['1 debate']);
    const page: PetitionContext = {
      ...petitionPage(1),
      debate: { status: 'scheduled', date: '2026-11-23', links: [] },
    };
    expect(storyHeadline(page, null, null)).toEqual(['Debate scheduled for 23 November 2026']);
    expect(storyHeadline(petitionPage(1), null, related([]))).toEqual([]);
  });

  it("gives a consultation's stage from its live data", () => {
    const page: ConsultationContext = {
      kind: 'consultation',
      url: 'https://www.gov.uk/government/consultations/x',
      key: 'consultation:x',
      title: 'X',
      links: [],
      unread: [],
      contentId: null,
      locale: 'en',
      state: 'open',
      opensOn: null,
      closesOn: '2026-12-19',
      withdrawnOn: null,
      organisations: [],
    };
    const live = (state: 'open' | 'closed' | 'outcome', closesOn: string | null): LiveView => ({
      kind: 'consultation',
      consultation: answer({
        title: 'X',
        url: page.url,
        state,
        opensOn: null,
        closesOn,
        withdrawnOn: null,
        updatedOn: '2023-03-02',
        outcome: null,
        organisations: [],
      }),
    });
    expect(storyHeadline(page, null, null)).toEqual(['Open until 19 December 2026']);
    expect(storyHeadline(page, live('open', '2026-12-20'), null)).toEqual([
      'Open until 20 December 2026',
    ]);
    expect(storyHeadline(page, live('closed', '2026-06-30'), null)).toEqual([
      'Closed 30 June 2026, awaiting outcome',
    ]);
    expect(storyHeadline(page, live('outcome', null), null)).toEqual([
      'Outcome published 2 March 2023',
    ]);
  });

  it('lists the strongest three links across groups: explicit evidence first, then score', () => {
    const view = related([
      { kind: 'debate', items: [item('d1', 'debate', 9), item('d2', 'debate', 3, true)] },
      { kind: 'petition', items: [item('p1', 'petition', 5), item('p2', 'petition', 1, true)] },
    ]);
    expect(topLinks(view).map((link) => link.key)).toEqual(['d2', 'p2', 'd1']);
  });
});
