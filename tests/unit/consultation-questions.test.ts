// A consultation's questions, read from its HTML documents, and its own ways to respond.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  consultationOfDocument,
  documentTitle,
  recognisesDocument,
} from '../../utils/pages/consultation-document';
import { questionsFromDocument } from '../../utils/pages/consultation-questions';
import {
  ConsultationContentItem,
  HtmlPublicationItem,
  htmlDocuments,
  waysToRespond,
} from '../../utils/sources/govuk-content-api';
import { API_ROOT } from '../fixture-site/api';
import { loadFixtureDocument } from '../load-fixture';
import { WORKFORCE_WAYS } from './fixture-facts';

const DOCUMENT =
  'https://www.gov.uk/government/consultations/sen-workforce-training-standards/sen-workforce-training-standards-consultation-document';
const CONSULTATIONS = join(API_ROOT, 'www.gov.uk/api/content/government/consultations');
const REAL_PUBLICATIONS = resolve(process.cwd(), 'tests/fixtures/real/govuk/html_publication');
const REAL_ITEMS = resolve(process.cwd(), '../shared/real/govuk/content-items');
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const LIKERT = [
  'Strongly agree',
  'Agree',
  'Neither agree nor disagree',
  'Disagree',
  'Strongly disagree',
];

describe("a consultation document's questions", () => {
  it('reads numbered questions, their options and sections from the rendered document page', () => {
    const questions = questionsFromDocument(loadFixtureDocument(DOCUMENT), DOCUMENT);
    expect(questions).toEqual([
      {
        number: '1',
        text: 'To what extent do you agree or disagree that every new SENCO should complete the national SENCO qualification within 3 years of taking up the role? If you selected disagree or strongly disagree, please tell us why.',
        options: LIKERT,
        documentUrl: DOCUMENT,
        heading: 'Training standards for SENCOs',
      },
      {
        number: '2',
        text: 'Should the training standards also apply to SENCOs in early years settings?',
        options: ['Yes', 'No', 'Don’t know'],
        documentUrl: DOCUMENT,
        heading: 'Training standards for SENCOs',
      },
      {
        number: '3',
        text: 'To what extent do you agree or disagree that teaching assistants should have protected time for SEND training each term?',
        options: LIKERT,
        documentUrl: DOCUMENT,
        heading: 'Training for teaching assistants and support staff',
      },
      {
        number: '4',
        text: 'What stops schools and colleges releasing staff for SEND training, and what would help?',
        options: [],
        documentUrl: DOCUMENT,
        heading: 'Training for teaching assistants and support staff',
      },
    ]);
  });

  it('reads the same questions from the document’s Content API body', () => {
    const item = read(
      join(
        CONSULTATIONS,
        'sen-workforce-training-standards/sen-workforce-training-standards-consultation-document.json',
      ),
    );
    const fromApi = questionsFromDocument(parse(item.details.body), DOCUMENT);
    expect(fromApi).toEqual(questionsFromDocument(loadFixtureDocument(DOCUMENT), DOCUMENT));
    // The page's contents list and print metadata hold no questions of their own.
    expect(fromApi).toHaveLength(4);
  });

  it('reads a numbered list under a questions heading, starting where the list starts', () => {
    const doc = parse(`<div class="govspeak"><h2 id="q">Consultation questions</h2>
      <ol start="5"><li>Do you agree with the proposed standard?<ul><li>Yes</li><li>No</li></ul></li>
      <li>What else should SENCOs be trained in?</li></ol></div>`);
    expect(questionsFromDocument(doc, DOCUMENT)).toEqual([
      expect.objectContaining({
        number: '5',
        text: 'Do you agree with the proposed standard?',
        options: ['Yes', 'No'],
      }),
      expect.objectContaining({
        number: '6',
        text: 'What else should SENCOs be trained in?',
        options: [],
      }),
    ]);
  });

  it('invents nothing from prose that mentions a question, or a list under another heading', () => {
    const doc = parse(`<div class="govspeak"><h2 id="a">Background</h2>
      <p>Question 3 asks about funding, which the 2022 review discussed.</p>
      <ol><li>Schools must publish a SEN information report.</li></ol>
      <h2 id="q4">Q4 2025 figures</h2><p>Numbers rose.</p></div>`);
    expect(questionsFromDocument(doc, DOCUMENT)).toEqual([]);
  });

  it.each(
    readdirSync(REAL_PUBLICATIONS).filter((name) => name.endsWith('.json')),
  )('finds no questions in GOV.UK’s example HTML publication %s, which has none', (name) => {
    // Through the schema the view reads a document's Content API item with.
    const item = HtmlPublicationItem.parse(read(join(REAL_PUBLICATIONS, name)));
    const doc = parse(item.details.body);
    // The body is read: its headings are there, and not one is taken for a question.
    expect(doc.querySelector('.govspeak')).not.toBeNull();
    expect(questionsFromDocument(doc, `https://www.gov.uk${item.base_path}`)).toEqual([]);
  });

  it('knows a document of a consultation from the consultation itself', () => {
    expect(consultationOfDocument(new URL(DOCUMENT))).toEqual({
      key: 'consultation:sen-workforce-training-standards',
      url: 'https://www.gov.uk/government/consultations/sen-workforce-training-standards',
    });
    expect(
      consultationOfDocument(
        new URL('https://www.gov.uk/government/consultations/sen-workforce-training-standards'),
      ),
    ).toBeNull();
    expect(
      consultationOfDocument(new URL('https://example.org/government/consultations/a/b')),
    ).toBeNull();
  });

  it('finds every real HTML publication at its parent’s path plus one segment, as the rule assumes', () => {
    const names = readdirSync(REAL_PUBLICATIONS).filter((name) => name.endsWith('.json'));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const item = read(join(REAL_PUBLICATIONS, name));
      const parent: string = item.links.parent[0].base_path;
      // A translation's parent carries its locale (`.ar`); its documents sit under the bare slug.
      const under = item.base_path.slice(0, item.base_path.lastIndexOf('/'));
      expect(parent.replace(/\.[a-z]{2}$/, ''), name).toBe(under);
      // The same shape under consultations is what the rule reads.
      const asConsultation = new URL(
        `https://www.gov.uk${item.base_path.replace('/government/publications/', '/government/consultations/')}`,
      );
      expect(consultationOfDocument(asConsultation)?.url, name).toBe(
        `https://www.gov.uk${under.replace('/government/publications/', '/government/consultations/')}`,
      );
    }
  });

  it('recognises a document page by GOV.UK’s schema name, and reads its title', () => {
    const page = loadFixtureDocument(DOCUMENT);
    expect(recognisesDocument(page)).toBe(true);
    expect(documentTitle(page)).toBe('SEN workforce training standards: consultation document');
    const consultation = loadFixtureDocument(
      'https://www.gov.uk/government/consultations/sen-workforce-training-standards',
    );
    expect(recognisesDocument(consultation)).toBe(false);
  });
});

const jsonIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? jsonIn(join(dir, entry.name))
      : entry.name.endsWith('.json') && !entry.name.includes('schema')
        ? [join(dir, entry.name)]
        : [],
  );

describe("a consultation's ways to respond", () => {
  it.each(
    jsonIn(REAL_ITEMS).map((file) => [file.slice(REAL_ITEMS.length + 1), file]),
  )('gives GOV.UK’s example %s’s ways to respond as it has them', (_name, file) => {
    const raw = read(file);
    const ways = raw.details.ways_to_respond;
    const result = waysToRespond(ConsultationContentItem.parse(raw));
    if (!ways) {
      expect(result).toBeNull();
      return;
    }
    expect(result).toEqual({
      online: ways.link_url ?? null,
      email: ways.email ?? null,
      postalAddress: ways.postal_address ? ways.postal_address.split('\n') : [],
      form: ways.attachment_url ?? null,
    });
  });

  it('gives the fixture consultation’s link, email and address, line by line', () => {
    const item = ConsultationContentItem.parse(
      read(join(CONSULTATIONS, 'sen-workforce-training-standards.json')),
    );
    expect(waysToRespond(item)).toEqual(WORKFORCE_WAYS);
  });

  it('refuses a respond-online link that is not https', () => {
    const item = ConsultationContentItem.parse(
      read(join(CONSULTATIONS, 'sen-workforce-training-standards.json')),
    );
    item.details.ways_to_respond = { link_url: 'javascript:alert(1)' };
    expect(waysToRespond(item)).toBeNull();
  });
});

describe("a consultation's HTML documents", () => {
  it.each(
    jsonIn(REAL_ITEMS).map((file) => [file.slice(REAL_ITEMS.length + 1), file]),
  )('lists GOV.UK’s example %s’s featured html attachments (it has only files)', (_name, file) => {
    const raw = read(file);
    const html = (raw.details.attachments ?? []).filter(
      (a: { attachment_type: string; id: string }) =>
        a.attachment_type === 'html' && raw.details.featured_attachments?.includes(a.id),
    );
    expect(htmlDocuments(ConsultationContentItem.parse(raw))).toHaveLength(html.length);
  });

  it('gives the fixture consultation’s document, whose page and item the fixture site serves', () => {
    const item = ConsultationContentItem.parse(
      read(join(CONSULTATIONS, 'sen-workforce-training-standards.json')),
    );
    const documents = htmlDocuments(item);
    expect(documents).toEqual([
      {
        title: 'SEN workforce training standards: consultation document',
        path: new URL(DOCUMENT).pathname,
      },
    ]);
    // Its Content API item is there, under the same path, and reads as an HTML publication.
    const document = HtmlPublicationItem.parse(
      read(join(API_ROOT, 'www.gov.uk/api/content', `${documents[0]?.path}.json`)),
    );
    expect(document.links.parent?.[0]?.base_path).toBe(item.base_path);
  });

  it('leaves out an html attachment that is not under the consultation’s path', () => {
    const item = ConsultationContentItem.parse(
      read(join(CONSULTATIONS, 'sen-workforce-training-standards.json')),
    );
    const [first] = item.details.attachments ?? [];
    if (!first) throw new Error('no attachment');
    first.url = 'https://www.gov.uk/government/publications/something-else';
    expect(htmlDocuments(item)).toEqual([]);
  });
});
