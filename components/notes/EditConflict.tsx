import './edit-conflict.css';
import type { Annotation } from '../../utils/storage/records';
import type { EditConflictState, NoteChanges } from './useNoteEdit';

function Version({ heading, note, tags }: { heading: string; note: string; tags: string[] }) {
  return (
    <div class="version">
      <h4>{heading}</h4>
      <p class="note-text">{note || '(no note)'}</p>
      {tags.length > 0 && <p class="muted">Tags: {tags.join(', ')}</p>}
    </div>
  );
}

/** Both versions of a note two views edited at once, and the user's choice between them. */
export function EditConflict({
  conflict,
  mine,
  onKeepMine,
  onUseSaved,
}: {
  conflict: EditConflictState;
  mine: NoteChanges;
  onKeepMine: () => void;
  onUseSaved: () => void;
}) {
  const saved: Annotation | null = conflict.current;
  return (
    <div class="notice edit-conflict" role="alert">
      <p>
        {saved
          ? 'This note was changed in another tab or in the library while you were editing it. Nothing is saved until you choose.'
          : 'This note was deleted in another tab or in the library while you were editing it.'}
      </p>
      {saved && <Version heading="Saved version" note={saved.note} tags={saved.tags} />}
      <Version heading="Your version" note={mine.note} tags={mine.tags} />
      <div class="note-actions">
        <button type="button" onClick={onKeepMine}>
          {saved ? 'Keep mine' : 'Keep it, with my changes'}
        </button>
        <button type="button" class="secondary" onClick={onUseSaved}>
          {saved ? 'Use the saved version' : 'Let it go'}
        </button>
      </div>
    </div>
  );
}

/** Said in an open form once another view has saved the note. */
export function ChangedElsewhere() {
  return (
    <p class="notice" role="status">
      This note was changed elsewhere since you opened it. Saving keeps both sets of changes where
      they touch different parts, and asks you where they clash.
    </p>
  );
}
