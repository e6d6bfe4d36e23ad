import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PageSend } from '../../utils/messaging/page-client';
import type { BookmarkOffer } from '../../utils/messaging/tab-report';
import type { PageContext } from '../../utils/pages/context';
import { createNoteList, NO_NOTES, type NoteList, type Placed } from './annotations';

export type { Placed };

/**
 * The notes of the page the view beside it shows (createNoteList in components/notes/annotations.ts: no
 * page: the view never reads the page's DOM): listed, with `orphans` (the ids the page's content
 * script could not anchor) marked.
 */
export function useAnnotations(
  context: PageContext | null,
  send: PageSend,
  orphans: string[] = [],
) {
  const [state, setState] = useState(NO_NOTES);
  const [notes, setNotes] = useState<NoteList | null>(null);
  useEffect(() => {
    if (!context) return setNotes(null);
    const controller = createNoteList(context, send, setState);
    setNotes(controller);
    return () => controller.destroy();
  }, [context, send]);

  const orphanKey = orphans.join(' ');
  const items = useMemo(() => {
    const gone = new Set(orphanKey.split(' '));
    return state.items.map((item) => ({ ...item, orphaned: gone.has(item.annotation.id) }));
  }, [state.items, orphanKey]);

  return {
    items,
    problem: state.problem,
    deleted: state.deleted,
    bookmark: (block: BookmarkOffer) => notes?.bookmark(block) ?? Promise.resolve(false),
    addPageNote: (note: string) => notes?.addPageNote(note) ?? Promise.resolve(false),
    reload: () => notes?.reload() ?? Promise.resolve(),
    remove: (id: string) => notes?.remove(id) ?? Promise.resolve(),
    undo: () => notes?.undo() ?? Promise.resolve(),
    dismissUndo: () => notes?.dismissUndo(),
  };
}
export type Annotations = ReturnType<typeof useAnnotations>;
