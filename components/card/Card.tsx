import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type PageSend, sendPageRequest } from '../../utils/messaging/page-client';
import { PageKind } from '../../utils/pages/context';
import type { ExtractResult } from '../../utils/pages/registry';
import type { CardSummary } from '../../utils/story/card-summary';
import { SelectionToolbar } from '../notes/SelectionToolbar';
import { useAnnotations } from '../notes/useAnnotations';
import type { EarlyAnswers } from '../panel/early-answers';
import { KIND_LABEL } from '../panel/format';
import { MARKS } from '../panel/marks';
import { LinkCards } from '../related/LinkCards';
import { useGroupPassages } from '../sharing/useGroupPassages';
import { reportOrphans } from '../view/report-tab';
import { useAddQuestion } from './useAddQuestion';
import { usePlacement } from './usePlacement';

export interface CardProps {
  result: ExtractResult;
  /** Names this page load, so late re-reads of the page are not counted as new visits. */
  visitId: string;
  send?: PageSend;
  /** Answers already asked for by the content script, used instead of asking again. */
  early?: EarlyAnswers;
  /** The shadow root's host, the origin of the card's document positions. */
  host?: Element;
}

type Answer<T> = { status: 'waiting' } | { status: 'ready'; data: T } | { status: 'failed' };
const WAITING = { status: 'waiting' } as const;

/**
 * Asks once per context, reusing the early answer when it was for this same context. Listened
 * for in a layout effect: an answer already in is drawn before the next paint, not a frame later.
 */
function useAnswer<T>(ask: (() => Promise<{ ok: true; data: T } | { ok: false }>) | null) {
  const [answer, setAnswer] = useState<Answer<T>>(WAITING);
  useLayoutEffect(() => {
    if (!ask) return;
    let current = true;
    setAnswer(WAITING);
    ask().then((result) => {
      if (current)
        setAnswer(result.ok ? { status: 'ready', data: result.data } : { status: 'failed' });
    });
    return () => {
      current = false;
    };
  }, [ask]);
  return answer;
}

/**
 * The compact context card: the story's headline for this page, its strongest links with why,
 * and the way to the full view. It sits where it covers none of the page's text (placement.ts);
 * highlights, the selection toolbar and link cards stay on the page with it.
 */
export function Card({ result, visitId, send = sendPageRequest, early, host }: CardProps) {
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const [annotateKinds, setAnnotateKinds] = useState<PageKind[]>([]);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);

  // A layout effect so the stored choice is applied without waiting a frame.
  useLayoutEffect(() => {
    (early?.settings ?? send({ type: 'settings/get' })).then((answer) => {
      setAnnotateKinds(answer.ok ? answer.data.annotateKinds : PageKind.options);
      setCollapsed(answer.ok ? answer.data.panelCollapsed : false);
    });
  }, [send, early]);

  const context = result.ok ? result.context : null;
  const annotating = context !== null && annotateKinds.includes(context.kind);
  const { highlight, problem, items, paintGroup } = useAnnotations(
    annotating ? context : null,
    send,
  );
  useGroupPassages(context, send, paintGroup);
  // The view beside the page cannot read it: it is told which notes lost their passage.
  const orphans = items.flatMap((item) => (item.orphaned ? [item.annotation.id] : [])).join(' ');
  useEffect(() => reportOrphans(orphans ? orphans.split(' ') : []), [orphans]);

  useEffect(() => {
    if (!context) return;
    setSaveProblem(null);
    send({ type: 'page/visited', visitId, context }).then((answer) =>
      setSaveProblem(answer.ok ? null : answer.error.message),
    );
  }, [context, visitId, send]);

  const askSummary = useCallback(
    () =>
      context
        ? early?.summary?.context === context
          ? early.summary.answer
          : send({ type: 'card/summary', context, referrer: document.referrer || null })
        : Promise.resolve({ ok: false } as const),
    [context, early, send],
  );
  const summary = useAnswer<CardSummary>(context ? askSummary : null);
  const complete = summary.status !== 'waiting';

  const openView = useCallback(() => {
    // Sent in the click's own task: the background opens the side panel within this gesture.
    void send({ type: 'view/open' });
  }, [send]);
  const onHighlight = useCallback(
    (range: Range, withNote: boolean) => {
      // The note is written in the full view.
      if (withNote) openView();
      void highlight({ range, colour: 'yellow', note: '', tags: [] });
    },
    [highlight, openView],
  );

  const { add: onAddQuestion, problem: questionProblem } = useAddQuestion(send);

  const placement = usePlacement(document, collapsed, host);
  // The card, open or as its edge tab, is on the page with its summary (`npm run bench`, card_from_cache_ms).
  const drawn = complete && collapsed !== null && placement !== null;
  useLayoutEffect(() => {
    if (drawn && performance.getEntriesByName(MARKS.cardShown).length === 0)
      performance.mark(MARKS.cardShown);
  }, [drawn]);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [moveFocus, setMoveFocus] = useState(false);
  // Focus follows the toggle to the tab and back, once the new placement is drawn.
  useEffect(() => {
    if (!moveFocus || !placement || (placement.mode === 'tab') !== collapsed) return;
    setMoveFocus(false);
    toggleRef.current?.focus();
  }, [moveFocus, placement, collapsed]);

  const kind = result.ok ? result.context.kind : result.kind;
  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    setMoveFocus(true);
    void send({ type: 'settings/set', settings: { panelCollapsed: next } });
  };

  const others = (
    <>
      {annotating && (
        <SelectionToolbar
          doc={document}
          onHighlight={onHighlight}
          onAddQuestion={context.kind === 'consultation' ? onAddQuestion : undefined}
        />
      )}
      {context && <LinkCards context={context} send={send} />}
      {/* Said wherever the card is, even as an edge tab; the open card also shows it. */}
      {(problem || questionProblem) && (
        <p class="visually-hidden" role="alert">
          {problem ?? `The question was not added: ${questionProblem}`}
        </p>
      )}
    </>
  );
  // Wait for the stored choice so a collapsed card never flashes open.
  if (collapsed === null || !placement) return others;

  const style = {
    position: placement.position,
    left: `${placement.left}px`,
    top: `${placement.top}px`,
  };
  if (placement.mode === 'tab') {
    const expands = placement.canExpand;
    return (
      <>
        <button
          ref={toggleRef}
          type="button"
          class="edge-tab"
          style={style}
          aria-expanded={expands ? false : undefined}
          onClick={expands ? toggle : openView}
        >
          <span aria-hidden="true">CT</span>
          <span class="visually-hidden">
            {expands ? 'Show Civic Thread card' : 'Civic Thread: open the full story'}
          </span>
        </button>
        {others}
      </>
    );
  }

  const parts = summary.status === 'ready' ? summary.data.headline : [];
  const links = summary.status === 'ready' ? summary.data.links : [];
  return (
    <>
      <aside
        class="card"
        aria-labelledby="ct-title"
        style={{ ...style, width: `${placement.width}px` }}
      >
        <div class="card-header">
          <h2 id="ct-title" class="card-title">
            Civic Thread<span class="visually-hidden">: {KIND_LABEL[kind]}</span>
          </h2>
          <button
            ref={toggleRef}
            type="button"
            class="toggle"
            aria-expanded="true"
            aria-controls="ct-body"
            onClick={toggle}
          >
            Hide<span class="visually-hidden"> Civic Thread card</span>
          </button>
        </div>
        <div id="ct-body" class="card-body">
          {result.ok ? (
            <>
              <p class="headline" aria-busy={!complete}>
                {parts.length > 0
                  ? parts.join(' · ')
                  : complete
                    ? 'Nothing found beyond this page yet.'
                    : 'Finding what happened next…'}
              </p>
              {links.length > 0 && (
                <ul class="top-links">
                  {links.map((item) => (
                    <li key={item.key}>
                      <a href={item.url}>{item.title}</a>
                      {item.reason && <span class="why">{item.reason}</span>}
                    </li>
                  ))}
                </ul>
              )}
              {summary.status === 'failed' && (
                <p class="notice">Related pages could not be found this time.</p>
              )}
            </>
          ) : (
            <p class="notice notice-error" role="alert">
              Civic Thread could not read this {KIND_LABEL[kind].toLowerCase()} page:{' '}
              {result.reason}
            </p>
          )}
          {problem && <p class="notice notice-error">{problem}</p>}
          {saveProblem && (
            <p class="notice" role="status">
              This visit was not saved to your thread: {saveProblem}
            </p>
          )}
          <button type="button" class="open-view" onClick={openView}>
            Open the full story
          </button>
        </div>
      </aside>
      {others}
    </>
  );
}
