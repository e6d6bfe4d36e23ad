import { describe, expect, it } from 'vitest';
import { NO_FACTS } from '../../utils/related/candidates';
import {
  type Candidate,
  EVIDENCE,
  mergeCandidates,
  rank,
  textScores,
} from '../../utils/related/rank';
import { keyPhrase, keyTerms, termsOf, tokenize } from '../../utils/related/terms';

describe('terms', () => {
  it('keeps acronyms in capitals, so SEND the subject never meets send the verb', () => {
    expect(termsOf('Support for SENCOs and SENCo training on SEND')).toEqual([
      'SENCO',
      'SENCO',
      'training',
      'SEND',
    ]);
    expect(termsOf('Send all expenses claims to an auditor')).toEqual([
      'send',
      'expense',
      'claim',
      'auditor',
    ]);
  });

  it('makes words singular, drops stop words, numbers and web addresses', () => {
    expect(
      termsOf('The needs of 300 children with disabilities: https://www.gov.uk/x MPs said'),
    ).toEqual(['need', 'children', 'disability']);
  });

  it('leaves gaps where stop words were, so phrases do not run across them', () => {
    expect(tokenize('needs of children')).toEqual(['need', null, 'children']);
  });

  it('ranks key terms by weighted frequency, a title counting more, labelled as written', () => {
    const terms = keyTerms([
      { text: 'Require School SENCOs to be fully qualified', weight: 3 },
      { text: 'SENCOs must have training on special educational needs.', weight: 1 },
    ]);
    expect(terms[0]).toMatchObject({ token: 'SENCO', label: 'SENCO' });
    expect(terms.map((t) => t.label)).toContain('qualified');
    expect(terms.find((t) => t.token === 'need')?.label).toBe('needs');
  });

  it('finds the phrase a page keeps returning to, and none when nothing repeats', () => {
    const parts = [
      { text: 'Training on special educational needs for SENCOs', weight: 1 },
      { text: 'Children with special educational needs deserve better', weight: 1 },
    ];
    expect(keyPhrase(parts)).toBe('special educational needs');
    expect(keyPhrase([{ text: 'Give schools ring-fenced funding', weight: 3 }])).toBeNull();
    // A three-word run of other words ("community food providers") does not beat a commoner pair.
    expect(
      keyPhrase([
        {
          text: 'Tackling food insecurity: support for food banks and community food providers',
          weight: 3,
        },
        { text: 'How to support food banks and community food providers facing demand', weight: 2 },
        {
          text: 'Food banks give emergency food. Can we reduce the need for food banks?',
          weight: 0.5,
        },
      ]),
    ).toBe('food banks');
  });
});

describe('textScores (MiniSearch BM25+)', () => {
  it('scores documents sharing more and rarer query terms higher', () => {
    const query = [
      { token: 'SENCO', weight: 2 },
      { token: 'training', weight: 1 },
    ];
    const [both, one, none] = textScores(query, [
      ['SENCO', 'training', 'school'],
      ['training', 'driver'],
      ['pothole', 'road'],
    ]);
    expect(both?.score).toBeGreaterThan(one?.score ?? 0);
    expect(both?.matched).toEqual(['SENCO', 'training']);
    expect(none).toEqual({ score: 0, matched: [] });
  });

  it('answers nothing for no documents', () => {
    expect(textScores([{ token: 'x', weight: 1 }], [])).toEqual([]);
  });
});

const candidate = (over: Partial<Candidate> & Pick<Candidate, 'key' | 'title'>): Candidate => ({
  kind: 'petition',
  url: `https://petition.parliament.uk/petitions/${over.key.split(':')[1]}`,
  text: '',
  ...NO_FACTS,
  departments: [],
  evidence: [],
  ...over,
});

const page = {
  key: 'petition:591092',
  terms: keyTerms([
    { text: 'Require School SENCOs to be fully qualified for the role', weight: 3 },
    {
      text: 'SENCOs must have in depth training on special educational needs and SEND.',
      weight: 1,
    },
  ]),
  departments: ['Department for Education'],
};

describe('rank', () => {
  const related = candidate({
    key: 'petition:738842',
    title: 'Give every SENCO protected time in the school week',
    text: 'SENCOs coordinate support for pupils with special educational needs and SEND.',
    departments: ['Department for Education'],
  });
  const trap = candidate({
    key: 'petition:744019',
    title: "Send all MPs' expenses claims to an independent auditor",
    text: 'Send every claim to an auditor so that needs are checked.',
  });
  const sameDepartmentOnly = candidate({
    key: 'petition:620377',
    title: 'Cut university tuition fees',
    text: 'Tuition fees are too high for students.',
    departments: ['Department for Education'],
  });

  it('keeps candidates that share the subject and drops false friends and department-only matches', () => {
    const ranked = rank([trap, related, sameDepartmentOnly], page);
    expect(ranked.map((r) => r.key)).toEqual(['petition:738842']);
    expect(ranked[0]?.reasons).toEqual([
      expect.stringMatching(/^shares key terms: SENCO, /),
      'same department: Department for Education',
    ]);
  });

  it('drops a false friend whose second shared term is one of the page’s weakest', () => {
    // The plant health consultation and the car plant petition of tests/fixtures/api.
    const plantHealth = {
      key: 'consultation:plant-health-import-controls-for-trees-and-plants',
      terms: keyTerms([
        { text: 'Plant health: import controls for trees and plants', weight: 3 },
        {
          text: 'We want views on plant health controls for imported trees and plants to keep pests and diseases such as Xylella out.',
          weight: 2,
        },
        {
          text: 'Imported plants and trees can carry pests and diseases. This consultation proposes new plant health checks on high-risk plants, including host plants of Xylella, and a tree disease research plan.',
          weight: 0.5,
        },
      ]),
      departments: [],
    };
    const carPlant = candidate({
      key: 'petition:760311',
      title: 'Save the Longbridge car plant from closure',
      text: 'The car plant employs three thousand workers. Closure of the plant would devastate the town. Government support to keep the car plant open and protect jobs.',
    });
    const oliveTrees = candidate({
      key: 'petition:760301',
      title: 'Ban imports of olive trees to keep Xylella plant disease out of the UK',
    });
    expect(rank([carPlant, oliveTrees], plantHealth).map((r) => r.key)).toEqual([
      'petition:760301',
    ]);
  });

  it('puts explicit evidence above any text match, and keeps explicit items with no shared text', () => {
    const linked = candidate({
      key: 'debate:BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40',
      kind: 'debate',
      title: 'Oral statement',
      evidence: [
        { reason: 'linked from this page', weight: EVIDENCE.linkedFromPage, explicit: true },
      ],
    });
    const ranked = rank([related, linked], page);
    expect(ranked.map((r) => r.key)).toEqual([linked.key, related.key]);
    expect(ranked[0]).toMatchObject({ explicit: true, reasons: ['linked from this page'] });
  });

  it('never lists the page itself', () => {
    expect(rank([candidate({ key: page.key, title: 'SENCO SENCO SEND' })], page)).toEqual([]);
  });

  it('merges one item found by several searches, keeping every reason and the fuller facts', () => {
    const fromLink = candidate({
      key: 'petition:738842',
      title: 'petition 738842',
      evidence: [{ reason: 'linked from this page', weight: 100, explicit: true }],
    });
    const fromSearch = { ...related, signatureCount: 12_000, state: 'open' };
    const [merged] = mergeCandidates([fromLink, fromSearch]);
    expect(merged).toMatchObject({
      title: related.title,
      signatureCount: 12_000,
      state: 'open',
      evidence: fromLink.evidence,
    });
  });
});
