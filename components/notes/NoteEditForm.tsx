import { useEffect, useRef, useState } from 'preact/hooks';
import { type Annotation, type Colour, Colour as ColourSchema } from '../../utils/storage/records';
import { ChangedElsewhere, EditConflict } from './EditConflict';
import { parseTags } from './tags';
import { useNoteEdit } from './useNoteEdit';

/**
 * The editor of one stored note, in the view and in the library: its text, tags and, for a
 * highlight, colour. Each caller decides what follows a save (`onSaved`) and closes the form
 * (`onCancel`, also when the user keeps the version saved elsewhere, after `onUseSaved`).
 */
export function NoteEditForm({
  annotation,
  onSaved,
  onCancel,
  onUseSaved,
}: {
  annotation: Annotation;
  /** The note as the background stored it; the form is closed once this settles. */
  onSaved: (saved: Annotation) => void | Promise<void>;
  onCancel: () => void;
  /** The user chose the version another view saved. */
  onUseSaved?: () => void;
}) {
  const [note, setNote] = useState(annotation.note);
  const [tags, setTags] = useState(annotation.tags.join(', '));
  const [colour, setColour] = useState<Colour>(annotation.colour);
  const edit = useNoteEdit(annotation, async (saved) => {
    await onSaved(saved);
    onCancel();
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
            onUseSaved?.();
            onCancel();
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
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
