import { useState } from 'preact/hooks';
import { dateText } from '../../utils/dates';
import type { sendRequest } from '../../utils/messaging/client';
import { evidenceFrom, hasAnswer, moved } from '../../utils/respond/draft';
import type { Answer, DraftQuestion } from '../../utils/storage/response-draft';
import { EvidencePicker } from './EvidencePicker';

type Change = (change: (answer: Answer) => Answer) => void;

/**
 * Up, down and remove buttons for one item of a list: reordering without dragging. Focus
 * follows the moved item, so pressing "up" again moves it on.
 */
function ItemButtons({
  index,
  count,
  what,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  what: string;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const move = (event: Event, to: number) => {
    const list = (event.currentTarget as HTMLElement).closest('ol');
    onMove(to);
    requestAnimationFrame(() => {
      const buttons = list?.children[to]?.querySelectorAll<HTMLButtonElement>('.move');
      const [up, down] = buttons ?? [];
      (to < index ? (up?.disabled ? down : up) : down?.disabled ? up : down)?.focus();
    });
  };
  return (
    <span class="item-buttons">
      <button
        type="button"
        class="secondary move"
        disabled={index === 0}
        aria-label={`Move ${what} up`}
        onClick={(event) => move(event, index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        class="secondary move"
        disabled={index === count - 1}
        aria-label={`Move ${what} down`}
        onClick={(event) => move(event, index + 1)}
      >
        ↓
      </button>
      <button type="button" class="secondary" aria-label={`Remove ${what}`} onClick={onRemove}>
        Remove
      </button>
    </span>
  );
}

const replaced = <T,>(list: readonly T[], index: number, item: T) =>
  list.map((old, i) => (i === index ? item : old));
const without = <T,>(list: readonly T[], index: number) => list.filter((_, i) => i !== index);

/** Where a question came from: its document and heading, or the user. */
function sourceLine(q: DraftQuestion, documentTitles: Map<string, string>): string {
  if (q.source.from === 'document') {
    const title = documentTitles.get(q.source.documentUrl) ?? 'the consultation document';
    return q.source.heading ? `From ${title}, under “${q.source.heading}”` : `From ${title}`;
  }
  return {
    selected: 'Added by you from text selected on the page',
    pasted: 'Added by you from a pasted list',
    typed: 'Added by you',
  }[q.source.how];
}

/**
 * One question and its answer: the option chosen, numbered points, evidence from the user's
 * notes, and views gathered. Drawn only while open, so a long draft opens at once.
 */
export function QuestionEditor({
  question: q,
  documentTitles,
  onChange,
  onCopy,
  onExport,
  send,
}: {
  question: DraftQuestion;
  documentTitles: Map<string, string>;
  onChange: Change;
  onCopy: () => void;
  onExport: (format: 'markdown' | 'text' | 'docx') => void;
  send: typeof sendRequest;
}) {
  const [open, setOpen] = useState(false);
  const [picking, setPicking] = useState(false);
  const label = q.number ? `Question ${q.number}` : 'Question';
  const answered = hasAnswer(q.answer);
  const { points, evidence, views } = q.answer;
  return (
    <li class="response-question" data-question={q.number ?? ''}>
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          <span class="question-label">{label}:</span> {q.text}{' '}
          <span class={answered ? 'answered' : 'unanswered'}>
            {answered ? '(answered)' : '(unanswered)'}
          </span>
        </summary>
        {open && (
          <div class="question-body">
            <p class="muted source-line">{sourceLine(q, documentTitles)}</p>
            {q.vanished && (
              <p class="notice">
                This question is no longer in the consultation document. Your answer is kept.
              </p>
            )}
            {q.options.length > 0 && (
              <fieldset class="options">
                <legend>Your answer to {label.toLowerCase()}</legend>
                {q.options.map((option) => (
                  <label key={option}>
                    <input
                      type="radio"
                      name={`option-${q.id}`}
                      value={option}
                      checked={q.answer.option === option}
                      onChange={() => onChange((a) => ({ ...a, option }))}
                    />{' '}
                    {option}
                  </label>
                ))}
                {q.answer.option !== null && (
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => onChange((a) => ({ ...a, option: null }))}
                  >
                    Clear the option
                  </button>
                )}
              </fieldset>
            )}

            <h4>Your points</h4>
            <ol class="points">
              {points.map((point, index) => (
                // Points have no ids: their place is what the user sees and numbers.
                <li key={index}>
                  <label>
                    <span class="visually-hidden">
                      Point {index + 1} of {label.toLowerCase()}
                    </span>
                    <textarea
                      rows={3}
                      value={point}
                      onInput={(event) => {
                        const text = event.currentTarget.value;
                        onChange((a) => ({ ...a, points: replaced(a.points, index, text) }));
                      }}
                    />
                  </label>
                  <ItemButtons
                    index={index}
                    count={points.length}
                    what={`point ${index + 1}`}
                    onMove={(to) => onChange((a) => ({ ...a, points: moved(a.points, index, to) }))}
                    onRemove={() => onChange((a) => ({ ...a, points: without(a.points, index) }))}
                  />
                </li>
              ))}
            </ol>
            <button
              type="button"
              class="secondary"
              onClick={() => onChange((a) => ({ ...a, points: [...a.points, ''] }))}
            >
              Add a point
            </button>

            <h4>Evidence from your notes</h4>
            {evidence.length > 0 && (
              <ol class="evidence">
                {evidence.map((item, index) => (
                  <li key={item.id}>
                    <blockquote class="evidence-quote">{item.quote}</blockquote>
                    <p class="evidence-source">
                      <a href={item.link} target="_blank" rel="noopener">
                        {item.sourceTitle ?? item.link}
                      </a>
                      {item.sourceDate && ` · ${dateText(item.sourceDate)}`}
                    </p>
                    {item.noteDeleted && (
                      <p class="notice evidence-deleted">
                        Its note has been deleted; the quote is kept here.
                      </p>
                    )}
                    <ItemButtons
                      index={index}
                      count={evidence.length}
                      what={`quote ${index + 1}`}
                      onMove={(to) =>
                        onChange((a) => ({ ...a, evidence: moved(a.evidence, index, to) }))
                      }
                      onRemove={() =>
                        onChange((a) => ({ ...a, evidence: without(a.evidence, index) }))
                      }
                    />
                  </li>
                ))}
              </ol>
            )}
            {picking ? (
              <EvidencePicker
                send={send}
                used={new Set(evidence.flatMap((e) => (e.annotationId ? [e.annotationId] : [])))}
                onPick={(note) =>
                  onChange((a) => ({ ...a, evidence: [...a.evidence, evidenceFrom(note)] }))
                }
                onClose={() => setPicking(false)}
              />
            ) : (
              <button type="button" class="secondary" onClick={() => setPicking(true)}>
                Add evidence from your notes
              </button>
            )}

            <h4>Views gathered</h4>
            {views.length > 0 && (
              <ol class="views">
                {views.map((view, index) => (
                  <li key={view.id}>
                    <label>
                      View {index + 1}
                      <textarea
                        rows={3}
                        value={view.text}
                        onInput={(event) => {
                          const text = event.currentTarget.value;
                          onChange((a) => ({
                            ...a,
                            views: replaced(a.views, index, { ...view, text }),
                          }));
                        }}
                      />
                    </label>
                    <label>
                      Whose view (leave empty for anonymous)
                      <input
                        type="text"
                        value={view.attribution ?? ''}
                        onInput={(event) => {
                          const attribution = event.currentTarget.value.trim()
                            ? event.currentTarget.value
                            : null;
                          onChange((a) => ({
                            ...a,
                            views: replaced(a.views, index, { ...view, attribution }),
                          }));
                        }}
                      />
                    </label>
                    <ItemButtons
                      index={index}
                      count={views.length}
                      what={`view ${index + 1}`}
                      onMove={(to) => onChange((a) => ({ ...a, views: moved(a.views, index, to) }))}
                      onRemove={() => onChange((a) => ({ ...a, views: without(a.views, index) }))}
                    />
                  </li>
                ))}
              </ol>
            )}
            <button
              type="button"
              class="secondary"
              onClick={() =>
                onChange((a) => ({
                  ...a,
                  views: [...a.views, { id: crypto.randomUUID(), text: '', attribution: null }],
                }))
              }
            >
              Add a gathered view
            </button>

            <p class="question-exports">
              <button type="button" onClick={onCopy}>
                Copy this answer
              </button>{' '}
              <button type="button" class="secondary" onClick={() => onExport('markdown')}>
                {label} as Markdown
              </button>{' '}
              <button type="button" class="secondary" onClick={() => onExport('text')}>
                {label} as text
              </button>{' '}
              <button type="button" class="secondary" onClick={() => onExport('docx')}>
                {label} as Word
              </button>
            </p>
          </div>
        )}
      </details>
    </li>
  );
}
