// The story's timeline, from real petition JSON and GOV.UK content items (../shared/real, every
// file there: the facts come from each file's own fields) and from the fixture payloads.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../utils/pages/context';
import { londonDate } from '../../utils/pages/text';
import type { RelatedItem } from '../../utils/related/related-item';
import { ConsultationContentItem } from '../../utils/sources/govuk-content-api';
import { PetitionDocument } from '../../utils/sources/petitions-api';
import type { Annotation } from '../../utils/storage/records';
import type { ThreadItem } from '../../utils/storage/thread-store';
import { buildTimeline, StoryEntry, type StoryMaterial } from '../../utils/story/timeline';
import { petitionAt } from './fixture-facts';

const REAL = resolve(process.cwd(), '../shared/real');
const PETITIONS = join(REAL, 'petitions/json');
const ITEMS = join(REAL, 'govuk/content-items');
const FIXTURES = resolve(process.cwd(), 'tests/fixtures/api/petition.parliament.uk');
const NOW = Date.parse('2026-12-01T12:00:00Z');

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const jsonIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? jsonIn(join(dir, entry.name))
      : entry.name.endsWith('.json')
        ? [join(dir, entry.name)]
        : [],
  );

function petitionContext(doc: PetitionDocument): PageContext {
  return petitionAt(doc.data.id, doc.data.type === 'archived-petition', doc.data.attributes.action);
}

function consultationContext(item: ConsultationContentItem): PageContext {
  return {
    kind: 'consultation',
    url: `https://www.gov.uk${item.base_path}`,
    key: `consultation:${item.base_path.split('/').pop()}`,
    title: item.title,
    links: [],
    unread: [],
    contentId: item.content_id,
    locale: 'en',
    state: null,
    opensOn: null,
    closesOn: null,
    withdrawnOn: null,
    organisations: [],
  };
}

const material = (overrides: Partial<StoryMaterial> & Pick<StoryMaterial, 'context'>) => ({
  petitions: [],
  consultation: null,
  related: [],
  thread: [],
  annotations: [],
  now: NOW,
  ...overrides,
});

const fixturePetition = (path: string) => PetitionDocument.parse(read(join(FIXTURES, path)));
const steps = (entries: StoryEntry[]) => entries.map((e) => `${e.date} ${e.what}`);

describe('the story of a real petition (every file in shared/real/petitions/json)', () => {
  const files = readdirSync(PETITIONS).filter(
    (name) => name.endsWith('.json') && !name.endsWith('.excerpt.json') && name !== 'SOURCES.json',
  );
  const singles = files
    .map((name) => [name, PetitionDocument.safeParse(read(join(PETITIONS, name)))] as const)
    .flatMap(([name, parsed]) => (parsed.success ? [[name, parsed.data] as const] : []));

  it('has petitions to tell', () => {
    expect(singles.length).toBeGreaterThanOrEqual(4);
  });

  it.each(singles)('%s: each dated step the JSON records, in order, on its page', (_name, doc) => {
    const a = doc.data.attributes;
    const entries = buildTimeline(material({ context: petitionContext(doc), petitions: [doc] }));
    for (const entry of entries) expect(StoryEntry.safeParse(entry).error).toBeUndefined();
    const expected = [
      [a.moderation_threshold_reached_at, 'Petition sent to the moderators'],
      [a.opened_at, 'Petition opened'],
      [a.rejected_at, 'Petition rejected'],
      [a.response_threshold_reached_at, 'Petition reached 10,000 signatures'],
      [a.debate_threshold_reached_at, 'Petition reached 100,000 signatures'],
      [a.government_response?.responded_on, 'Government responded'],
    ].flatMap(([at, what]) => (at ? [`${londonDate(at)} ${what}`] : []));
    expect(steps(entries).filter((step) => !/Debate|closed|closes/.test(step))).toEqual(
      expected.sort(),
    );
    const dates = entries.map((e) => e.date ?? '');
    expect(dates).toEqual([...dates].sort());
    // On a petition's own page its steps are all marked as the page shown.
    expect(entries.every((entry) => entry.current)).toBe(true);
  });
});

describe('the story of a real GOV.UK consultation (every content item in shared/real)', () => {
  const items = jsonIn(ITEMS)
    .filter((file) => !file.endsWith('-schema.json'))
    .map((file) => [file.slice(ITEMS.length + 1), read(file)] as const);

  it.each(items)('%s: opened, closing or closed, outcome and withdrawal', (_file, raw) => {
    const item = ConsultationContentItem.parse(raw);
    const entries = buildTimeline(
      material({ context: consultationContext(item), consultation: item }),
    );
    for (const entry of entries) expect(StoryEntry.safeParse(entry).error).toBeUndefined();
    const { opening_date: opens, closing_date: closes } = item.details;
    const closed = closes !== undefined && Date.parse(closes) <= NOW;
    const expected = [
      opens && `${londonDate(opens)} Consultation opened`,
      closes &&
        `${londonDate(closes, { endOfDay: true })} Consultation ${closed ? 'closed' : 'closes'}`,
      item.document_type === 'consultation_outcome' &&
        `${londonDate(item.public_updated_at)} Outcome published`,
      item.withdrawn_notice?.withdrawn_at &&
        `${londonDate(item.withdrawn_notice.withdrawn_at)} Consultation withdrawn`,
    ].filter((step): step is string => Boolean(step));
    expect([...steps(entries)].sort()).toEqual(expected.sort());
    expect(entries.every((entry) => entry.url === `https://www.gov.uk${item.base_path}`)).toBe(
      true,
    );
  });
});

const DEBATE_KEY = 'debate:6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71';

function related(overrides: Partial<RelatedItem>): RelatedItem {
  return {
    key: 'consultation:sen-workforce-training-standards',
    kind: 'consultation',
    url: 'https://www.gov.uk/government/consultations/sen-workforce-training-standards',
    title: 'SEN workforce: training standards for SENCOs and support staff',
    date: '2026-12-20',
    state: 'open',
    signatureCount: null,
    responded: null,
    debated: null,
    location: null,
    reasons: ['shares “SENCO”'],
    explicit: false,
    score: 3,
    ...overrides,
  };
}

function note(overrides: Partial<Annotation>): Annotation {
  return {
    id: crypto.randomUUID(),
    kind: 'highlight',
    pageKey: 'petition:654321',
    pageUrl: 'https://petition.parliament.uk/petitions/654321',
    pageTitle: null,
    pageKind: 'petition',
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'a passage', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 9 },
    },
    note: '',
    tags: [],
    colour: 'yellow',
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

describe('the story across the three sites (fixture payloads)', () => {
  const petition = fixturePetition('petitions/654321.json');
  const context = petitionContext(petition);

  it('tells the petition, its thresholds, the response, the closing and the debate held, in date order', () => {
    const entries = buildTimeline(material({ context, petitions: [petition] }));
    expect(steps(entries)).toEqual([
      '2026-02-23 Petition sent to the moderators',
      '2026-03-02 Petition opened',
      '2026-03-09 Petition reached 10,000 signatures',
      '2026-04-15 Government responded',
      '2026-05-20 Petition reached 100,000 signatures',
      // 22:59:59.999Z is a minute before midnight in London's summer time.
      '2026-09-02 Petition closed',
      '2026-11-16 Debated in Parliament',
    ]);
    // The debate is on its Hansard page, not the petition's: not the page shown.
    expect(entries.at(-1)).toMatchObject({ key: DEBATE_KEY, current: false });
    expect(entries.at(-1)?.url).toMatch(
      /^https:\/\/hansard\.parliament\.uk\/Commons\/2026-11-16\//,
    );
  });

  it('on the debate itself, tells the sitting once, where it was, and the petitions it considered', () => {
    const debate: PageContext = {
      kind: 'debate',
      url: 'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding',
      key: DEBATE_KEY,
      title: 'Special Educational Needs and Disabilities Funding',
      links: [],
      unread: [],
      debateId: '6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71',
      house: 'Commons',
      sittingDate: '2026-11-16',
      location: 'Westminster Hall',
      petitionNumbers: [654321],
    };
    const entries = buildTimeline(material({ context: debate, petitions: [petition] }));
    expect(entries.filter((entry) => entry.key === DEBATE_KEY)).toEqual([
      expect.objectContaining({
        date: '2026-11-16',
        what: 'Debated in Westminster Hall',
        current: true,
      }),
    ]);
    expect(entries.filter((entry) => entry.key === 'petition:654321').length).toBe(6);
  });

  it('links an old petition’s http transcript over https', () => {
    const old = fixturePetition('archived/petitions/612580.json');
    const debated = buildTimeline(
      material({ context: petitionContext(old), petitions: [old] }),
    ).filter((entry) => entry.what === 'Debated in Parliament');
    expect(debated.map((entry) => entry.url)).toEqual([
      'https://hansard.parliament.uk/Commons/2022-06-13/debates/9A4C7E21-3B5D-4F60-8E1A-C2D3B4A59F87/SpecialSchoolPlaces',
    ]);
  });

  it('adds related pages once each, and the user’s thread undated at the end', () => {
    const thread: ThreadItem[] = [
      {
        key: 'petition:701234',
        kind: 'petition',
        url: 'https://petition.parliament.uk/petitions/701234',
        title: 'Give schools ring-fenced funding',
        reason: 'You came here from it',
      },
    ];
    const entries = buildTimeline(
      material({
        context,
        petitions: [petition],
        related: [
          // The debate the petition's own record already tells.
          related({
            key: DEBATE_KEY,
            kind: 'debate',
            url: 'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding',
            date: '2026-11-16',
            location: 'Westminster Hall',
          }),
          related({}),
          related({
            key: 'consultation:send-review',
            url: 'https://www.gov.uk/government/consultations/send-review',
            date: '2022-07-22',
            state: 'outcome',
            title: 'SEND review',
          }),
        ],
        thread,
      }),
    );
    expect(steps(entries)).toEqual([
      '2022-07-22 Consultation closed; outcome since published',
      '2026-02-23 Petition sent to the moderators',
      '2026-03-02 Petition opened',
      '2026-03-09 Petition reached 10,000 signatures',
      '2026-04-15 Government responded',
      '2026-05-20 Petition reached 100,000 signatures',
      '2026-09-02 Petition closed',
      '2026-11-16 Debated in Parliament',
      '2026-12-20 Consultation closes',
      'null In your thread',
    ]);
  });

  it('puts the user’s bookmark on its step and the count of their notes on the page’s first step', () => {
    const entries = buildTimeline(
      material({
        context,
        petitions: [petition],
        annotations: [
          note({}),
          note({ kind: 'page-note', target: null, note: 'Ask the MP' }),
          note({
            kind: 'bookmark',
            bookmark: { label: 'Government response', date: '2026-04-15' },
            target: {
              quote: {
                type: 'TextQuoteSelector',
                exact: 'The Government   is committed\nto',
                prefix: '',
                suffix: '',
              },
              position: { type: 'TextPositionSelector', start: 0, end: 30 },
            },
          }),
          note({ pageKey: DEBATE_KEY, pageKind: 'debate' }),
        ],
      }),
    );
    const on = (what: string) => entries.find((entry) => entry.what === what);
    expect(on('Petition sent to the moderators')).toMatchObject({ notes: 2, bookmarks: [] });
    expect(on('Government responded')).toMatchObject({
      notes: 0,
      bookmarks: [{ label: 'Government response', quote: 'The Government is committed to' }],
    });
    expect(on('Debated in Parliament')).toMatchObject({ notes: 1 });
  });
});
