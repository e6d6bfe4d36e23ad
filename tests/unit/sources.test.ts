import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConsultationContentItem,
  HtmlPublicationItem,
  toLiveConsultation,
} from '../../utils/sources/govuk-content-api';
import { HansardDebateDocument, toLiveDebate } from '../../utils/sources/hansard-api';
import { PetitionDocument, toLivePetition } from '../../utils/sources/petitions-api';
import { consultationSearchUrl, GovukSearchResults } from '../../utils/sources/search-apis';
import { API_ROOT } from '../fixture-site/api';
import { createFixtureFetch } from '../fixture-site/fixture-fetch';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const read = (path: string): unknown => JSON.parse(readFileSync(join(API_ROOT, path), 'utf8'));
const relative = (file: string) => file.slice(API_ROOT.length + 1);

describe('API schemas accept every fixture payload', () => {
  it.each(filesUnder(join(API_ROOT, 'petition.parliament.uk')).map(relative))('%s', (file) => {
    expect(PetitionDocument.safeParse(read(file)).error).toBeUndefined();
  });
  it.each(filesUnder(join(API_ROOT, 'www.gov.uk')).map(relative))('%s', (file) => {
    const payload = read(file) as { schema_name?: string };
    // A consultation's HTML documents sit under its path, with their own schema.
    const schema =
      payload.schema_name === 'html_publication' ? HtmlPublicationItem : ConsultationContentItem;
    expect(schema.safeParse(payload).error).toBeUndefined();
  });
  it.each(filesUnder(join(API_ROOT, 'hansard-api.parliament.uk')).map(relative))('%s', (file) => {
    expect(HansardDebateDocument.safeParse(read(file)).error).toBeUndefined();
  });
});

describe('what the panel is given', () => {
  it('an archived petition with its response and department', () => {
    const petition = toLivePetition(
      PetitionDocument.parse(read('petition.parliament.uk/archived/petitions/591092.json')),
    );
    expect(petition).toMatchObject({
      number: 591092,
      title: 'Require School SENCOs to be fully qualified for the role.',
      url: 'https://petition.parliament.uk/archived/petitions/591092',
      state: 'closed',
      archivedPeriod: '2019-2024',
      signatureCount: 13168,
      closingDate: null,
      response: { respondedOn: '2021-09-29' },
      debate: null,
      departments: ['Department for Education'],
    });
  });

  it('a debated petition, with every debate link in the page’s order', () => {
    const petition = toLivePetition(
      PetitionDocument.parse(read('petition.parliament.uk/petitions/654321.json')),
    );
    expect(petition.debate).toEqual({
      debatedOn: '2026-11-16',
      overview: expect.any(String),
      links: [
        { label: 'Video', url: 'https://www.youtube.com/watch?v=k3Xq9TfR2aE&t=1840' },
        {
          label: 'Transcript',
          url: 'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding',
        },
        { label: 'Debate pack', url: expect.stringMatching(/^https:\/\/commonslibrary/) },
        { label: 'What the public said', url: expect.stringMatching(/^https:\/\/committees/) },
        { label: 'Debate summary', url: expect.stringMatching(/^https:\/\/ukparliament/) },
      ],
    });
  });

  it('an archived debate’s http:// links, made https', () => {
    const petition = toLivePetition(
      PetitionDocument.parse(read('petition.parliament.uk/archived/petitions/612580.json')),
    );
    expect(petition.debate?.links.map((link) => link.url)).toEqual([
      'https://parliamentlive.tv/Event/Index/8d2f61c4-0e7b-4a93-b5d8-6c1e2f3a4b5d',
      'https://hansard.parliament.uk/Commons/2022-06-13/debates/9A4C7E21-3B5D-4F60-8E1A-C2D3B4A59F87/SpecialSchoolPlaces',
      'https://researchbriefings.files.parliament.uk/documents/CDP-2022-0104/CDP-2022-0104.pdf',
    ]);
  });

  it('a consultation outcome, in dates the panel prints', () => {
    const item = ConsultationContentItem.parse(
      read(
        'www.gov.uk/api/content/government/consultations/send-review-right-support-right-place-right-time.json',
      ),
    );
    expect(toLiveConsultation(item)).toEqual({
      title: 'SEND review: right support, right place, right time',
      url: 'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time',
      state: 'outcome',
      opensOn: '2022-03-29',
      closesOn: '2022-07-22',
      withdrawnOn: null,
      updatedOn: '2023-03-02',
      outcome: expect.stringMatching(
        /^We received around 6,000 responses to the consultation .* SEND and alternative provision improvement plan, which sets out/,
      ),
      organisations: [
        {
          name: 'Department for Education',
          url: 'https://www.gov.uk/government/organisations/department-for-education',
        },
      ],
    });
  });

  it('a Westminster Hall debate record', () => {
    const debate = HansardDebateDocument.parse(
      read('hansard-api.parliament.uk/debates/debate/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71.json'),
    );
    expect(toLiveDebate(debate)).toEqual({
      title: 'Special Educational Needs and Disabilities Funding',
      location: 'Westminster Hall',
      house: 'Commons',
      date: '2026-11-16',
    });
  });
});

describe('the fixture site’s GOV.UK search, as search-api answers', () => {
  it('finds consultations not yet open, and gives unregistered organisations as {slug} alone', async () => {
    const { fetch } = createFixtureFetch();
    const answer = await (await fetch(consultationSearchUrl('nuclear reactor', 10))).json();
    const parsed = GovukSearchResults.parse(answer);
    expect(parsed.results[0]).toMatchObject({
      link: '/government/consultations/gda-of-hitachi-ge-nuclear-energy-ltds-uk-advanced-boiling-water-reactor',
      content_store_document_type: 'consultation',
      organisations: [{ slug: 'environment-agency' }],
    });
    expect(Object.keys(parsed.results[0]?.organisations[0] ?? {})).toEqual(['slug']);
  });

  it('expands registered organisations from the registry', async () => {
    const { fetch } = createFixtureFetch();
    const answer = await (await fetch(consultationSearchUrl('alternative provision', 10))).json();
    expect(
      GovukSearchResults.parse(answer).results.find((result) =>
        result.link.endsWith('/alternative-provision-funding-review'),
      )?.organisations,
    ).toEqual([
      { slug: 'department-for-education', title: 'Department for Education' },
      {
        slug: 'ministry-of-housing-communities-local-government',
        title: 'Ministry of Housing, Communities and Local Government',
      },
    ]);
  });
});

describe('API schemas reject payloads of the wrong shape', () => {
  const petition = read('petition.parliament.uk/petitions/701234.json') as {
    data: { attributes: Record<string, unknown> };
  };
  it.each([
    ['a count that is not a number', { signature_count: '8,213' }],
    ['a missing title', { action: undefined }],
    ['a response without a summary', { government_response: { responded_on: '2026-01-01' } }],
    ['a debate without its date field', { debate: { transcript_url: null } }],
  ])('petition: %s', (_what, change) => {
    const broken = structuredClone(petition);
    Object.assign(broken.data.attributes, change);
    expect(PetitionDocument.safeParse(broken).success).toBe(false);
  });

  it('petition: an unknown document type', () => {
    expect(
      PetitionDocument.safeParse({ data: { ...petition.data, type: 'signature' } }).success,
    ).toBe(false);
  });

  it('GOV.UK: a page that is not a consultation', () => {
    const item = read(
      'www.gov.uk/api/content/government/consultations/sen-workforce-training-standards.json',
    ) as Record<string, unknown>;
    expect(
      ConsultationContentItem.safeParse({ ...item, schema_name: 'news_article' }).success,
    ).toBe(false);
    expect(ConsultationContentItem.safeParse({ ...item, document_type: 'guidance' }).success).toBe(
      false,
    );
  });

  it('Hansard: an answer without an overview', () => {
    expect(HansardDebateDocument.safeParse({ Items: [] }).success).toBe(false);
    expect(HansardDebateDocument.safeParse({ Overview: { Title: 'x' } }).success).toBe(false);
  });

  it('ignores fields it does not use, as the sites add them', () => {
    const extended = structuredClone(petition);
    Object.assign(extended.data.attributes, { brand_new_field: { anything: true } });
    expect(PetitionDocument.safeParse(extended).success).toBe(true);
  });
});
