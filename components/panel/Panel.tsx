import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { sendRequest } from '../../utils/messaging/client';
import { PageKind } from '../../utils/pages/context';
import type { ExtractResult } from '../../utils/pages/registry';
import { findResponses } from '../../utils/pages/responses';
import { NotesSection } from '../notes/NotesSection';
import { SelectionToolbar } from '../notes/SelectionToolbar';
import { useAnnotations } from '../notes/useAnnotations';
import { LinkCards } from '../related/LinkCards';
import { RelatedSection } from '../related/RelatedSection';
import { FollowControl } from '../watchlist/FollowControl';
import { ConsultationFacts } from './ConsultationFacts';
import { DebateFacts } from './DebateFacts';
import type { EarlyAnswers } from './early-answers';
import { KIND_LABEL } from './format';
import { LinkedPages } from './LinkedPages';
import { LiveSection } from './LiveSection';
import { PetitionFacts } from './PetitionFacts';

export interface PanelProps {
  result: ExtractResult;
  /** Names this page load, so late re-reads of the page are not counted as new visits. */
  visitId: string;
  send?: typeof sendRequest;
  /** Answers already asked for by the content script, used instead of asking again. */
  early?: EarlyAnswers;
}

type SaveState = { status: 'saving' } | { status: 'saved' } | { status: 'failed'; message: string };

/** The context panel: what this page is, what it says, and where it links. */
export function Panel({ result, visitId, send = sendRequest, early }: PanelProps) {
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const [annotateKinds, setAnnotateKinds] = useState<PageKind[]>([]);
  const [save, setSave] = useState<SaveState>({ status: 'saving' });

  // See LiveSection: a layout effect so the stored choice is applied without waiting a frame.
  useLayoutEffect(() => {
    (early?.settings ?? send({ type: 'settings/get' })).then((answer) => {
      setAnnotateKinds(answer.ok ? answer.data.annotateKinds : PageKind.options);
      setCollapsed(answer.ok ? answer.data.panelCollapsed : false);
    });
  }, [send, early]);

  const context = result.ok ? result.context : null;
  // Notes are offered only on the kinds of page the user chose in settings.
  const annotating = context !== null && annotateKinds.includes(context.kind);
  const notes = useAnnotations(annotating ? context : null, send);
  const [editingId, setEditingId] = useState<string | null>(null);
  const { highlight } = notes;
  const onHighlight = useCallback(
    async (range: Range, withNote: boolean) => {
      const id = await highlight({ range, colour: 'yellow', note: '', tags: [] });
      if (id && withNote) {
        setCollapsed(false);
        setEditingId(id);
      }
    },
    [highlight],
  );
  useEffect(() => {
    if (!context) return;
    setSave({ status: 'saving' });
    send({ type: 'page/visited', visitId, context }).then((answer) =>
      setSave(
        answer.ok ? { status: 'saved' } : { status: 'failed', message: answer.error.message },
      ),
    );
  }, [context, visitId, send]);

  // Wait for the stored choice so a collapsed panel never flashes open.
  if (collapsed === null) return null;

  const toggle = () => {
    setCollapsed(!collapsed);
    void send({ type: 'settings/set', settings: { panelCollapsed: !collapsed } });
  };
  const kind = result.ok ? result.context.kind : result.kind;

  return (
    <>
      <aside class={collapsed ? 'panel collapsed' : 'panel'} aria-labelledby="ct-title">
        <div class="panel-header">
          <h2 id="ct-title" class="panel-title">
            Civic Thread<span class="visually-hidden">: {KIND_LABEL[kind]}</span>
          </h2>
          <button
            type="button"
            class="toggle"
            aria-expanded={!collapsed}
            aria-controls="ct-body"
            onClick={toggle}
          >
            {collapsed ? 'Show' : 'Hide'}
            <span class="visually-hidden"> context panel</span>
          </button>
        </div>
        <div id="ct-body" class="panel-body" hidden={collapsed}>
          {result.ok ? (
            <>
              <PageSummary result={result} />
              {result.context.kind !== 'debate' && (
                <FollowControl context={result.context} send={send} />
              )}
              {annotating && (
                <NotesSection
                  notes={notes}
                  responses={findResponses(result.context, document)}
                  editingId={editingId}
                  setEditingId={setEditingId}
                />
              )}
              <LiveSection
                context={result.context}
                send={send}
                early={early?.live?.context === result.context ? early.live.answer : undefined}
              />
              <RelatedSection context={result.context} send={send} />
              <LinkedPages links={result.context.links} />
            </>
          ) : (
            <p class="notice notice-error" role="alert">
              Civic Thread could not read this {KIND_LABEL[kind].toLowerCase()} page:{' '}
              {result.reason}
            </p>
          )}
          {save.status === 'failed' && (
            <p class="notice" role="status">
              This visit was not saved to your thread: {save.message}
            </p>
          )}
        </div>
      </aside>
      {annotating && <SelectionToolbar doc={document} onHighlight={onHighlight} />}
      {context && <LinkCards context={context} send={send} />}
    </>
  );
}

function PageSummary({ result }: { result: Extract<ExtractResult, { ok: true }> }) {
  const { context } = result;
  return (
    <>
      <p class="kind">
        <span class={`badge badge-${context.kind}`}>{KIND_LABEL[context.kind]}</span>
      </p>
      <p class="page-title">{context.title ?? 'Untitled page'}</p>
      <section class="section page-facts" aria-labelledby="ct-page-heading">
        <h3 id="ct-page-heading">On this page</h3>
        {context.kind === 'petition' && <PetitionFacts context={context} />}
        {context.kind === 'consultation' && <ConsultationFacts context={context} />}
        {context.kind === 'debate' && <DebateFacts context={context} />}
        {context.unread.length > 0 && (
          <p class="notice" role="status">
            Could not read from this page: {context.unread.join(', ')}.
          </p>
        )}
      </section>
    </>
  );
}
