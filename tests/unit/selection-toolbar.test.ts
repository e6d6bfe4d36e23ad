import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSelectionToolbar,
  type SelectionToolbar,
} from '../../components/notes/SelectionToolbar';

describe('the selection toolbar', () => {
  let root: HTMLElement;
  let toolbar: SelectionToolbar | undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p id="text">The SENCO must hold the award within 3 years.</p>';
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    toolbar?.destroy();
    vi.useRealTimers();
  });

  const select = (words: string) => {
    const node = document.getElementById('text')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, node.data.indexOf(words));
    range.setEnd(node, node.data.indexOf(words) + words.length);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
  };

  it('appears for a selection made while its owner redraws it with a new callback', () => {
    const first = vi.fn();
    const second = vi.fn();
    toolbar = createSelectionToolbar(root, document, { onHighlight: first });
    select('within 3 years');
    // The card's answers arrive within the toolbar's wait: it is given a new callback.
    toolbar.update({ onHighlight: second });
    vi.advanceTimersByTime(200);
    const button = root.querySelector<HTMLButtonElement>('.selection-toolbar button');
    expect(button?.textContent).toBe('Highlight');
    button?.click();
    expect(second).toHaveBeenCalledWith(expect.any(Object), false);
    expect(first).not.toHaveBeenCalled();
    // Done with, it is gone.
    expect(root.querySelector('.selection-toolbar')).toBeNull();
  });

  it('highlights from the keyboard with the latest callback', () => {
    const first = vi.fn();
    const second = vi.fn();
    toolbar = createSelectionToolbar(root, document, { onHighlight: first });
    toolbar.update({ onHighlight: second });
    select('within 3 years');
    document.dispatchEvent(
      new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyH', bubbles: true }),
    );
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
  });

  it('on a consultation’s document, only adds the selection as a question (no highlight there)', () => {
    const add = vi.fn();
    toolbar = createSelectionToolbar(root, document, { onAddQuestion: add });
    select('within 3 years');
    vi.advanceTimersByTime(200);
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.selection-toolbar button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Add as question']);
    // The highlight shortcut does nothing, and leaves the page's own key handling alone.
    const key = new KeyboardEvent('keydown', {
      altKey: true,
      shiftKey: true,
      code: 'KeyH',
      bubbles: true,
      cancelable: true,
    });
    document.dispatchEvent(key);
    expect(key.defaultPrevented).toBe(false);
    buttons[0]?.click();
    expect(add).toHaveBeenCalledWith('within 3 years');
  });

  it('stops listening when destroyed: no toolbar for a later selection, none left drawn', () => {
    const highlight = vi.fn();
    toolbar = createSelectionToolbar(root, document, { onHighlight: highlight });
    select('within 3 years');
    vi.advanceTimersByTime(200);
    expect(root.querySelector('.selection-toolbar')).not.toBeNull();
    toolbar.destroy();
    expect(root.querySelector('.selection-toolbar')).toBeNull();
    select('SENCO');
    vi.advanceTimersByTime(200);
    document.dispatchEvent(
      new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyH', bubbles: true }),
    );
    expect(root.querySelector('.selection-toolbar')).toBeNull();
    expect(highlight).not.toHaveBeenCalled();
  });
});
