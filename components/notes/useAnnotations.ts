import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { prepareText } from '../../utils/annotations/code-points';
import { createPainter } from '../../utils/annotations/painter';
import { targetOfElement } from '../../utils/annotations/passage';
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
import type { ResponseBlock } from '../../utils/pages/responses';
import { watchForLateContent } from '../../utils/pages/watch';
import { type Annotation, type Colour, MAX_QUOTE_LENGTH } from '../../utils/storage/records';
import { isPanelHost } from '../panel/host';

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

function place(annotations: Annotation[], model: TextModel): Placed[] {
  const text = prepareText(model.text);
  return annotations.map((annotation) => {
    if (!annotation.target) return { annotation, range: null, orphaned: false };
    const found = anchor(text, annotation.target);
    const range = found ? rangeFromOffsets(model, found.start, found.end) : null;
    return { annotation, range, orphaned: range === null };
  });
}

export type NewHighlight = { range: Range; colour: Colour; note: string; tags: string[] };

/** What can be bookmarked: a response on this page, or (in the view) one the page reported. */
export type Bookmarkable = ResponseBlock | BookmarkOffer;

/** Notes kept with no page to place them on (the view beside the page): listed, not painted. */
const unplaced = (annotations: Annotation[]): Placed[] =>
  annotations.map((annotation) => ({ annotation, range: null, orphaned: false }));

/**
 * The page's notes: loaded from the background, anchored and painted, kept
 * in step as the user adds, edits and deletes them. Deletes can be undone.
 * With `doc` null (the view beside the page, which never reads the page's DOM) they are only
 * listed, `orphans` (the ids the page's content script could not anchor) marked, and bookmarks
 * are saved from the selectors the page reported.
 */
export function useAnnotations(
  context: PageContext | null,
  send: PageSend,
  doc: Document | null = document,
  orphans: string[] = [],
) {
  const painter = useMemo(() => (doc ? createPainter(doc) : null), [doc]);
  // Unmounted (the extension was reloaded): the page keeps none of its highlights.
  useEffect(() => () => painter?.clear(), [painter]);
  const [items, setItems] = useState<Placed[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Annotation | null>(null);

  const show = useCallback(
    (next: Placed[]) => {
      setItems(next);
      painter?.paint(
        next.flatMap(({ range, annotation }) =>
          range ? [{ range, colour: annotation.colour }] : [],
        ),
      );
    },
    [painter],
  );

  const load = useCallback(async () => {
    if (!context) return;
    const answer = await send({ type: 'annotations/list', pageKey: context.key });
    if (!answer.ok) {
      setProblem(`Your notes could not be loaded: ${answer.error.message}`);
      return;
    }
    show(doc ? place(answer.data.annotations, readPage(doc)) : unplaced(answer.data.annotations));
    setProblem(
      answer.data.skipped > 0
        ? `${answer.data.skipped} saved note(s) on this page could not be read and were skipped.`
        : null,
    );
  }, [context, send, show, doc]);

  useEffect(() => {
    void load();
  }, [load]);

  // Another tab changed this page's notes: show them here too.
  useEffect(
    () => (context ? watchPageChanges(context.key, () => void load()) : undefined),
    [context, load],
  );

  // Passages not found yet may still arrive: a page filling in late is read again.
  const hasOrphans = items.some((item) => item.orphaned);
  useEffect(() => {
    if (!hasOrphans || !doc || !painter) return;
    const stop = new AbortController();
    watchForLateContent(stop.signal, doc, () => {
      const model = readPage(doc);
      setItems((current) => {
        const next = place(
          current.map((item) => item.annotation),
          model,
        );
        painter.paint(
          next.flatMap(({ range, annotation }) =>
            range ? [{ range, colour: annotation.colour }] : [],
          ),
        );
        return next;
      });
    });
    return () => stop.abort();
  }, [hasOrphans, doc, painter]);

  const save = useCallback(
    async (annotation: Annotation): Promise<boolean> => {
      const answer = await send({ type: 'annotations/save', annotation });
      if (!answer.ok) {
        setProblem(`Not saved: ${answer.error.message}`);
        return false;
      }
      setProblem(null);
      await load();
      return true;
    },
    [send, load],
  );

  const base = useCallback(
    (now: number, page: PageContext) => ({
      id: crypto.randomUUID(),
      pageKey: page.key,
      pageUrl: page.url,
      pageTitle: page.title,
      pageKind: page.kind,
      createdAt: now,
      updatedAt: now,
    }),
    [],
  );

  /** Saves a highlight of `range`; returns its id, or null with `problem` set. */
  const highlight = useCallback(
    async ({ range, colour, note, tags }: NewHighlight): Promise<string | null> => {
      if (!context || !doc) return null;
      const model = readPage(doc);
      const selected = offsetsFromRange(model, range);
      const offsets = selected && trimOffsets(model.text, selected.start, selected.end);
      if (!offsets || offsets.start === offsets.end) {
        setProblem('Select some text on the page to highlight it.');
        return null;
      }
      if (offsets.end - offsets.start > MAX_QUOTE_LENGTH) {
        setProblem(
          `That selection is too long to highlight: keep it under ${MAX_QUOTE_LENGTH.toLocaleString('en-GB')} characters.`,
        );
        return null;
      }
      const annotation: Annotation = {
        ...base(Date.now(), context),
        kind: 'highlight',
        target: describeOnPage(model, doc.body, offsets.start, offsets.end),
        note,
        tags,
        colour,
      };
      return (await save(annotation)) ? annotation.id : null;
    },
    [context, doc, base, save],
  );

  /** Saves a whole response as a bookmark: its text, where it is, what it is and its date. */
  const bookmark = useCallback(
    async (block: Bookmarkable): Promise<boolean> => {
      if (!context) return false;
      const target =
        'target' in block ? block.target : doc && targetOfElement(readPage(doc), block.element);
      if (!target) {
        setProblem('That response could not be read from the page.');
        return false;
      }
      return save({
        ...base(Date.now(), context),
        kind: 'bookmark',
        target,
        bookmark: { label: block.label, date: block.date },
        note: '',
        tags: [],
        colour: 'blue',
      });
    },
    [context, doc, base, save],
  );

  const addPageNote = useCallback(
    async (note: string) =>
      context !== null &&
      save({
        ...base(Date.now(), context),
        kind: 'page-note',
        target: null,
        note,
        tags: [],
        colour: 'yellow',
      }),
    [context, base, save],
  );

  const remove = useCallback(
    async (id: string) => {
      const answer = await send({ type: 'annotations/delete', id });
      if (!answer.ok) {
        setProblem(`Not deleted: ${answer.error.message}`);
        return;
      }
      setDeleted(answer.data.deleted);
      await load();
    },
    [send, load],
  );

  const undo = useCallback(async () => {
    if (deleted && (await save(deleted))) setDeleted(null);
  }, [deleted, save]);

  const orphanKey = orphans.join(' ');
  const shown = useMemo(() => {
    if (doc) return items;
    const gone = new Set(orphanKey.split(' '));
    return items.map((item) => ({ ...item, orphaned: gone.has(item.annotation.id) }));
  }, [items, doc, orphanKey]);

  const paintGroup = useCallback((ranges: Range[]) => painter?.paintGroup(ranges), [painter]);
  return {
    items: shown,
    problem,
    deleted,
    painted: painter?.supported ?? false,
    /** Whether the notes are on a page here (the panel), or only listed (the view). */
    onPage: doc !== null,
    highlight,
    bookmark,
    addPageNote,
    /** Reads the page's notes again (after an edit, which saves through `useNoteEdit`). */
    reload: load,
    remove,
    undo,
    dismissUndo: () => setDeleted(null),
    flash: (range: Range) => painter?.flash(range),
    /** Paints the Hypothesis group's passages, in their own style. */
    paintGroup,
  };
}
export type Annotations = ReturnType<typeof useAnnotations>;
