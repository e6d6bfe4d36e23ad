import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startDocumentPage } from '../components/card/document-page';
import { startPanel } from '../components/content/start-panel';
import { tellView } from '../components/view/report-tab';
import { consultationReader } from '../utils/pages/consultation';
import { consultationOfDocument } from '../utils/pages/consultation-document';

// GOV.UK's consultation pages and their HTML documents, injected by the background
// (utils/inject/page-scripts.ts). A document is no page of its own, but its questions are read there.
export default defineUnlistedScript(() =>
  startPanel({ consultation: consultationReader }, (url) =>
    consultationOfDocument(url) ? startDocumentPage(url, document) : tellView({ status: 'none' }),
  ),
);
