import { render } from 'preact';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Card } from '../components/card/Card';
import cardCss from '../components/card/card.css?inline';
import { askEarly } from '../components/panel/early-answers';
import { PANEL_HOST_ATTRIBUTE, PANEL_NAME } from '../components/panel/host';
import { MARKS } from '../components/panel/marks';
import { detectPage, type ExtractResult, extractPage } from '../utils/pages/registry';
import { watchForLateContent } from '../utils/pages/watch';

// The card half of the content script: imported by `content-boot` once the page has loaded,
// and run in the same isolated world (ARCHITECTURE.md, "Why the content script comes in two
// stages").
export default defineUnlistedScript(async () => {
  // Timeline marks for `npm run bench` and the E2E tests; they carry no data.
  performance.mark(MARKS.start);
  const url = new URL(location.href);
  if (!detectPage(url)) {
    performance.mark(MARKS.done);
    return;
  }
  const read = () => extractPage(url, document);
  const ctx = new ContentScriptContext('content-panel');
  let result = read();
  let redraw: (() => void) | null = null;

  const mount = async (first: ExtractResult) => {
    const visitId = crypto.randomUUID();
    const early = askEarly(first);
    const createUi = (name: string) =>
      createShadowRootUi(ctx, {
        name,
        // The CSS is bundled in, not fetched: no round trip before the card can draw.
        css: cardCss,
        position: 'inline',
        // Closed: no page script reaches the card, the notes' highlights or the link cards.
        mode: 'closed',
        anchor: 'body',
        append: 'last',
        onMount(container, _shadow, host) {
          host.setAttribute(PANEL_HOST_ATTRIBUTE, '');
          redraw = () =>
            result &&
            render(<Card result={result} visitId={visitId} early={early} host={host} />, container);
          redraw();
          return container;
        },
        onRemove(container) {
          if (container) render(null, container);
        },
      });
    // A page that defined the element's name first owns what it creates (its own shadow root, so
    // ours cannot attach): the panel then mounts under a name the page cannot know.
    const ui = await createUi(PANEL_NAME).catch(() =>
      createUi(`${PANEL_NAME}-${crypto.randomUUID().slice(0, 8)}`),
    );
    ui.mount();
  };

  // A page still filling in is read again until it settles. A supported URL whose document is
  // not the page (an error page, a challenge) gets no panel, and so leaves no trace, unless the
  // page turns into it.
  watchForLateContent(ctx.signal, document, () => {
    const next = read();
    if (!next || JSON.stringify(next) === JSON.stringify(result)) return;
    const mounted = result !== null;
    result = next;
    if (mounted) redraw?.();
    else void mount(next);
  });
  if (result) await mount(result);
  performance.mark(MARKS.done);
});
