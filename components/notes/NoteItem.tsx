import { formatDate } from '../format';
import { NoteSharing } from '../sharing/NoteSharing';
import type { Sharing } from '../sharing/useSharing';
import { NoteEditForm } from './NoteEditForm';
import { TagList } from './TagList';
import type { Annotations, Placed } from './useAnnotations';

const QUOTE_SHOWN = 280;

function shortQuote(exact: string): string {
  const text = exact.replace(/\s+/g, ' ');
  return text.length > QUOTE_SHOWN ? `${text.slice(0, QUOTE_SHOWN)}…` : text;
}

/** One highlight or page note: read it, show its passage, edit or delete it. */
export function NoteItem({
  item,
  notes,
  editing,
  setEditing,
  sharing,
}: {
  item: Placed;
  notes: Annotations;
  editing: boolean;
  setEditing: (editing: boolean) => void;
  /** Publishing to the user's Hypothesis group, once one is chosen. */
  sharing: Sharing | null;
}) {
  const { annotation } = item;
  const quote = annotation.target?.quote.exact;
  return (
    <li class={`note note-${annotation.colour}`} data-note-id={annotation.id}>
      {annotation.bookmark && (
        <p class="bookmark-label">
          Bookmark: {annotation.bookmark.label}
          {annotation.bookmark.date ? ` · ${formatDate(annotation.bookmark.date)}` : ''}
        </p>
      )}
      {quote !== undefined && <blockquote class="note-quote">{shortQuote(quote)}</blockquote>}
      {annotation.bookmark && quote !== undefined && quote.length > QUOTE_SHOWN && (
        <details class="saved-text">
          <summary>Saved text</summary>
          <p>{quote}</p>
        </details>
      )}
      {quote !== undefined && item.orphaned && (
        <p class="notice" role="note">
          This passage is no longer on the page. Your note and the quote are kept.
        </p>
      )}
      {editing ? (
        <NoteEditForm
          annotation={annotation}
          onSaved={() => notes.reload()}
          onCancel={() => setEditing(false)}
          onUseSaved={() => void notes.reload()}
        />
      ) : (
        <>
          {annotation.note && <p class="note-text">{annotation.note}</p>}
          <TagList tags={annotation.tags} />
          <div class="note-actions">
            <button type="button" class="secondary" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" class="secondary" onClick={() => notes.remove(annotation.id)}>
              Delete
            </button>
          </div>
          {sharing && <NoteSharing note={annotation} sharing={sharing} />}
        </>
      )}
    </li>
  );
}
