import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { MARKS } from '../../components/marks';
import { extensionApi } from '../../utils/messaging/extension-api';
import { afterPageLoad } from './after-page-load';

// The only script the browser injects (manifest `content_scripts` in wxt.config.ts, at
// document_start): it waits for the page's `load` event, then imports the panel module (Preact,
// the schemas, the page readers). Run while the page loaded, those ~120 KB made the load event
// three times later (`npm run bench`, page_load_overhead_ratio). This is an unlisted script, not
// WXT's content-script entry, because that entry sets up the API polyfill at injection (~13 ms).

export default defineUnlistedScript(() => {
  // Timeline marks for `npm run bench` and the E2E tests; they carry no data.
  performance.mark(MARKS.injected);
  afterPageLoad(window, () => {
    performance.mark(MARKS.loadPanel);
    void import(/* @vite-ignore */ extensionApi().runtime.getURL('/content-panel.js'));
  });
});
