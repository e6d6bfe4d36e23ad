import { createPainter, type Painter } from '../../utils/annotations/painter';
import { type PageSend, sendPageRequest } from '../../utils/messaging/page-client';
import type { PageContext } from '../../utils/pages/context';
import { PageKind } from '../../utils/pages/context-shape';
import type { ExtractResult } from '../../utils/pages/registry';
import type { CardSummary } from '../../utils/story/card-summary';
import { KIND_LABEL } from '../format';
import { MARKS } from '../marks';
import { type AnnotationsController, createAnnotations, NO_NOTES } from '../notes/annotations';
import { createSelectionToolbar, type SelectionToolbar } from '../notes/SelectionToolbar';
import { showLinkCards } from '../related/LinkCards';
import { paintGroupPassages } from '../sharing/group-passages';
import { reportOrphans } from '../view/report-tab';
import { addQuestion } from './add-question';
import { button, el, placeAt, slot } from './dom';
import type { EarlyAnswers } from './early-answers';
import type { Placement } from './placement';
import { siteLinks } from './site-links';
import { type Measured, watchPlacement } from './watch-placement';

export interface CardOptions {
  result: ExtractResult;
  /** Names this page load, so late re-reads of the page are not counted as new visits. */
  visitId: string;
  send?: PageSend;
  /** Answers already asked for by the content script, used instead of asking again. */
  early?: EarlyAnswers;
  /** The shadow root's host, the origin of the card's document positions. */
  host?: Element;
  /** The page measured while the answers were on their way, for the card's first place. */
  measured?: Measured;
}

type Answer<T> = { status: 'waiting' } | { status: 'ready'; data: T } | { status: 'failed' };

/** The card's box: open, or as its edge tab (which opens the card, or the view where no room). */
type Mode = 'card' | 'tab-expands' | 'tab-opens-view';

/**
 * The compact context card, drawn in `container`: the story's headline for this page, its
 * strongest links with why, and the way to the full view. It sits where it covers none of the
 * page's text (placement.ts); highlights, the selection toolbar and link cards stay on the page
 * with it. Plain DOM, drawn again in place as answers arrive (only what changed is replaced, so
 * focus stays where it is). `update` takes the page as read again; `destroy` takes everything
 * off the page: listeners, observers, ports, highlights, link marks.
 */
export function createCard(container: Element, options: CardOptions) {
  const { visitId, send = sendPageRequest, early, host } = options;
  let measured = options.measured ?? null;
  const doc = container.ownerDocument;
  let result = options.result;
  let collapsed: boolean | null = null;
  let annotateKinds: PageKind[] = [];
  let placement: Placement | null = null;
  let summary: Answer<CardSummary> = { status: 'waiting' };
  let saveProblem: string | null = null;
  let notesState = NO_NOTES;
  let questionProblem: string | null = null;
  let moveFocus = false;
  let destroyed = false;
  let reportedOrphans: string | null = null;

  // Made with the page work: its rules, adopted by the page, have the page's style worked out
  // again, which would otherwise delay the card's first draw.
  let painter: Painter | null = null;
  const painterOf = () => {
    painter ??= createPainter(doc);
    return painter;
  };
  const boxSlot = slot(container);
  // Said wherever the card is, even as an edge tab; the open card also shows it.
  const alertSlot = slot(container);
  let box: {
    toggle: HTMLButtonElement;
    update?: () => void;
  } | null = null;

  const contextOf = () => (result.ok ? result.context : null);
  const openView = () => {
    // Sent in the click's own task: the background opens the side panel within this gesture.
    void send({ type: 'view/open' });
  };

  let notes: AnnotationsController | null = null;
  let notesFor: PageContext | null = null;
  let toolbar: SelectionToolbar | null = null;
  const onHighlight = (range: Range, withNote: boolean) => {
    // The note is written in the full view.
    if (withNote) openView();
    void notes?.highlight({ range, colour: 'yellow', note: '', tags: [] });
  };
  const onAddQuestion = (selected: string) =>
    void addQuestion(send, selected).then((problem) => {
      questionProblem = problem;
      draw();
    });

  /** The notes and the selection toolbar, on pages of the kinds the user annotates. */
  const syncNotes = () => {
    const context = contextOf();
    const annotated = context && annotateKinds.includes(context.kind) ? context : null;
    if (annotated === notesFor) return;
    notes?.destroy();
    notesFor = annotated;
    notes = annotated
      ? createAnnotations(
          annotated,
          send,
          (state) => {
            notesState = state;
            draw();
          },
          { doc, painter: painterOf() },
        )
      : null;
    if (!annotated) {
      toolbar?.destroy();
      toolbar = null;
      return;
    }
    const actions = {
      onHighlight,
      onAddQuestion: annotated.kind === 'consultation' ? onAddQuestion : undefined,
    };
    if (toolbar) toolbar.update(actions);
    else toolbar = createSelectionToolbar(container, doc, actions);
  };

  /**
   * The card's work on the page besides drawing itself (the visit, the notes and the selection
   * toolbar, the link marks): begun in the task after the settings are in, so the card is drawn
   * and placed first, in a task of its own (`npm run bench`, card_from_cache_ms). Null once begun.
   */
  let pageWork: { timer: number; run: (() => void) | null } | null = { timer: 0, run: null };
  const beginPageWork = () => {
    const waiting = pageWork;
    pageWork = null;
    syncNotes();
    waiting?.run?.();
  };

  /** What is asked about the page once per reading of it. */
  let stops: (() => void)[] = [];
  const startContext = () => {
    for (const stop of stops) stop();
    stops = [];
    summary = { status: 'waiting' };
    saveProblem = null;
    const context = contextOf();
    if (!pageWork) syncNotes();
    if (!context) return draw();
    let live = true;
    stops.push(() => {
      live = false;
    });
    const asked =
      early?.summary?.context === context
        ? early.summary.answer
        : send({ type: 'card/summary', context, referrer: doc.referrer || null });
    void asked.then((answer) => {
      if (!live) return;
      summary = answer.ok ? { status: 'ready', data: answer.data } : { status: 'failed' };
      draw();
    });
    const onPage = () => {
      if (!live) return;
      void send({ type: 'page/visited', visitId, context }).then((answer) => {
        if (!live) return;
        saveProblem = answer.ok ? null : answer.error.message;
        draw();
        // The group's passages are asked for only by a user who shares with a group.
        if (answer.ok && answer.data.sharing)
          stops.push(paintGroupPassages(context, send, doc, painterOf()));
      });
      stops.push(showLinkCards(container, context, send, doc));
    };
    if (pageWork) pageWork.run = onPage;
    else onPage();
    draw();
  };

  let stopPlacing = () => {};
  const setCollapsed = (next: boolean) => {
    collapsed = next;
    stopPlacing();
    stopPlacing = watchPlacement(
      doc,
      next,
      host,
      (found) => {
        placement = found;
        draw();
      },
      measured,
    );
    measured = null;
    draw();
  };
  const toggle = () => {
    const next = !collapsed;
    // Focus follows the toggle to the tab and back, once the new placement is drawn.
    moveFocus = true;
    setCollapsed(next);
    void send({ type: 'settings/set', settings: { panelCollapsed: next } });
  };

  const buildTab = (expands: boolean) => {
    const tab = button(
      doc,
      { class: 'edge-tab', 'aria-expanded': expands ? 'false' : undefined },
      expands ? toggle : openView,
      el(doc, 'span', { 'aria-hidden': 'true' }, 'CT'),
      el(
        doc,
        'span',
        { class: 'visually-hidden' },
        expands ? 'Show Civic Thread card' : 'Civic Thread: open the full story',
      ),
    );
    box = { toggle: tab };
    return tab;
  };

  const buildCard = () => {
    const kind = result.ok ? result.context.kind : result.kind;
    const hide = button(
      doc,
      { class: 'toggle', 'aria-expanded': 'true', 'aria-controls': 'ct-body' },
      toggle,
      'Hide',
      el(doc, 'span', { class: 'visually-hidden' }, ' Civic Thread card'),
    );
    const body = el(doc, 'div', { id: 'ct-body', class: 'card-body' });
    const headline = slot(body);
    const links = slot(body);
    const failed = slot(body);
    const unreadable = slot(body);
    const problem = slot(body);
    const saved = slot(body);
    body.append(button(doc, { class: 'open-view' }, openView, 'Open the full story'));
    const card = el(
      doc,
      'aside',
      { class: 'card', 'aria-labelledby': 'ct-title' },
      el(
        doc,
        'div',
        { class: 'card-header' },
        el(
          doc,
          'h2',
          { id: 'ct-title', class: 'card-title' },
          'Civic Thread',
          el(doc, 'span', { class: 'visually-hidden' }, `: ${KIND_LABEL[kind]}`),
        ),
        hide,
      ),
      body,
    );
    const update = () => {
      const complete = summary.status !== 'waiting';
      const data = summary.status === 'ready' ? summary.data : null;
      const words = data?.headline.length
        ? data.headline.join(' · ')
        : complete
          ? 'Nothing found beyond this page yet.'
          : 'Finding what happened next…';
      headline.set(result.ok ? JSON.stringify([words, complete]) : null, () =>
        el(doc, 'p', { class: 'headline', 'aria-busy': String(!complete) }, words),
      );
      const top = result.ok && data?.links.length ? data.links : null;
      links.set(top && JSON.stringify(top), () =>
        el(
          doc,
          'ul',
          { class: 'top-links' },
          ...siteLinks(top ?? []).map((item) =>
            el(
              doc,
              'li',
              {},
              el(doc, 'a', { href: item.url }, item.title),
              item.reason && el(doc, 'span', { class: 'why' }, item.reason),
            ),
          ),
        ),
      );
      failed.set(result.ok && summary.status === 'failed' ? 'failed' : null, () =>
        el(doc, 'p', { class: 'notice' }, 'Related pages could not be found this time.'),
      );
      const reason = result.ok
        ? null
        : `Civic Thread could not read this ${KIND_LABEL[kind].toLowerCase()} page: ${result.reason}`;
      unreadable.set(reason, () =>
        el(doc, 'p', { class: 'notice notice-error', role: 'alert' }, reason),
      );
      const notesProblem = notesState.problem;
      problem.set(notesProblem, () => el(doc, 'p', { class: 'notice notice-error' }, notesProblem));
      const visit = saveProblem && `This visit was not saved to your thread: ${saveProblem}`;
      saved.set(visit, () => el(doc, 'p', { class: 'notice', role: 'status' }, visit));
    };
    box = { toggle: hide, update };
    return card;
  };

  const draw = () => {
    if (destroyed) return;
    const { problem } = notesState;
    const alert = problem ?? (questionProblem && `The question was not added: ${questionProblem}`);
    alertSlot.set(alert, () => el(doc, 'p', { class: 'visually-hidden', role: 'alert' }, alert));
    // The view beside the page cannot read it: it is told which notes lost their passage.
    const orphans = notesState.items.flatMap((item) => (item.orphaned ? [item.annotation.id] : []));
    if (orphans.join(' ') !== reportedOrphans) {
      reportedOrphans = orphans.join(' ');
      reportOrphans(orphans);
    }

    // Wait for the stored choice so a collapsed card never flashes open.
    if (collapsed === null || !placement) {
      boxSlot.set(null, () => doc.createTextNode(''));
      box = null;
      return;
    }
    const mode: Mode =
      placement.mode === 'card' ? 'card' : placement.canExpand ? 'tab-expands' : 'tab-opens-view';
    // Drawn anew only when it changes between card and tab; the card's parts follow in place.
    boxSlot.set(mode, () => (mode === 'card' ? buildCard() : buildTab(mode === 'tab-expands')));
    const shown = boxSlot.node as HTMLElement;
    shown.style.position = placement.position;
    placeAt(shown, placement);
    if (placement.mode === 'card') shown.style.width = `${placement.width}px`;
    box?.update?.();
    if (moveFocus && (placement.mode === 'tab') === collapsed) {
      moveFocus = false;
      box?.toggle.focus();
    }
    // The card, open or as its edge tab, is on the page with its summary (`npm run bench`,
    // card_from_cache_ms).
    if (summary.status !== 'waiting' && performance.getEntriesByName(MARKS.cardShown).length === 0)
      performance.mark(MARKS.cardShown);
  };

  void (early?.settings ?? send({ type: 'settings/get' })).then((answer) => {
    if (destroyed) return;
    annotateKinds = answer.ok ? answer.data.annotateKinds : PageKind.options;
    setCollapsed(answer.ok ? answer.data.panelCollapsed : false);
    if (pageWork) pageWork.timer = window.setTimeout(beginPageWork);
  });
  startContext();

  return {
    /** The page, read again as late content came in. */
    update(next: ExtractResult) {
      result = next;
      startContext();
    },
    destroy() {
      if (pageWork) clearTimeout(pageWork.timer);
      pageWork = null;
      for (const stop of stops) stop();
      notes?.destroy();
      toolbar?.destroy();
      stopPlacing();
      destroyed = true;
      painter?.clear();
      container.replaceChildren();
    },
  };
}
