import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { sendRequest } from '../../utils/messaging/client';
import type { ResponseData, Result } from '../../utils/messaging/protocol';
import type { ConsultationContext } from '../../utils/pages/context';
import type { ConsultationDocuments } from '../../utils/respond/documents';
import { addQuestion, rematchQuestions, updateAnswer } from '../../utils/respond/draft';
import { closingLine, unansweredLine } from '../../utils/respond/status';
import type { ResponseDraft } from '../../utils/storage/response-draft';
import { MARKS } from '../marks';
import { AddQuestions } from './AddQuestions';
import { documentQuestions } from './document-questions';
import { copyText, download } from './files';
import { QuestionEditor } from './QuestionEditor';
import { useDraft } from './useDraft';

const SAVE_STATUS = {
  unsaved: 'Not saved yet…',
  saving: 'Saving…',
  saved: 'All changes saved.',
  failed: 'Not saved.',
} as const;

/** Ways to respond, as the consultation gives them. */
function WaysToRespond({ ways }: { ways: NonNullable<ConsultationDocuments['ways']> }) {
  return (
    <div class="ways-to-respond">
      <h4>Ways to respond</h4>
      <ul class="plain-list">
        {ways.online && (
          <li>
            <a href={ways.online} target="_blank" rel="noopener">
              Respond online
            </a>
          </li>
        )}
        {ways.email && (
          <li>
            Email: <a href={`mailto:${ways.email}`}>{ways.email}</a>
          </li>
        )}
        {ways.postalAddress.length > 0 && (
          <li>
            Write to:
            <address>
              {ways.postalAddress.map((line) => (
                <span key={line}>
                  {line}
                  <br />
                </span>
              ))}
            </address>
          </li>
        )}
        {ways.form && (
          <li>
            <a href={ways.form} target="_blank" rel="noopener">
              The response form
            </a>
          </li>
        )}
      </ul>
    </div>
  );
}

/**
 * What the workspace uses of its consultation: its page's context, or beside one of its
 * documents, the same facts from GOV.UK's record of it (the same key, so the same draft).
 */
export type RespondingTo = Pick<
  ConsultationContext,
  'key' | 'url' | 'title' | 'closesOn' | 'state'
>;

/**
 * The consultation response workspace (issue 17): the consultation's questions, read from its
 * HTML documents or added by the user, each answered with an option, numbered points, evidence
 * from the user's notes and views gathered; saved as the user types; exported whole or per question.
 */
export function Workspace({
  context,
  send,
  early,
}: {
  context: RespondingTo;
  send: typeof sendRequest;
  /** The stored draft, asked for as the view opened. */
  early?: Promise<Result<ResponseData<'responses/get'>>>;
}) {
  const facts = useMemo(
    () => ({
      key: context.key,
      url: context.url,
      title: context.title,
      closesOn: context.closesOn,
    }),
    [context.key, context.url, context.title, context.closesOn],
  );
  const [docs, setDocs] = useState<ConsultationDocuments | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const parsed = useMemo(() => (docs ? documentQuestions(docs.documents) : null), [docs]);
  // The documents' questions, matched to the draft's (answers follow their question), each time
  // the draft is read and once the documents are in.
  const prepare = useCallback(
    (d: ResponseDraft) =>
      parsed && parsed.read.length > 0
        ? rematchQuestions(d, parsed.questions, parsed.read, d.updatedAt)
        : d,
    [parsed],
  );
  const handle = useDraft(facts, send, prepare, early);
  const { draft, loaded, change, refresh } = handle;

  useEffect(() => {
    void send({ type: 'responses/documents', url: context.url }).then((answer) =>
      setDocs(
        answer.ok
          ? answer.data
          : { consultation: null, ways: null, documents: [], problem: answer.error.message },
      ),
    );
  }, [send, context.url]);

  useEffect(() => {
    if (loaded) refresh(prepare);
  }, [loaded, prepare, refresh]);

  // The draft is on screen (`npm run bench`: response_open_ms).
  useLayoutEffect(() => {
    if (draft && performance.getEntriesByName(MARKS.responseShown).length === 0)
      performance.mark(MARKS.responseShown);
  }, [draft]);

  const documentTitles = useMemo(
    () => new Map((docs?.documents ?? []).map((d) => [d.url, d.title])),
    [docs],
  );
  if (!draft) return <p class="muted">Reading your draft…</p>;

  const live = docs?.consultation ?? null;
  const closesOn = live?.closesOn ?? context.closesOn;
  const withdrawn = (live?.state ?? context.state) === 'withdrawn';
  const closing = closingLine(closesOn, Date.now());
  const act = (what: Promise<void>, done: string) =>
    what.then(
      () => setSaid(done),
      (error: unknown) =>
        setSaid(`That did not work: ${error instanceof Error ? error.message : String(error)}`),
    );

  return (
    <div class="response-workspace">
      {closing && <p class="closing">{closing}</p>}
      {withdrawn && (
        <p class="notice" role="status">
          This consultation has been withdrawn. Your draft is kept.
        </p>
      )}
      <p class="unanswered-line">{unansweredLine(draft.questions)}</p>
      {docs?.ways && <WaysToRespond ways={docs.ways} />}
      {handle.notice && (
        <p class="notice" role="alert">
          {handle.notice}
        </p>
      )}
      {handle.deleted && (
        <div class="notice" role="status">
          <p>Draft deleted.</p>
          <button type="button" class="secondary" onClick={handle.undo}>
            Undo
          </button>
        </div>
      )}
      <p class="save-status muted" role="status">
        {SAVE_STATUS[handle.status]}
      </p>

      {docs === null ? (
        <p class="muted">Reading the consultation’s documents…</p>
      ) : docs.problem ? (
        <p class="notice">The consultation’s documents could not be read: {docs.problem}</p>
      ) : (
        draft.questions.length === 0 && (
          <p class="notice">
            {docs.documents.length === 0
              ? 'This consultation has no HTML document to read questions from (its questions may be in a PDF).'
              : parsed?.read.length === 0
                ? 'The consultation’s documents could not be read just now.'
                : 'No numbered questions were found in the consultation’s documents.'}{' '}
            Add them yourself below.
          </p>
        )
      )}

      <ol class="plain-list response-questions">
        {draft.questions.map((q) => (
          <QuestionEditor
            key={q.id}
            question={q}
            documentTitles={documentTitles}
            send={send}
            onChange={(update) => change((d) => updateAnswer(d, q.id, update, Date.now()))}
            onCopy={() =>
              act(
                copyText(draft, { answerOf: q.id }),
                `Answer to ${q.number ? `question ${q.number}` : 'the question'} copied.`,
              )
            }
            onExport={(format) => act(download(draft, format, q), 'Downloaded.')}
          />
        ))}
      </ol>

      <AddQuestions
        onAdd={(questions, how) =>
          change((d) =>
            questions.reduce(
              (next, question) =>
                addQuestion(next, question, { from: 'user', how, pageUrl: null }, Date.now()),
              d,
            ),
          )
        }
      />

      <div class="response-exports">
        <h4>Export the whole response</h4>
        <p>
          <button type="button" onClick={() => act(download(draft, 'markdown'), 'Downloaded.')}>
            Download Markdown
          </button>{' '}
          <button type="button" onClick={() => act(download(draft, 'docx'), 'Downloaded.')}>
            Download Word (.docx)
          </button>{' '}
          <button
            type="button"
            class="secondary"
            onClick={() => act(download(draft, 'text'), 'Downloaded.')}
          >
            Download plain text
          </button>
        </p>
        <p>
          <button
            type="button"
            class="secondary"
            onClick={() => act(copyText(draft, 'markdown'), 'Response copied as Markdown.')}
          >
            Copy as Markdown
          </button>{' '}
          <button
            type="button"
            class="secondary"
            onClick={() => act(copyText(draft, 'text'), 'Response copied as plain text.')}
          >
            Copy as plain text
          </button>
        </p>
        {said && (
          <p class="muted" role="status">
            {said}
          </p>
        )}
      </div>
      {handle.stored && (
        <p>
          <button type="button" class="secondary" onClick={handle.remove}>
            Delete this draft
          </button>
        </p>
      )}
    </div>
  );
}
