import { useEffect, useState } from 'preact/hooks';
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
 * write a note. Alt+Shift+H does the first from the keyboard.
 */
export function SelectionToolbar({
  doc,
  onHighlight,
}: {
  doc: Document;
  onHighlight: (range: Range, withNote: boolean) => void;
}) {
  const [selection, setSelection] = useState<{ range: Range; top: number; left: number } | null>(
    null,
  );

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onSelectionChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const range = selectedRange(doc);
        if (!range) return setSelection(null);
        const rect = range.getBoundingClientRect();
        const view = doc.defaultView;
        const width = view?.innerWidth ?? 1024;
        const height = view?.innerHeight ?? 768;
        setSelection({
          range,
          top: Math.min(Math.max(8, rect.bottom + 8), height - 56),
          left: Math.min(Math.max(8, rect.left), width - 300),
        });
      }, 150);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.altKey && event.shiftKey && event.code === `Key${SHORTCUT.key}`)) return;
      const range = selectedRange(doc);
      if (!range) return;
      event.preventDefault();
      onHighlight(range, false);
      setSelection(null);
    };
    doc.addEventListener('selectionchange', onSelectionChange);
    doc.addEventListener('keydown', onKeyDown);
    return () => {
      clearTimeout(timer);
      doc.removeEventListener('selectionchange', onSelectionChange);
      doc.removeEventListener('keydown', onKeyDown);
    };
  }, [doc, onHighlight]);

  if (!selection) return null;
  const act = (withNote: boolean) => {
    onHighlight(selection.range, withNote);
    setSelection(null);
  };
  return (
    <div
      class="selection-toolbar"
      role="toolbar"
      aria-label="Civic Thread: selected text"
      style={{ top: `${selection.top}px`, left: `${selection.left}px` }}
      // Keeps the page's selection while a button is pressed.
      onMouseDown={(event) => event.preventDefault()}
    >
      <button type="button" onClick={() => act(false)} aria-keyshortcuts="Alt+Shift+H">
        Highlight
      </button>
      <button type="button" class="secondary" onClick={() => act(true)}>
        Highlight with note
      </button>
    </div>
  );
}
