// Response drafts for the unit tests and the bench: the layout of a campaign group's real
// response (the seed, ../shared/seeds/001_…): a Likert question, the group's numbered points,
// an expert's quoted view, then views gathered from parents; evidence from a petition's
// government response and a minister's contribution, as the user's bookmarks hold them.

import { evidenceFrom } from '../utils/respond/draft';
import type { Annotation } from '../utils/storage/records';
import type { DraftQuestion, ResponseDraft } from '../utils/storage/response-draft';

export const DOCUMENT =
  'https://www.gov.uk/government/consultations/sen-workforce-training-standards/sen-workforce-training-standards-consultation-document';
export const LIKERT = [
  'Strongly agree',
  'Agree',
  'Neither agree nor disagree',
  'Disagree',
  'Strongly disagree',
];

export const petitionResponse: Annotation = {
  id: 'note-petition-response',
  kind: 'bookmark',
  pageKey: 'petition:592213',
  pageUrl: 'https://petition.parliament.uk/archived/petitions/592213',
  pageTitle: 'Require School SENCOs to be fully qualified for the role.',
  pageKind: 'petition',
  target: {
    quote: {
      type: 'TextQuoteSelector',
      exact:
        'Through the SEND Review, we are considering how to improve the training of SENCOs so that they have the expertise to lead SEN provision.',
      prefix: '',
      suffix: '',
    },
    position: { type: 'TextPositionSelector', start: 100, end: 236 },
  },
  bookmark: { label: 'Government response', date: '2021-09-29' },
  note: '',
  tags: [],
  colour: 'yellow',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
};

export const ministerContribution: Annotation = {
  ...petitionResponse,
  id: 'note-minister',
  pageKey: 'debate:BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40',
  pageUrl:
    'https://hansard.parliament.uk/Commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/SpecialEducationalNeedsAndDisabilitiesReview',
  pageTitle: 'Special Educational Needs and Disabilities Review',
  pageKind: 'debate',
  target: {
    quote: {
      type: 'TextQuoteSelector',
      exact: 'We will introduce a new leadership-level SENCo national professional qualification.',
      prefix: '',
      suffix: '',
    },
    position: { type: 'TextPositionSelector', start: 5000, end: 5083 },
  },
  bookmark: { label: 'The Secretary of State for Education (Nadhim Zahawi)', date: '2022-03-29' },
};

let counter = 0;
export const testId = () => `id-${++counter}`;

export function answeredQuestion(n: number, quotes: number): DraftQuestion {
  const sources = [petitionResponse, ministerContribution];
  return {
    id: `question-${n}`,
    number: String(n),
    text: `To what extent do you agree or disagree that we should introduce a new mandatory SENCo NPQ (question ${n})?`,
    options: LIKERT,
    source: { from: 'document', documentUrl: DOCUMENT, heading: 'Training standards for SENCOs' },
    vanished: false,
    answer: {
      option: 'Agree',
      points: [
        `It seems that many teachers do support the idea of an NPQ (point for ${n}).`,
        'However, it is important not to throw out the esteemed academic qualification.',
      ],
      evidence: Array.from({ length: quotes }, (_, i) =>
        evidenceFrom(sources[i % 2] as Annotation, () => `evidence-${n}-${i}`),
      ),
      views: [
        {
          id: `view-${n}-1`,
          text: 'Too often SEND provision is bolt-on, rather than built-in.',
          attribution: 'Our SENCo columnist',
        },
        {
          id: `view-${n}-2`,
          text: 'Sencos should only be employed for that role alone.',
          attribution: null,
        },
      ],
    },
  };
}

export function sampleDraft(questions = 2, quotesPerQuestion = 2): ResponseDraft {
  return {
    key: 'consultation:sen-workforce-training-standards',
    url: 'https://www.gov.uk/government/consultations/sen-workforce-training-standards',
    title: 'SEN workforce: training standards for SENCOs and support staff',
    closesOn: '2026-12-20',
    questions: Array.from({ length: questions }, (_, i) =>
      answeredQuestion(i + 1, quotesPerQuestion),
    ),
    createdAt: 1_764_000_000_000,
    updatedAt: 1_764_000_000_000,
    revision: 0,
  };
}
