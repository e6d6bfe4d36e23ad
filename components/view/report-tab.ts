import { targetOfElement } from '../../utils/annotations/passage';
import { extensionApi } from '../../utils/messaging/extension-api';
import { sendPageRequest } from '../../utils/messaging/page-client';
import { ReportAgain } from '../../utils/messaging/page-protocol';
import type { TabReport } from '../../utils/messaging/tab-report';
import {
  consultationOfDocument,
  documentTitle,
  recognisesDocument,
} from '../../utils/pages/consultation-document';
import type { PageReaders } from '../../utils/pages/page-module';
import { type ExtractResult, findResponses } from '../../utils/pages/registry';
import { readPage } from '../notes/annotations';
import { VIEW_MARKS } from './marks';

/**
 * What this tab shows, for the view beside it: the context and the passages it can bookmark,
 * found by the site's `readers`.
 */
export function reportOf(
  result: ExtractResult | null,
  doc: Document,
  readers: PageReaders,
): TabReport {
  if (!result) return { status: 'none' };
  if (!result.ok) {
    return { status: 'unreadable', kind: result.kind, key: result.key, reason: result.reason };
  }
  const blocks = findResponses(result.context, doc, readers);
  const model = blocks.length > 0 ? readPage(doc) : null;
  const offers = blocks.flatMap((block) => {
    const target = model && targetOfElement(model, block.element);
    return target ? [{ label: block.label, date: block.date, target }] : [];
  });
  return { status: 'page', context: result.context, offers };
}

/**
 * What this tab shows when it is one of a consultation's HTML documents (the view offers that
 * consultation's response workspace), or null: not such a document, or not yet.
 */
export function documentReportOf(url: URL, doc: Document): TabReport | null {
  const consultation = consultationOfDocument(url);
  return consultation && recognisesDocument(doc)
    ? { status: 'document', consultation, title: documentTitle(doc) }
    : null;
}

/** What this tab showed when last read; the notes not anchored are added as they are told. */
let latest: TabReport | null = null;
let sent = '';
let orphans: string[] = [];

/** `latest` as the view is told it: a page's, with the notes that lost their passage. */
const told = (report: TabReport): TabReport =>
  report.status === 'page' && orphans.length > 0 ? { ...report, orphans } : report;

function send(report: TabReport) {
  const text = JSON.stringify(report);
  if (text !== sent) {
    sent = text;
    performance.mark(VIEW_MARKS.reported);
    void sendPageRequest({ type: 'tab/context', report });
  }
}

/**
 * Tells the view which of the page's notes could not be anchored (the page changed), so it
 * marks them; sent again each time anchoring finds more or fewer.
 */
export function reportOrphans(ids: string[]) {
  orphans = ids;
  if (latest) send(told(latest));
}

/**
 * Tells the background what this tab shows (`tab/context`), each time it changes, and answers
 * the background's `tab/report-again` after a worker restart.
 */
export function tellView(report: TabReport) {
  if (latest === null) {
    extensionApi().runtime.onMessage.addListener((message: unknown, sender) => {
      // Only the extension's own background may ask, and only this question.
      if (sender.id !== extensionApi().runtime.id || !ReportAgain.safeParse(message).success)
        return;
      return Promise.resolve(latest && told(latest));
    });
  }
  latest = report;
  send(told(report));
}

/** Tells the view a read of the page (`tellView`). Returns `result`, so a read can pass through it. */
export function reportTab<T extends ExtractResult | null>(
  result: T,
  readers: PageReaders,
  doc: Document = document,
): T {
  tellView(reportOf(result, doc, readers));
  return result;
}
