import { useRef, useState } from 'preact/hooks';
import { sendRequest } from '../../utils/messaging/client';
import type { EditableField, EditOutcome } from '../../utils/storage/merge-edit';
import type { Annotation } from '../../utils/storage/records';

export type NoteChanges = Pick<Annotation, EditableField>;
export type EditConflictState = Extract<EditOutcome, { status: 'conflict' }>;

/**
 * One edit of a stored note, made from the version shown when the form opened. If another tab
 * or the library saves the note meanwhile, `changedElsewhere` says so, and saving merges the two
 * or reports a conflict for the user to settle: an edit never silently undoes another.
 */
export function useNoteEdit(
  annotation: Annotation,
  onSaved: (saved: Annotation) => void | Promise<void>,
  send: typeof sendRequest = sendRequest,
) {
  const base = useRef(annotation);
  const [conflict, setConflict] = useState<EditConflictState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const finish = async (saved: Annotation) => {
    setProblem(null);
    setConflict(null);
    await onSaved(saved);
    return true;
  };

  const save = async (changes: NoteChanges): Promise<boolean> => {
    const edited = { ...base.current, ...changes, updatedAt: Date.now() };
    const answer = await send({ type: 'annotations/edit', base: base.current, annotation: edited });
    if (!answer.ok) {
      setProblem(`Not saved: ${answer.error.message}`);
      return false;
    }
    if (answer.data.status === 'conflict') {
      setConflict(answer.data);
      return false;
    }
    return finish(answer.data.annotation);
  };

  /** Settles a conflict with the user's version: over the stored one, or again if it was deleted. */
  const keepMine = async (changes: NoteChanges): Promise<boolean> => {
    const current = conflict?.current;
    if (current) {
      base.current = current;
      return save(changes);
    }
    const restored = { ...base.current, ...changes, updatedAt: Date.now() };
    const answer = await send({ type: 'annotations/save', annotation: restored });
    if (!answer.ok) {
      setProblem(`Not saved: ${answer.error.message}`);
      return false;
    }
    return finish(answer.data);
  };

  return {
    conflict,
    problem,
    /** Another view saved this note after the form opened. */
    changedElsewhere: (annotation.revision ?? 0) !== (base.current.revision ?? 0),
    save,
    keepMine,
  };
}
