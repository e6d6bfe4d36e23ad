import { describe, expect, it } from 'vitest';
import { debateReader } from '../../utils/pages/debate';
import { petitionReader } from '../../utils/pages/petition';
import { extractPage } from '../../utils/pages/registry';
import { ALL_READERS, loadFixtureDocument } from '../load-fixture';

const read = (url: string, doc: Document = loadFixtureDocument(url)) =>
  extractPage(new URL(url), doc, ALL_READERS);

describe('extraction from broken or partial pages', () => {
  it('a page is read only by its own site’s readers', () => {
    const url = 'https://petition.parliament.uk/archived/petitions/591092';
    const doc = loadFixtureDocument(url);
    expect(extractPage(new URL(url), doc, { debate: debateReader })).toBeNull();
    expect(extractPage(new URL(url), doc, { petition: petitionReader })).toMatchObject({
      ok: true,
      context: { kind: 'petition', petitionNumber: 591092 },
    });
  });

  it('an empty document at a petition address is not read as a petition', () => {
    expect(read('https://petition.parliament.uk/petitions/100001')).toBeNull();
  });

  it('a page whose content has not arrived yet is not read until the petition is there', () => {
    const url = 'https://petition.parliament.uk/petitions/100002';
    const doc = loadFixtureDocument(url);
    expect(read(url, doc)).toBeNull();
    // What the page's own script does a moment later.
    const late = doc.getElementById('late-content') as HTMLTemplateElement;
    doc.querySelector('main')?.appendChild(late.content.cloneNode(true));
    expect(read(url, doc)).toMatchObject({
      ok: true,
      context: { state: 'open', signatureCount: 8213, unread: [] },
    });
  });

  it('a page missing its signature count section says so and reads the rest', () => {
    expect(read('https://petition.parliament.uk/petitions/100003')).toMatchObject({
      ok: true,
      context: {
        title: 'Give schools ring-fenced funding to meet the needs of every pupil with SEND',
        state: 'open',
        signatureCount: null,
        unread: ['signature count'],
      },
    });
  });

  it('a consultation in a state GOV.UK has not used before', () => {
    const doc = new DOMParser().parseFromString(
      `<html lang="en"><head><meta name="govuk:schema-name" content="consultation"><meta name="govuk:format" content="consultation_preview"><title>Draft - GOV.UK</title></head>
       <body><main><span class="gem-c-heading__context">Draft consultation</span><h1 class="gem-c-heading__text">Draft</h1></main></body></html>`,
      'text/html',
    );
    expect(read('https://www.gov.uk/government/consultations/draft', doc)).toMatchObject({
      ok: true,
      context: { title: 'Draft', state: null, unread: ['dates', 'state'] },
    });
  });

  it('a document with no body at all is no page, and no exception', () => {
    const doc = new DOMParser().parseFromString('<html></html>', 'text/html');
    doc.documentElement.replaceChildren();
    for (const url of [
      'https://petition.parliament.uk/petitions/1',
      'https://www.gov.uk/government/consultations/x',
      'https://hansard.parliament.uk/Commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/X',
    ]) {
      expect(() => read(url, doc)).not.toThrow();
      expect(read(url, doc)).toBeNull();
    }
  });

  it('a Hansard URL with an impossible date is refused as unexpected page content', () => {
    const doc = new DOMParser().parseFromString(
      '<div class="hero-banner-debate"><h1>X</h1></div>',
      'text/html',
    );
    expect(
      read('https://hansard.parliament.uk/Commons/2022-02-31/debates/123/X', doc),
    ).toMatchObject({
      ok: false,
      kind: 'debate',
      // The debate's own shape refuses it, so the reason names the field.
      reason: 'Unexpected page content (sittingDate)',
    });
  });
});
