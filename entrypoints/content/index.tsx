import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { askEarly } from '../../components/panel/early-answers';
import { MARKS } from '../../components/panel/marks';
import { Panel } from '../../components/panel/Panel';
import panelCss from '../../components/panel/panel.css?inline';
import { HOSTS } from '../../utils/pages/hosts';
import { detectPage, extractPage } from '../../utils/pages/registry';
import { watchForLateContent } from '../../utils/pages/watch';

// One content script for all three sites: the page registry decides what, if
// anything, this page is (see ARCHITECTURE.md).
export default defineContentScript({
  matches: [
    `https://${HOSTS.petitions}/*`,
    `https://${HOSTS.govuk}/government/consultations/*`,
    `https://${HOSTS.hansard}/*`,
  ],
  runAt: 'document_idle',
  // The panel's CSS is bundled in, not fetched: no round trip, and nothing web-accessible.
  cssInjectionMode: 'manual',
  async main(ctx) {
    // Timeline marks for `npm run bench`; they carry no data.
    performance.mark(MARKS.start);
    const url = new URL(location.href);
    if (!detectPage(url)) return;
    const visitId = crypto.randomUUID();
    const read = () => extractPage(url, document);
    let result = read();
    if (!result) return;
    const early = askEarly(result);

    const ui = await createShadowRootUi(ctx, {
      name: 'civic-thread-panel',
      css: panelCss,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        const draw = () =>
          result && render(<Panel result={result} visitId={visitId} early={early} />, container);
        draw();
        // A page still filling in is read again until it settles.
        watchForLateContent(ctx.signal, document, () => {
          const next = read();
          if (next && JSON.stringify(next) !== JSON.stringify(result)) {
            result = next;
            draw();
          }
        });
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
