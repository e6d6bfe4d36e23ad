import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SelectionToolbar } from '../../components/notes/SelectionToolbar';

describe('the selection toolbar', () => {
  let root: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p id="text">The SENCO must hold the award within 3 years.</p>';
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
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
    act(() => render(<SelectionToolbar doc={document} onHighlight={first} />, root));
    select('within 3 years');
    // The card's answers arrive within the toolbar's wait: it is drawn again, its callback new.
    act(() => render(<SelectionToolbar doc={document} onHighlight={second} />, root));
    act(() => {
      vi.advanceTimersByTime(200);
    });
    const button = root.querySelector<HTMLButtonElement>('.selection-toolbar button');
    expect(button?.textContent).toBe('Highlight');
    act(() => button?.click());
    expect(second).toHaveBeenCalledWith(expect.any(Object), false);
    expect(first).not.toHaveBeenCalled();
  });

  it('highlights from the keyboard with the latest callback', () => {
    const first = vi.fn();
    const second = vi.fn();
    act(() => render(<SelectionToolbar doc={document} onHighlight={first} />, root));
    act(() => render(<SelectionToolbar doc={document} onHighlight={second} />, root));
    select('within 3 years');
    document.dispatchEvent(
      new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyH', bubbles: true }),
    );
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
  });

  it('on a consultation’s document, only adds the selection as a question (no highlight there)', () => {
    const add = vi.fn();
    act(() => render(<SelectionToolbar doc={document} onAddQuestion={add} />, root));
    select('within 3 years');
    act(() => {
      vi.advanceTimersByTime(200);
    });
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
    act(() => buttons[0]?.click());
    expect(add).toHaveBeenCalledWith('within 3 years');
  });
});
