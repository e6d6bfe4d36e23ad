import { type PreparedText, prepareText } from '../../utils/annotations/code-points';
import type { Painter } from '../../utils/annotations/painter';
import { anchor, describeOnPage, trimOffsets } from '../../utils/annotations/selectors';
import {
  buildTextModel,
  offsetsFromRange,
  rangeFromOffsets,
  type TextModel,
} from '../../utils/annotations/text-model';
import { watchPageChanges } from '../../utils/messaging/page-channel';
import type { PageSend } from '../../utils/messaging/page-client';
import type { BookmarkOffer } from '../../utils/messaging/tab-report';
import type { PageContext } from '../../utils/pages/context';
import { watchForLateContent } from '../../utils/pages/watch';
import { type Colour, MAX_QUOTE_LENGTH } from '../../utils/storage/record-shapes';
import type { Annotation } from '../../utils/storage/records';
import type { Target } from '../../utils/storage/target';
import { isPanelHost } from '../card/host';

/** An annotation with where it is on the page now; `range` is null for page notes and orphans. */
export interface Placed {
  annotation: Annotation;
  range: Range | null;
  /** Its passage is no longer on the page (found so by the page's content script). */
  orphaned: boolean;
}

/** The page's text, leaving out the extension's own panel. */
export function readPage(doc: Document): TextModel {
  return buildTextModel(doc.body, isPanelHost);
}

/** The page's text as it is now, with its map back to the page, prepared for anchoring. */
export function readPageText(doc: Document): { model: TextModel; text: PreparedText } {
  const model = readPage(doc);
  return { model, text: prepareText(model.text) };
}
export type PageReading = ReturnType<typeof readPageText>;

/** The ranges of `targets` on the page, left out where not found. */
export function rangesOf(page: PageReading, targets: Target[]): (Range | null)[] {
  return targets.map((target) => {
    const found = anchor(page.text, target);
    return found ? rangeFromOffsets(page.model, found.start, found.end) : null;
  });
}

function place(annotations: Annotation[], page: PageReading): Placed[] {
  return annotations.map((annotation) => {
    if (!annotation.target) return { annotation, range: null, orphaned: false };
    const [range = null] = rangesOf(page, [annotation.target]);
    return { annotation, range, orphaned: range === null };
  });
}

type NewHighlight = { range: Range; colour: Colour; note: string; tags: string[] };

interface NotesState {
  items: Placed[];
  problem: string | null;
  /** The last note deleted, until undone or dismissed. */
  deleted: Annotation | null;
}
export const NO_NOTES: NotesState = { items: [], problem: null, deleted: null };

/** Where the notes are painted and anchored, when they are on a page (the content script). */
interface NotesPage {
  doc: Document;
  painter: Painter;
}

/**
 * One page's notes: loaded from the background, kept in step as they are saved (and as another
 * tab changes them), told to `onChange`. With `page` (the content script) they are anchored and
 * painted, and passages not found yet are looked for again as late content comes in; without
 * (the view beside the page, which never reads the page's DOM) they are only listed. What each
 * side does with them is added by createAnnotations (the page) and createNoteList (the view), so
 * the page's script carries none of the view's actions (content_script_gzip_kb).
 */
function loadNotes(
  context: PageContext,
  send: PageSend,
  onChange: (state: NotesState) => void,
  page: NotesPage | null,
) {
  let state = NO_NOTES;
  let live = true;
  let late: AbortController | null = null;
  const set = (next: Partial<NotesState>) => {
    if (!live) return;
    state = { ...state, ...next };
    onChange(state);
  };

  const show = (items: Placed[], problem?: string | null) => {
    if (!live) return;
    page?.painter.paint(
      items.flatMap(({ range, annotation }) =>
        range ? [{ range, colour: annotation.colour }] : [],
      ),
    );
    set(problem === undefined ? { items } : { items, problem });
    // Passages not found yet may still arrive: a page filling in late is read again.
    const orphaned = items.some((item) => item.orphaned);
    if (orphaned && page && !late) {
      late = new AbortController();
      watchForLateContent(late.signal, page.doc, () =>
        show(
          place(
            state.items.map((item) => item.annotation),
            readPageText(page.doc),
          ),
        ),
      );
    } else if (!orphaned && late) {
      late.abort();
      late = null;
    }
  };

  const load = async () => {
    const answer = await send({ type: 'annotations/list', pageKey: context.key });
    if (!answer.ok)
      return set({ problem: `Your notes could not be loaded: ${answer.error.message}` });
    const { annotations, skipped } = answer.data;
    show(
      page
        ? place(annotations, readPageText(page.doc))
        : annotations.map((annotation) => ({ annotation, range: null, orphaned: false })),
      skipped > 0
        ? `${skipped} saved note(s) on this page could not be read and were skipped.`
        : null,
    );
  };
  void load();
  // Another tab changed this page's notes: show them here too.
  const stopWatching = watchPageChanges(context.key, () => void load());

  return {
    state: () => state,
    set,
    load,
    async save(annotation: Annotation): Promise<boolean> {
      const answer = await send({ type: 'annotations/save', annotation });
      if (!answer.ok) {
        set({ problem: `Not saved: ${answer.error.message}` });
        return false;
      }
      set({ problem: null });
      await load();
      return true;
    },
    /** A new note's own fields: its id, its page, and the time it was made. */
    fresh(now = Date.now()) {
      return {
        id: crypto.randomUUID(),
        pageKey: context.key,
        pageUrl: context.url,
        pageTitle: context.title,
        pageKind: context.kind,
        createdAt: now,
        updatedAt: now,
      };
    },
    /** Stops listening; what is painted stays until the painter is cleared. */
    destroy() {
      live = false;
      stopWatching();
      late?.abort();
    },
  };
}

/** The page's notes in its content script: anchored, painted, and highlighted from a selection. */
export function createAnnotations(
  context: PageContext,
  send: PageSend,
  onChange: (state: NotesState) => void,
  page: NotesPage,
) {
  const notes = loadNotes(context, send, onChange, page);
  return {
    /** Saves a highlight of `range`; returns its id, or null with `problem` set. */
    async highlight({ range, colour, note, tags }: NewHighlight): Promise<string | null> {
      const { model } = readPageText(page.doc);
      const selected = offsetsFromRange(model, range);
      const offsets = selected && trimOffsets(model.text, selected.start, selected.end);
      if (!offsets || offsets.start === offsets.end) {
        notes.set({ problem: 'Select some text on the page to highlight it.' });
        return null;
      }
      if (offsets.end - offsets.start > MAX_QUOTE_LENGTH) {
        notes.set({
          problem: `That selection is too long to highlight: keep it under ${MAX_QUOTE_LENGTH.toLocaleString('en-GB')} characters.`,
        });
        return null;
      }
      const annotation: Annotation = {
        ...notes.fresh(),
        kind: 'highlight',
        target: describeOnPage(model, page.doc.body, offsets.start, offsets.end),
        note,
        tags,
        colour,
      };
      return (await notes.save(annotation)) ? annotation.id : null;
    },
    destroy: notes.destroy,
  };
}
export type AnnotationsController = ReturnType<typeof createAnnotations>;

/**
 * The notes of the page the view beside it shows: listed, and added, bookmarked (from the
 * passages the page reported: the view never reads the page's DOM), deleted and undone.
 */
export function createNoteList(
  context: PageContext,
  send: PageSend,
  onChange: (state: NotesState) => void,
) {
  const notes = loadNotes(context, send, onChange, null);
  return {
    /** Saves a passage the page reported as a bookmark: its text, where it is, what it is, its date. */
    bookmark: (offer: BookmarkOffer) =>
      notes.save({
        ...notes.fresh(),
        kind: 'bookmark',
        target: offer.target,
        bookmark: { label: offer.label, date: offer.date },
        note: '',
        tags: [],
        colour: 'blue',
      }),
    addPageNote: (note: string) =>
      notes.save({
        ...notes.fresh(),
        kind: 'page-note',
        target: null,
        note,
        tags: [],
        colour: 'yellow',
      }),
    async remove(id: string) {
      const answer = await send({ type: 'annotations/delete', id });
      if (!answer.ok) return notes.set({ problem: `Not deleted: ${answer.error.message}` });
      notes.set({ deleted: answer.data.deleted });
      await notes.load();
    },
    async undo() {
      const { deleted } = notes.state();
      if (deleted && (await notes.save(deleted))) notes.set({ deleted: null });
    },
    dismissUndo: () => notes.set({ deleted: null }),
    /** Reads the page's notes again (after an edit, which saves through `useNoteEdit`). */
    reload: notes.load,
    destroy: notes.destroy,
  };
}
export type NoteList = ReturnType<typeof createNoteList>;
