import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readPage } from '../../components/notes/annotations';
import {
  documentReportOf,
  reportOf,
  reportOrphans,
  reportTab,
} from '../../components/view/report-tab';
import { prepareText } from '../../utils/annotations/code-points';
import { anchor } from '../../utils/annotations/selectors';
import { TabReport } from '../../utils/messaging/tab-report';
import { PETITION_RESPONSE } from '../../utils/pages/responses';
import { cleanText } from '../../utils/pages/text';
import { ALL_READERS, extractFixture, loadFixtureDocument } from '../load-fixture';

const SENCO = 'https://petition.parliament.uk/archived/petitions/591092';
const CONSULTATION = 'https://www.gov.uk/government/consultations/sen-workforce-training-standards';
const DOCUMENT = `${CONSULTATION}/sen-workforce-training-standards-consultation-document`;

describe('what the content script tells the view', () => {
  it('the page’s context and its bookmarkable response, by selectors that find it again', () => {
    const doc = loadFixtureDocument(SENCO);
    const report = reportOf(extractFixture(SENCO), doc, ALL_READERS);
    expect(TabReport.safeParse(report).error).toBeUndefined();
    if (report.status !== 'page') throw new Error(report.status);
    expect(report.context.key).toBe('petition:591092');
    expect(report.offers.map(({ label, date }) => ({ label, date }))).toEqual([
      { label: 'Government response', date: '2021-09-29' },
    ]);
    const offer = report.offers[0];
    if (!offer) throw new Error('no offer');
    // The whole response, as the page prints it.
    expect(cleanText(offer.target.quote.exact)).toBe(
      cleanText(doc.querySelector(PETITION_RESPONSE)?.textContent),
    );
    // A bookmark saved from the view is painted on the page at the same place.
    const found = anchor(prepareText(readPage(doc).text), offer.target);
    expect(found?.start).toBe(offer.target.position.start);
  });

  it('nothing for a page that is not recognised, and the reason for one that could not be read', () => {
    expect(reportOf(null, document, ALL_READERS)).toEqual({ status: 'none' });
    expect(
      reportOf(
        { ok: false, kind: 'debate', key: 'debate:x', reason: 'no title' },
        document,
        ALL_READERS,
      ),
    ).toEqual({ status: 'unreadable', kind: 'debate', key: 'debate:x', reason: 'no title' });
  });

  it('a consultation’s HTML document as its consultation and title; nothing for any other document', () => {
    const report = documentReportOf(new URL(DOCUMENT), loadFixtureDocument(DOCUMENT));
    expect(TabReport.parse(report)).toEqual({
      status: 'document',
      consultation: { key: 'consultation:sen-workforce-training-standards', url: CONSULTATION },
      title: 'SEN workforce training standards: consultation document',
    });
    // The consultation's own page, served at a document's address (no HTML publication there).
    expect(documentReportOf(new URL(DOCUMENT), loadFixtureDocument(CONSULTATION))).toBeNull();
    expect(documentReportOf(new URL(CONSULTATION), loadFixtureDocument(CONSULTATION))).toBeNull();
  });

  it('answers the background’s “report again”, and no one else', async () => {
    const doc = loadFixtureDocument(SENCO);
    const result = extractFixture(SENCO);
    expect(reportTab(result, ALL_READERS, doc)).toBe(result);
    const ask = (message: unknown, sender: { id?: string }) =>
      fakeBrowser.runtime.onMessage.trigger(message, sender);
    const [answer] = await ask({ type: 'tab/report-again' }, { id: fakeBrowser.runtime.id });
    expect(answer).toMatchObject({ status: 'page', context: { key: 'petition:591092' } });
    expect(await ask({ type: 'tab/report-again' }, { id: 'another-extension' })).toEqual([
      undefined,
    ]);
    expect(await ask({ type: 'report' }, { id: fakeBrowser.runtime.id })).toEqual([undefined]);
  });

  it('tells which notes lost their passage, with the page, and again when that changes', async () => {
    const doc = loadFixtureDocument(SENCO);
    const result = extractFixture(SENCO);
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      sent.push(message);
      return Promise.resolve({ ok: true, data: {} });
    });
    const again = async () =>
      (
        await fakeBrowser.runtime.onMessage.trigger(
          { type: 'tab/report-again' },
          { id: fakeBrowser.runtime.id },
        )
      ).find(Boolean);
    reportTab(result, ALL_READERS, doc);
    reportOrphans(['note-1']);
    expect(await again()).toMatchObject({ status: 'page', orphans: ['note-1'] });
    // A page read again keeps them; once anchoring finds the passage, they are gone.
    reportTab(result, ALL_READERS, doc);
    expect(await again()).toMatchObject({ orphans: ['note-1'] });
    reportOrphans([]);
    const report = TabReport.parse(await again());
    expect(report.status === 'page' && report.orphans).toBeUndefined();
    const told = sent.flatMap((message) =>
      (message as { type?: string }).type === 'tab/context'
        ? [(message as { report: { orphans?: string[] } }).report.orphans ?? []]
        : [],
    );
    expect(told.slice(-2)).toEqual([['note-1'], []]);
  });
});
