import { useEffect, useRef, useState } from 'preact/hooks';
import { type Annotation, type Colour, Colour as ColourSchema } from '../../utils/storage/records';
import { formatDate } from '../format';
import { NoteSharing } from '../sharing/NoteSharing';
import type { Sharing } from '../sharing/useSharing';
import { ChangedElsewhere, EditConflict } from './EditConflict';
import { parseTags } from './tags';
import type { Annotations, Placed } from './useAnnotations';
import { useNoteEdit } from './useNoteEdit';

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
        <EditForm annotation={annotation} notes={notes} done={() => setEditing(false)} />
      ) : (
        <>
          {annotation.note && <p class="note-text">{annotation.note}</p>}
          {annotation.tags.length > 0 && (
            <ul class="plain-list inline-list tags" aria-label="Tags">
              {annotation.tags.map((tag) => (
                <li key={tag} class="tag">
                  {tag}
                </li>
              ))}
            </ul>
          )}
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

function EditForm({
  annotation,
  notes,
  done,
}: {
  annotation: Annotation;
  notes: Annotations;
  done: () => void;
}) {
  const [note, setNote] = useState(annotation.note);
  const [tags, setTags] = useState(annotation.tags.join(', '));
  const [colour, setColour] = useState<Colour>(annotation.colour);
  const edit = useNoteEdit(annotation, async () => {
    await notes.reload();
    done();
  });
  const changes = () => ({ note, tags: parseTags(tags), colour });
  const id = annotation.id;
  // The user asked to edit this note: take them to it.
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  return (
    <form
      class="note-form"
      onSubmit={(event) => {
        event.preventDefault();
        void edit.save(changes());
      }}
    >
      {edit.changedElsewhere && !edit.conflict && <ChangedElsewhere />}
      <label for={`note-${id}`}>Note</label>
      <textarea
        id={`note-${id}`}
        value={note}
        rows={3}
        ref={field}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <label for={`tags-${id}`}>Tags, separated by commas</label>
      <input id={`tags-${id}`} value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      {annotation.kind === 'highlight' && (
        <>
          <label for={`colour-${id}`}>Colour</label>
          <select
            id={`colour-${id}`}
            value={colour}
            onChange={(e) => setColour(ColourSchema.parse(e.currentTarget.value))}
          >
            {ColourSchema.options.map((option) => (
              <option key={option} value={option}>
                {option[0]?.toUpperCase()}
                {option.slice(1)}
              </option>
            ))}
          </select>
        </>
      )}
      {edit.conflict && (
        <EditConflict
          conflict={edit.conflict}
          mine={changes()}
          onKeepMine={() => void edit.keepMine(changes())}
          onUseSaved={() => {
            void notes.reload();
            done();
          }}
        />
      )}
      {edit.problem && (
        <p class="notice notice-error" role="alert">
          {edit.problem}
        </p>
      )}
      <div class="note-actions">
        <button type="submit">Save</button>
        <button type="button" class="secondary" onClick={done}>
          Cancel
        </button>
      </div>
    </form>
  );
}
