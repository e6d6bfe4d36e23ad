import { takeHanded } from '../../utils/inject/handed';
import { whenExtensionGone } from '../../utils/messaging/page-channel';
import type { PageReaders } from '../../utils/pages/page-module';
import { detectPage, type ExtractResult, extractPage } from '../../utils/pages/registry';
import { watchForLateContent } from '../../utils/pages/watch';
import { createCard } from '../card/Card';
import cardCss from '../card/card.css?inline';
import { askEarly, cardAnswersIn, type EarlyAnswers, settingsFrom } from '../card/early-answers';
import { mountClosedRoot } from '../card/mount';
import { type Measured, measureForPlacement } from '../card/watch-placement';
import { MARKS } from '../marks';
import { reportTab, tellView } from '../view/report-tab';

/**
 * The card and the rest of the page's work on one site's pages (entrypoints/content-*.ts, run
 * once per document by `runOnce`), with that site's `readers`.
 */
export function startPanel(readers: PageReaders): void {
  const url = new URL(location.href);
  // Injected only into supported pages (utils/inject/page-scripts.ts), unless it moved since.
  if (!detectPage(url)) {
    tellView({ status: 'none' });
    performance.mark(MARKS.done);
    return;
  }
  // The card's questions go first: nothing else is on their way. What the background handed
  // over with the script (the settings, a kept summary) needs no round trip at all.
  const handed = takeHanded();
  const settings = settingsFrom(handed);
  let result = extractPage(url, document, readers);
  const early = result && askEarly(result, settings, handed?.card);
  // Each read is also told to the view beside the page (components/view/report-tab.ts); the
  // first once the card is drawn, as the report reads every passage the card does not need.
  let firstReport: (() => void) | null = () => {
    firstReport = null;
    reportTab(result, readers);
  };
  let redraw: (() => void) | null = null;
  const watching = new AbortController();
  let mounted = false;
  // The CSS is bundled in, not fetched: no round trip before the card can draw.
  let root: ReturnType<typeof mountClosedRoot> | null = null;
  const rootOf = () => {
    root ??= mountClosedRoot(document, cardCss);
    return root;
  };
  let unmount = () => root?.host.remove();

  const mount = (
    first: ExtractResult,
    asked: EarlyAnswers = askEarly(first, settings, handed?.card),
    measured?: Measured,
  ) => {
    mounted = true;
    const visitId = crypto.randomUUID();
    const { host, container } = rootOf();
    const card = createCard(container, { result: first, visitId, early: asked, host, measured });
    redraw = () => result && card.update(result);
    unmount = () => {
      // Takes off every listener, observer, port, highlight and link mark.
      card.destroy();
      host.remove();
    };
  };

  // The extension reloaded or updated: this script can no longer reach it, so the page keeps
  // nothing of it (the new version is injected only into pages loaded after). Watched once the
  // card is drawn: opening its port costs the draw otherwise.
  const watchGone = () =>
    whenExtensionGone(() => {
      // Nor is the view told anything more: this script can no longer reach the extension.
      firstReport = null;
      watching.abort();
      unmount();
    });

  // A page still filling in is read again until it settles. A supported URL whose document is
  // not the page (an error page, a challenge) gets no panel, and so leaves no trace, unless the
  // page turns into it. The watch ends by itself after 15 s.
  watchForLateContent(watching.signal, document, () => {
    firstReport = null;
    const next = reportTab(extractPage(url, document, readers), readers);
    if (!next || JSON.stringify(next) === JSON.stringify(result)) return;
    const shown = result !== null;
    result = next;
    if (mounted) redraw?.();
    // Not mounted while the first answers are on their way: that mount draws this read.
    else if (!shown) mount(next);
  });
  if (!early) {
    watchGone();
    firstReport();
    performance.mark(MARKS.done);
    return;
  }
  // The empty root goes on the page while the answers are on their way, so its styles are
  // ready when the card draws, and the page is measured for the card's place meanwhile.
  const measured = measureForPlacement(document, rootOf().host);
  const measuredRead = result;
  // The card mounts once its answers are in (or the summary is still on the network): with them
  // already there, it is drawn and placed in that one task, while no other work of this script
  // makes their replies wait.
  void cardAnswersIn(early).then(() => {
    // A page read again since was measured as it was then: the card measures it anew.
    if (!mounted && result) mount(result, early, result === measuredRead ? measured : undefined);
    performance.mark(MARKS.done);
    // In a task of its own: the card draws with its answers as this one ends, and opening the
    // port first would hold that draw back.
    setTimeout(watchGone);
    requestIdleCallback(() => firstReport?.(), { timeout: 500 });
  });
}
