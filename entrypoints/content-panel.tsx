import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Card } from '../components/card/Card';
import cardCss from '../components/card/card.css?inline';
import { mountClosedRoot } from '../components/card/mount';
import { askEarly } from '../components/panel/early-answers';
import { MARKS } from '../components/panel/marks';
import { reportTab } from '../components/view/report-tab';
import { detectPage, type ExtractResult, extractPage } from '../utils/pages/registry';
import { watchForLateContent } from '../utils/pages/watch';

// The card half of the content script: imported by `content-boot` once the page has loaded,
// and run in the same isolated world (ARCHITECTURE.md, "Why the content script comes in two
// stages").
export default defineUnlistedScript(() => {
  // Timeline marks for `npm run bench` and the E2E tests; they carry no data.
  performance.mark(MARKS.start);
  const url = new URL(location.href);
  if (!detectPage(url)) {
    reportTab(null);
    performance.mark(MARKS.done);
    return;
  }
  // Each read is also told to the view beside the page (components/view/report-tab.ts).
  const read = () => reportTab(extractPage(url, document));
  let result = read();
  let redraw: (() => void) | null = null;

  const mount = (first: ExtractResult) => {
    const visitId = crypto.randomUUID();
    const early = askEarly(first);
    // The CSS is bundled in, not fetched: no round trip before the card can draw.
    const { host, container } = mountClosedRoot(document, cardCss);
    redraw = () =>
      result &&
      render(<Card result={result} visitId={visitId} early={early} host={host} />, container);
    redraw();
  };

  // A page still filling in is read again until it settles. A supported URL whose document is
  // not the page (an error page, a challenge) gets no panel, and so leaves no trace, unless the
  // page turns into it.
  // Nothing stops the watch early: it ends by itself after 15 s.
  watchForLateContent(new AbortController().signal, document, () => {
    const next = read();
    if (!next || JSON.stringify(next) === JSON.stringify(result)) return;
    const mounted = result !== null;
    result = next;
    if (mounted) redraw?.();
    else mount(next);
  });
  if (result) mount(result);
  performance.mark(MARKS.done);
});
