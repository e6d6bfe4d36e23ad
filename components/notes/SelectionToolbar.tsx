import { useEffect, useRef, useState } from 'preact/hooks';
import { PANEL_HOST_ATTRIBUTE } from '../panel/host';

/** The shortcut that highlights the current selection (also shown in the toolbar's labels). */
export const SHORTCUT = { key: 'H', label: 'Alt+Shift+H' };

/** A non-empty selection of page text, outside the extension's own panel. */
function selectedRange(doc: Document): Range | null {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const panel = doc.querySelector(`[${PANEL_HOST_ATTRIBUTE}]`);
  if (panel && range.intersectsNode(panel)) return null;
  return range.toString().trim() ? range.cloneRange() : null;
}

/**
 * A small toolbar beside a text selection: highlight it, or highlight it and
 * write a note. Alt+Shift+H does the first from the keyboard. On a consultation's document
 * (no page of its own, so no highlights) it only adds the selection as a question.
 */
export function SelectionToolbar({
  doc,
  onHighlight,
  onAddQuestion,
}: {
  doc: Document;
  onHighlight?: (range: Range, withNote: boolean) => void;
  /** On a consultation: the selection becomes a question of the user's response draft. */
  onAddQuestion?: (text: string) => void;
}) {
  // Below the selection, or above it (anchored by its bottom edge) where there is no room below.
  const [selection, setSelection] = useState<
    ({ range: Range; left: number } & ({ top: number } | { bottom: number })) | null
  >(null);

  // The latest callback, read when used: the listeners stay put when it changes (as the card's
  // answers arrive), so a selection made meanwhile is not lost with a cleared timer.
  const latest = useRef(onHighlight);
  latest.current = onHighlight;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onSelectionChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const range = selectedRange(doc);
        if (!range) return setSelection(null);
        const rect = range.getBoundingClientRect();
        const { clientWidth: width, clientHeight: height } = doc.documentElement;
        const left = Math.max(8, Math.min(rect.left, width - 300));
        setSelection(
          height - rect.bottom >= 56
            ? { range, left, top: rect.bottom + 8 }
            : { range, left, bottom: height - rect.top + 8 },
        );
      }, 150);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.altKey && event.shiftKey && event.code === `Key${SHORTCUT.key}`)) return;
      const range = selectedRange(doc);
      if (!range || !latest.current) return;
      event.preventDefault();
      latest.current(range, false);
      setSelection(null);
    };
    doc.addEventListener('selectionchange', onSelectionChange);
    doc.addEventListener('keydown', onKeyDown);
    return () => {
      clearTimeout(timer);
      doc.removeEventListener('selectionchange', onSelectionChange);
      doc.removeEventListener('keydown', onKeyDown);
    };
  }, [doc]);

  if (!selection) return null;
  const act = (withNote: boolean) => {
    onHighlight?.(selection.range, withNote);
    setSelection(null);
  };
  return (
    <div
      class="selection-toolbar"
      role="toolbar"
      aria-label="Civic Thread: selected text"
      style={{
        left: `${selection.left}px`,
        ...('top' in selection
          ? { top: `${selection.top}px` }
          : { bottom: `${selection.bottom}px` }),
      }}
      // Keeps the page's selection while a button is pressed.
      onMouseDown={(event) => event.preventDefault()}
    >
      {onHighlight && (
        <>
          <button type="button" onClick={() => act(false)} aria-keyshortcuts="Alt+Shift+H">
            Highlight
          </button>
          <button type="button" class="secondary" onClick={() => act(true)}>
            Highlight with note
          </button>
        </>
      )}
      {onAddQuestion && (
        <button
          type="button"
          class="secondary add-question"
          onClick={() => {
            onAddQuestion(selection.range.toString());
            setSelection(null);
          }}
        >
          Add as question
        </button>
      )}
    </div>
  );
}
