import { describe, expect, it } from 'vitest';
import type { PageKind } from '../../utils/pages/context';
import { detectPage, linkedPages, PAGE_ADDRESSES } from '../../utils/pages/registry';

/**
 * Real-shaped URLs each kind must accept; the cross-check makes every other kind reject them.
 * Adding a kind of page adds its examples here.
 */
const EXAMPLES: Record<PageKind, readonly string[]> = {
  petition: [
    'https://petition.parliament.uk/petitions/701234',
    'https://petition.parliament.uk/petitions/654321/',
    'https://petition.parliament.uk/archived/petitions/592213',
    'https://petition.parliament.uk/petitions/654321?reveal_response=yes',
    'https://petition.parliament.uk/petitions/702222#rejection',
  ],
  consultation: [
    'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time',
    'https://www.gov.uk/government/consultations/sen-workforce-training-standards.cy',
    'https://www.gov.uk/government/consultations/alternative-provision-funding-review/',
    'https://www.gov.uk/government/consultations/sen-workforce-training-standards#history',
  ],
  debate: [
    'https://hansard.parliament.uk/Commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/SpecialEducationalNeedsAndDisabilitiesReview',
    'https://hansard.parliament.uk/commons/2022-03-29/debates/ba5ecf7c-e120-4602-8bcf-6db70d9cff40/SpecialEducationalNeedsAndDisabilitiesReview',
    'https://hansard.parliament.uk/Lords/2023-03-02/debates/5E7A1C2D-0B8F-4A3E-9C61-2D4F8E9A7B10/SpecialEducationalNeeds(Amendment)',
    'https://hansard.parliament.uk/Commons/2015-01-12/debates/15011245000001/Petitions#contribution-15011245000034',
    'https://hansard.parliament.uk/Commons/1975-01-14/debates/e0279e7f-6655-463f-ae5a-e39aa443a117/OralAnswersToQuestions',
  ],
};

/** Pages on the same sites that must get no panel. */
const LOOK_ALIKES = [
  'https://petition.parliament.uk/',
  'https://petition.parliament.uk/petitions',
  'https://petition.parliament.uk/petitions?state=open',
  'https://petition.parliament.uk/petitions/701234.json',
  'https://petition.parliament.uk/petitions/701234/count.json',
  'https://petition.parliament.uk/petitions/701234/map',
  'https://petition.parliament.uk/petitions/701234/signatures/new',
  'https://petition.parliament.uk/petitions/check',
  'https://petition.parliament.uk/archived/petitions',
  'https://petition.parliament.uk/archived/petitions?parliament=4',
  'https://petition.parliament.uk/help',
  'http://petition.parliament.uk/petitions/701234',
  'https://petition.parliament.uk.evil.example/petitions/701234',
  'https://www.gov.uk/government/consultations',
  'https://www.gov.uk/government/news/ambitious-reform-for-children-and-young-people-with-send',
  'https://www.gov.uk/government/publications/send-and-ap-green-paper-responding-to-the-consultation',
  'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time/outcome/send-review-summary',
  'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time/public-feedback/responses',
  'https://www.gov.uk/search/policy-papers-and-consultations?content_store_document_type=open_consultations',
  'https://www.gov.uk/api/content/government/consultations/send-review-right-support-right-place-right-time',
  'https://gov.uk/government/consultations/send-review-right-support-right-place-right-time',
  'https://hansard.parliament.uk/',
  'https://hansard.parliament.uk/search/Debates?searchTerm=SEND',
  'https://hansard.parliament.uk/search/Contributions?searchTerm=SENCO',
  'https://hansard.parliament.uk/Commons/2022-03-29',
  'https://hansard.parliament.uk/Commons/2022-03-29/debates/not-a-guid/Title',
  'https://hansard.parliament.uk/Commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/Title/extra',
  'https://hansard.parliament.uk/Commons/2022-03-29/writtenstatements',
  'https://hansard-api.parliament.uk/debates/debate/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40.json',
];

describe('page detectors', () => {
  for (const module of PAGE_ADDRESSES) {
    describe(module.kind, () => {
      it.each(EXAMPLES[module.kind])('accepts its own example %s', (example) => {
        expect(module.keyFor(new URL(example))).not.toBeNull();
      });

      const others = PAGE_ADDRESSES.filter((other) => other !== module).flatMap(
        (other) => EXAMPLES[other.kind],
      );
      it.each([...others, ...LOOK_ALIKES])('rejects %s', (url) => {
        expect(module.keyFor(new URL(url))).toBeNull();
      });
    });
  }

  it('gives live and archived petitions the same key', () => {
    expect(detectPage(new URL('https://petition.parliament.uk/petitions/592213'))).toEqual(
      detectPage(new URL('https://petition.parliament.uk/archived/petitions/592213/')),
    );
  });

  it('gives a consultation and its Welsh translation the same key', () => {
    const english = detectPage(new URL('https://www.gov.uk/government/consultations/a-b-c'));
    expect(english).toEqual({ kind: 'consultation', key: 'consultation:a-b-c' });
    expect(detectPage(new URL('https://www.gov.uk/government/consultations/a-b-c.cy'))).toEqual(
      english,
    );
  });

  it('keys a Hansard debate by its id, whatever the case of house, id or slug', () => {
    const lower = detectPage(
      new URL(
        'https://hansard.parliament.uk/commons/2022-03-29/debates/ba5ecf7c-e120-4602-8bcf-6db70d9cff40/x',
      ),
    );
    expect(lower).toEqual({ kind: 'debate', key: 'debate:BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40' });
    expect(
      detectPage(
        new URL(
          'https://hansard.parliament.uk/Commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40',
        ),
      ),
    ).toEqual(lower);
  });
});

describe('link labels', () => {
  it.each([
    ['https://petition.parliament.uk/archived/petitions/591092', 'Petition 591092'],
    [
      'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time',
      'Consultation: send review right support right place right time',
    ],
    [
      'https://hansard.parliament.uk/commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/SpecialEducationalNeedsAndDisabilitiesReview',
      'Hansard: Special Educational Needs And Disabilities Review (2022-03-29)',
    ],
    [
      'https://hansard.parliament.uk/Lords/2023-03-02/debates/5E7A1C2D-0B8F-4A3E-9C61-2D4F8E9A7B10/SpecialEducationalNeeds(Amendment)',
      'Hansard: Special Educational Needs (Amendment) (2023-03-02)',
    ],
  ])('names a bare link to %s as "%s"', (href, label) => {
    // Pages print the URL with or without its scheme as the link's text.
    for (const text of [href, href.replace(/^https:\/\/(www\.)?/, '')]) {
      const doc = new DOMParser().parseFromString(`<a href="${href}">${text}</a>`, 'text/html');
      expect(
        linkedPages(doc, new URL('https://petition.parliament.uk/petitions/1'), 'petition:1'),
      ).toEqual([expect.objectContaining({ label })]);
    }
  });

  it('keeps the text of a described link, once per target page, and only https links', () => {
    const doc = new DOMParser().parseFromString(
      `<a href="/petitions/2">Fund SEND</a>
       <a href="https://petition.parliament.uk/archived/petitions/2#debate">again</a>
       <a href="http://petition.parliament.uk/petitions/3">insecure</a>
       <a href="javascript:alert(1)">script</a>
       <a href="/petitions/1">myself</a>`,
      'text/html',
    );
    expect(
      linkedPages(doc, new URL('https://petition.parliament.uk/petitions/1'), 'petition:1'),
    ).toEqual([
      {
        kind: 'petition',
        key: 'petition:2',
        url: 'https://petition.parliament.uk/petitions/2',
        label: 'Fund SEND',
      },
    ]);
  });
});
