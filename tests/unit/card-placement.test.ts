import { describe, expect, it } from 'vitest';
import {
  type Box,
  CARD_GAP,
  CARD_WIDTH,
  type Placement,
  placeCard,
  TAB_SIZE,
} from '../../components/card/placement';

const box = (left: number, top: number, right: number, bottom: number): Box => ({
  left,
  top,
  right,
  bottom,
});
/** A GOV.UK-like page: lines of text in a 960 px column centred in the viewport. */
function centredColumn(viewportWidth: number, lines = 80): Box[] {
  const left = (viewportWidth - 960) / 2 + 15;
  return Array.from({ length: lines }, (_, i) => box(left, i * 30, left + 930, i * 30 + 24));
}
const viewport = (width: number) => ({ width, height: 900 });
const documentOf = (width: number) => ({ width, height: 80 * 30 });

/** The box a placement draws, in document coordinates, for any scroll position. */
function covers(placement: Placement, obstacle: Box, documentHeight: number): boolean {
  const width = placement.mode === 'card' ? placement.width : TAB_SIZE;
  const fixed = placement.position === 'fixed';
  // A fixed box sweeps its whole column as the page scrolls under it.
  const top = fixed ? 0 : placement.top;
  const bottom = fixed ? documentHeight : placement.top + TAB_SIZE;
  return (
    obstacle.left < placement.left + width &&
    obstacle.right > placement.left &&
    obstacle.top < bottom &&
    obstacle.bottom > top
  );
}

describe('where the card sits', () => {
  it("goes in the page's right margin when it is wide enough, clear of the text", () => {
    const obstacles = centredColumn(1385);
    const placement = placeCard({
      obstacles,
      viewport: viewport(1385),
      document: documentOf(1385),
      collapsed: false,
    });
    // The text ends at 1157.5 px: 227.5 px of margin, less a gap on each side.
    expect(placement).toEqual({
      mode: 'card',
      position: 'fixed',
      left: 1157.5 + CARD_GAP,
      top: CARD_GAP,
      width: 211.5,
    });
    expect(obstacles.some((o) => placement && covers(placement, o, 2400))).toBe(false);
  });

  it('is as wide as its maximum in a wide margin', () => {
    const placement = placeCard({
      obstacles: centredColumn(1905),
      viewport: viewport(1905),
      document: documentOf(1905),
      collapsed: false,
    });
    expect(placement).toMatchObject({ mode: 'card', width: CARD_WIDTH.max });
  });

  it('shows the tab in the same margin when the user collapsed it, and can expand', () => {
    const placement = placeCard({
      obstacles: centredColumn(1385),
      viewport: viewport(1385),
      document: documentOf(1385),
      collapsed: true,
    });
    expect(placement).toEqual({
      mode: 'tab',
      position: 'fixed',
      left: 1385 - CARD_GAP - TAB_SIZE,
      top: CARD_GAP,
      canExpand: true,
    });
  });

  it('uses a column the page leaves free inside its layout when the margin is too narrow', () => {
    const obstacles = [box(10, 0, 600, 2000), box(900, 0, 1060, 2000)];
    const placement = placeCard({
      obstacles,
      viewport: viewport(1100),
      document: { width: 1100, height: 2000 },
      collapsed: false,
    });
    expect(placement).toMatchObject({ mode: 'card', left: 900 - CARD_GAP - 284, width: 284 });
  });

  it('is only the tab, which cannot expand over the text, in a margin too narrow for the card', () => {
    const placement = placeCard({
      obstacles: centredColumn(1265),
      viewport: viewport(1265),
      document: documentOf(1265),
      collapsed: false,
    });
    expect(placement).toMatchObject({ mode: 'tab', position: 'fixed', canExpand: false });
  });

  it('puts the tab in the first gap between the boxes at the edge when text runs edge to edge', () => {
    // 640 px (1280 px at 200% zoom): text reaches within 15 px of each side; a 40 px gap after line 3.
    const lines = [0, 30, 60, 140, 170].map((top) => box(15, top, 625, top + 24));
    const placement = placeCard({
      obstacles: lines,
      viewport: viewport(625),
      document: { width: 625, height: 200 },
      collapsed: false,
    });
    expect(placement).toEqual({
      mode: 'tab',
      position: 'absolute',
      left: 625 - 2 - TAB_SIZE,
      top: 84 + 2,
      canExpand: false,
    });
  });

  it('never uses fixed boxes on a page that scrolls sideways', () => {
    const placement = placeCard({
      obstacles: [box(0, 0, 1400, 24)],
      viewport: viewport(1000),
      document: { width: 1400, height: 900 },
      collapsed: false,
    });
    expect(placement).toMatchObject({ position: 'absolute', top: 26 });
  });

  it('is nowhere on a page with no room at all', () => {
    expect(
      placeCard({
        obstacles: [box(0, 0, 600, 600)],
        viewport: viewport(600),
        document: { width: 600, height: 600 },
        collapsed: false,
      }),
    ).toBeNull();
  });

  it('covers no obstacle on any of 300 random layouts', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 300; round++) {
      const width = 500 + Math.floor(random() * 1500);
      const obstacles = Array.from({ length: 1 + Math.floor(random() * 40) }, () => {
        const left = random() * width;
        const top = random() * 3000;
        return box(left, top, left + random() * 600, top + 10 + random() * 80);
      });
      const collapsed = random() < 0.3;
      const placement = placeCard({
        obstacles,
        viewport: { width, height: 800 },
        document: { width, height: 3200 },
        collapsed,
      });
      if (!placement) continue;
      for (const obstacle of obstacles) expect(covers(placement, obstacle, 3200)).toBe(false);
      if (placement.mode === 'card') expect(placement.width).toBeGreaterThanOrEqual(CARD_WIDTH.min);
    }
  });
});
