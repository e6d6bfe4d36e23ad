import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startDocumentPage } from '../components/card/document-page';
import { runOnce } from '../components/content/run-once';
import { MARKS } from '../components/marks';

// A consultation's HTML documents, injected by the background (utils/inject/page-scripts.ts):
// no page of its own, no card, but its questions are read there and "Add as question" works.
export default defineUnlistedScript(() =>
  runOnce(() => {
    startDocumentPage(new URL(location.href), document);
    performance.mark(MARKS.done);
  }),
);
