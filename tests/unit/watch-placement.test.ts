import { afterEach, describe, expect, it, vi } from 'vitest';
import { CARD_GAP, CARD_WIDTH } from '../../components/card/placement';
import { type Measured, watchPlacement } from '../../components/card/watch-placement';

const sizes = () => new Map<Element, string>();

describe('watchPlacement', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('places the card first from the layout measured while its answers were on their way', () => {
    // Text over [0, 1000) of a 1280 px viewport: the free column is [1000, 1280).
    const early: Measured = {
      layout: {
        obstacles: [{ left: 0, top: 0, right: 1000, bottom: 40 }],
        viewport: { width: 1280, height: 800 },
        document: { width: 1280, height: 2000 },
      },
      sizes: sizes(),
    };
    const host = document.createElement('div');
    document.body.append(host);
    const measuring = vi.spyOn(document, 'createTreeWalker');
    const origin = vi.spyOn(host, 'getBoundingClientRect');
    const placed = vi.fn();
    const stop = watchPlacement(document, false, host, placed, early);
    const width = Math.min(CARD_WIDTH.max, 280 - 2 * CARD_GAP);
    expect(placed).toHaveBeenCalledWith({
      mode: 'card',
      position: 'fixed',
      left: 1280 - CARD_GAP - width,
      top: CARD_GAP,
      width,
    });
    // Not measured again, and a fixed place needs no origin (reading it would lay the page out).
    expect(measuring).not.toHaveBeenCalled();
    expect(origin).not.toHaveBeenCalled();
    stop();
  });

  it('measures the page itself when nothing was measured before', () => {
    const measuring = vi.spyOn(document, 'createTreeWalker');
    const stop = watchPlacement(document, false, undefined, () => {});
    expect(measuring).toHaveBeenCalledOnce();
    stop();
  });
});
