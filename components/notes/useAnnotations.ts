import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PageSend } from '../../utils/messaging/page-client';
import type { PageContext } from '../../utils/pages/context';
import {
  type AnnotationsController,
  type Bookmarkable,
  createAnnotations,
  NO_NOTES,
  type Placed,
} from './annotations';

export type { Bookmarkable, Placed };

/**
 * The notes of the page the view beside it shows (components/notes/annotations.ts, with no
 * page: the view never reads the page's DOM): listed, with `orphans` (the ids the page's content
 * script could not anchor) marked.
 */
export function useAnnotations(
  context: PageContext | null,
  send: PageSend,
  orphans: string[] = [],
) {
  const [state, setState] = useState(NO_NOTES);
  const [notes, setNotes] = useState<AnnotationsController | null>(null);
  useEffect(() => {
    if (!context) return setNotes(null);
    const controller = createAnnotations(context, send, setState);
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
    bookmark: (block: Bookmarkable) => notes?.bookmark(block) ?? Promise.resolve(false),
    addPageNote: (note: string) => notes?.addPageNote(note) ?? Promise.resolve(false),
    reload: () => notes?.reload() ?? Promise.resolve(),
    remove: (id: string) => notes?.remove(id) ?? Promise.resolve(),
    undo: () => notes?.undo() ?? Promise.resolve(),
    dismissUndo: () => notes?.dismissUndo(),
  };
}
export type Annotations = ReturnType<typeof useAnnotations>;
