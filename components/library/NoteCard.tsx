import { useState } from 'preact/hooks';
import { openLink } from '../../utils/library/open-link';
import type { Annotation } from '../../utils/storage/records';
import { formatAsOf } from '../format';
import { ChangedElsewhere, EditConflict } from '../notes/EditConflict';
import { parseTags } from '../notes/tags';
import { useNoteEdit } from '../notes/useNoteEdit';
import { NoteSharing } from '../sharing/NoteSharing';
import type { Sharing } from '../sharing/useSharing';

/** Quotes longer than this (a whole bookmarked response) are folded. */
const LONG_QUOTE = 400;

const TYPE_LABEL: Record<Annotation['kind'], string> = {
  highlight: 'Highlight',
  'page-note': 'Page note',
  bookmark: 'Bookmark',
};

/** One note in the library: open it on its page, edit, retag, select or delete. */
export function NoteCard({
  annotation,
  selected,
  onSelect,
  onSaved,
  onDelete,
  sharing,
}: {
  annotation: Annotation;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  /** The note as the background stored it after an edit. */
  onSaved: (annotation: Annotation) => void;
  onDelete: () => void;
  /** Publishing to the user's Hypothesis group, once one is chosen. */
  sharing: Sharing | null;
}) {
  const [editing, setEditing] = useState(false);
  const quote = annotation.target?.quote.exact ?? null;
  const name = (quote ?? annotation.note).slice(0, 40);

  return (
    <li class="note-card">
      <label class="select">
        <input
          type="checkbox"
          checked={selected}
          onChange={(event) => onSelect(event.currentTarget.checked)}
        />
        <span class="visually-hidden">Select “{name}”</span>
      </label>
      <div class="note-body">
        <p class="note-meta">
          {TYPE_LABEL[annotation.kind]}
          {annotation.bookmark && `: ${annotation.bookmark.label}`} ·{' '}
          {formatAsOf(annotation.updatedAt)}
        </p>
        {quote && quote.length <= LONG_QUOTE && <blockquote class="note-quote">{quote}</blockquote>}
        {quote && quote.length > LONG_QUOTE && (
          <details class="long-quote">
            <summary>
              <blockquote class="note-quote">{quote.slice(0, LONG_QUOTE - 100)}…</blockquote>
              Show the whole text
            </summary>
            <blockquote class="note-quote">{quote}</blockquote>
          </details>
        )}
        {editing ? (
          <EditForm annotation={annotation} onSaved={onSaved} done={() => setEditing(false)} />
        ) : (
          <>
            {annotation.note && <p class="note-text">{annotation.note}</p>}
            {annotation.tags.length > 0 && (
              <ul class="inline-list tags" aria-label="Tags">
                {annotation.tags.map((tag) => (
                  <li key={tag} class="tag">
                    {tag}
                  </li>
                ))}
              </ul>
            )}
            <p class="note-actions">
              <a href={openLink(annotation)} target="_blank" rel="noopener">
                Open on the page<span class="visually-hidden">: “{name}”</span>
              </a>{' '}
              <button type="button" class="secondary" onClick={() => setEditing(true)}>
                Edit<span class="visually-hidden"> “{name}”</span>
              </button>{' '}
              <button type="button" class="secondary" onClick={onDelete}>
                Delete<span class="visually-hidden"> “{name}”</span>
              </button>
            </p>
            {sharing && <NoteSharing note={annotation} sharing={sharing} />}
          </>
        )}
      </div>
    </li>
  );
}

function EditForm({
  annotation,
  onSaved,
  done,
}: {
  annotation: Annotation;
  onSaved: (annotation: Annotation) => void;
  done: () => void;
}) {
  const [note, setNote] = useState(annotation.note);
  const [tags, setTags] = useState(annotation.tags.join(', '));
  const edit = useNoteEdit(annotation, (saved) => {
    onSaved(saved);
    done();
  });
  const changes = () => ({ note, tags: parseTags(tags), colour: annotation.colour });
  return (
    <form
      class="note-edit"
      onSubmit={(event) => {
        event.preventDefault();
        void edit.save(changes());
      }}
    >
      {edit.changedElsewhere && !edit.conflict && <ChangedElsewhere />}
      <label>
        Note
        <textarea value={note} onInput={(e) => setNote(e.currentTarget.value)} rows={3} />
      </label>
      <label>
        Tags, separated by commas
        <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      {edit.conflict && (
        <EditConflict
          conflict={edit.conflict}
          mine={changes()}
          onKeepMine={() => void edit.keepMine(changes())}
          onUseSaved={done}
        />
      )}
      <button type="submit">Save</button>{' '}
      <button type="button" class="secondary" onClick={done}>
        Cancel
      </button>
      {edit.problem && <p role="alert">{edit.problem}</p>}
    </form>
  );
}
