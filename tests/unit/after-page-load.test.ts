import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPageLoad } from '../../components/content/after-page-load';

/** A window whose document is in `readyState`, with the test's fake timers. */
function pageIn(readyState: DocumentReadyState) {
  const document = Object.assign(new EventTarget(), { readyState });
  const view = Object.assign(new EventTarget(), {
    document,
    setTimeout: (run: () => void, ms?: number) => setTimeout(run, ms),
    clearTimeout: (id?: number) => clearTimeout(id),
  });
  return {
    view: view as unknown as Window,
    htmlRead: () => document.dispatchEvent(new Event('DOMContentLoaded')),
    loaded: () => view.dispatchEvent(new Event('load')),
  };
}

describe('afterPageLoad', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts in a task of its own when the page has already loaded', () => {
    const start = vi.fn();
    afterPageLoad(pageIn('complete').view, start);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(start).toHaveBeenCalledOnce();
  });

  it('waits for the load event, then runs once, after the event rather than inside it', () => {
    const start = vi.fn();
    const page = pageIn('loading');
    afterPageLoad(page.view, start, 1000);
    page.htmlRead();
    vi.advanceTimersByTime(500);
    expect(start).not.toHaveBeenCalled();
    page.loaded();
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(start).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(5000);
    expect(start).toHaveBeenCalledOnce();
  });

  it('gives up waiting for a slow load a fixed time after the HTML has been read', () => {
    const start = vi.fn();
    const page = pageIn('loading');
    afterPageLoad(page.view, start, 1000);
    // The limit counts from DOMContentLoaded, not from injection: there is no page to read before.
    vi.advanceTimersByTime(3000);
    expect(start).not.toHaveBeenCalled();
    page.htmlRead();
    vi.advanceTimersByTime(999);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledOnce();
    page.loaded();
    vi.advanceTimersByTime(0);
    expect(start).toHaveBeenCalledOnce();
  });

  it('counts the limit from injection when the HTML was already read', () => {
    const start = vi.fn();
    afterPageLoad(pageIn('interactive').view, start, 1000);
    vi.advanceTimersByTime(1000);
    expect(start).toHaveBeenCalledOnce();
  });
});
