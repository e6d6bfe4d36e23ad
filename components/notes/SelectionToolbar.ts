import { button, el, placeAt, type Spot } from '../card/dom';
import { PANEL_HOST_ATTRIBUTE } from '../card/host';

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

interface ToolbarActions {
  onHighlight?: (range: Range, withNote: boolean) => void;
  /** On a consultation: the selection becomes a question of the user's response draft. */
  onAddQuestion?: (text: string) => void;
}

/**
 * A small toolbar beside a text selection, drawn in `container`: highlight it, or highlight it
 * and write a note. Alt+Shift+H does the first from the keyboard. On a consultation's document
 * (no page of its own, so no highlights) it only adds the selection as a question.
 * `update` gives it new callbacks: its listeners stay put, so a selection made meanwhile is not
 * lost with a cleared timer, and the latest callbacks are the ones called.
 */
export function createSelectionToolbar(container: Element, doc: Document, actions: ToolbarActions) {
  let latest = actions;
  let shown: { bar: HTMLElement; range: Range; spot: Spot } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const hide = () => {
    shown?.bar.remove();
    shown = null;
  };
  const draw = (range: Range, spot: Spot) => {
    hide();
    const act = (withNote: boolean) => {
      latest.onHighlight?.(range, withNote);
      hide();
    };
    const bar = el(
      doc,
      'div',
      { class: 'selection-toolbar', role: 'toolbar', 'aria-label': 'Civic Thread: selected text' },
      latest.onHighlight &&
        button(doc, { 'aria-keyshortcuts': SHORTCUT.label }, () => act(false), 'Highlight'),
      latest.onHighlight &&
        button(doc, { class: 'secondary' }, () => act(true), 'Highlight with note'),
      latest.onAddQuestion &&
        button(
          doc,
          { class: 'secondary add-question' },
          () => {
            latest.onAddQuestion?.(range.toString());
            hide();
          },
          'Add as question',
        ),
    );
    placeAt(bar, spot);
    // Keeps the page's selection while a button is pressed.
    bar.addEventListener('mousedown', (event) => event.preventDefault());
    container.append(bar);
    shown = { bar, range, spot };
  };

  // Below the selection, or above it (anchored by its bottom edge) where there is no room below.
  const onSelectionChange = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const range = selectedRange(doc);
      if (!range) return hide();
      const rect = range.getBoundingClientRect();
      const { clientWidth: width, clientHeight: height } = doc.documentElement;
      const left = Math.max(8, Math.min(rect.left, width - 300));
      draw(
        range,
        height - rect.bottom >= 56
          ? { left, top: rect.bottom + 8 }
          : { left, bottom: height - rect.top + 8 },
      );
    }, 150);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.altKey && event.shiftKey && event.code === `Key${SHORTCUT.key}`)) return;
    const range = selectedRange(doc);
    if (!range || !latest.onHighlight) return;
    event.preventDefault();
    latest.onHighlight(range, false);
    hide();
  };
  doc.addEventListener('selectionchange', onSelectionChange);
  doc.addEventListener('keydown', onKeyDown);

  return {
    update(next: ToolbarActions) {
      const changed =
        !next.onHighlight !== !latest.onHighlight || !next.onAddQuestion !== !latest.onAddQuestion;
      latest = next;
      // Which buttons it has follows the callbacks given; the callbacks are read when used.
      if (shown && changed) draw(shown.range, shown.spot);
    },
    destroy() {
      clearTimeout(timer);
      hide();
      doc.removeEventListener('selectionchange', onSelectionChange);
      doc.removeEventListener('keydown', onKeyDown);
    },
  };
}
export type SelectionToolbar = ReturnType<typeof createSelectionToolbar>;
