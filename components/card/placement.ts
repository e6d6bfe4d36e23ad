/** A rectangle in CSS pixels. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacementInput {
  /** The page's text and controls, in document coordinates. */
  obstacles: Box[];
  /** The layout viewport without scrollbars: where `position: fixed` boxes live. */
  viewport: { width: number; height: number };
  /** The document's scrollable size. */
  document: { width: number; height: number };
  /** The user's stored choice to show only the tab. */
  collapsed: boolean;
}

/**
 * Where the card or its tab goes. `fixed` boxes sit in a column no text crosses anywhere in
 * the document, so no text scrolls under them; `absolute` is in document coordinates, in a gap
 * between the page's own boxes. `canExpand`: there is room for the whole card.
 */
export type Placement =
  | { mode: 'card'; position: 'fixed'; left: number; top: number; width: number }
  | {
      mode: 'tab';
      position: 'fixed' | 'absolute';
      left: number;
      top: number;
      canExpand: boolean;
    };

/** The card's width range; narrower than the minimum, it shows as the tab. */
export const CARD_WIDTH = { min: 180, max: 320 } as const;
/** Space kept between the card and the page's text. */
export const CARD_GAP = 8;
/** The tab is a 32 px square (over the 24 px minimum target size), 2 px clear of any text. */
export const TAB_SIZE = 32;
export const TAB_GAP = 2;

type Span = { from: number; to: number };

/** The spans of [0, width) that no obstacle crosses, right-most first. */
function freeColumns(obstacles: Box[], width: number): Span[] {
  const taken = obstacles
    .filter((box) => box.right > 0 && box.left < width)
    .map((box) => ({ from: Math.max(0, box.left), to: Math.min(width, box.right) }))
    .sort((a, b) => a.from - b.from);
  const free: Span[] = [];
  let at = 0;
  for (const span of taken) {
    if (span.from > at) free.push({ from: at, to: span.from });
    at = Math.max(at, span.to);
  }
  if (at < width) free.push({ from: at, to: width });
  return free.reverse();
}

/** The first gap from the top of the document, at least `size` tall, in the column [from, to). */
function firstGapDown(obstacles: Box[], column: Span, size: number, height: number): number | null {
  const crossing = obstacles
    .filter((box) => box.right > column.from && box.left < column.to)
    .sort((a, b) => a.top - b.top);
  let at = 0;
  for (const box of crossing) {
    if (box.top - at >= size) return at;
    at = Math.max(at, box.bottom);
  }
  return height - at >= size ? at : null;
}

/**
 * Places the card where it covers none of the page's text and moves nothing: in the widest
 * text-free column at the right (a margin or a column the page leaves empty), as a tab where
 * that column is too narrow for the card, and, where no column is free at all (a narrow or
 * zoomed page), as a tab in the first gap between the page's boxes at its right or left edge.
 * Null when there is no such gap anywhere.
 */
export function placeCard({
  obstacles,
  viewport,
  document,
  collapsed,
}: PlacementInput): Placement | null {
  // Sideways scrolling moves the text under fixed boxes: only document positions are safe then.
  const scrollsSideways = document.width > viewport.width + 1;
  const columns = scrollsSideways ? [] : freeColumns(obstacles, viewport.width);
  const cardColumn = columns.find((c) => c.to - c.from >= CARD_WIDTH.min + 2 * CARD_GAP);
  if (cardColumn) {
    const width = Math.min(CARD_WIDTH.max, cardColumn.to - cardColumn.from - 2 * CARD_GAP);
    const left = cardColumn.to - CARD_GAP - width;
    if (!collapsed) return { mode: 'card', position: 'fixed', left, top: CARD_GAP, width };
    return {
      mode: 'tab',
      position: 'fixed',
      left: cardColumn.to - CARD_GAP - TAB_SIZE,
      top: CARD_GAP,
      canExpand: true,
    };
  }
  const tabColumn = columns.find((c) => c.to - c.from >= TAB_SIZE + 2 * TAB_GAP);
  if (tabColumn) {
    const left = tabColumn.to - TAB_GAP - TAB_SIZE;
    return { mode: 'tab', position: 'fixed', left, top: CARD_GAP, canExpand: false };
  }
  const edges = [document.width - TAB_GAP - TAB_SIZE, TAB_GAP];
  for (const left of edges) {
    const column = { from: left - TAB_GAP, to: left + TAB_SIZE + TAB_GAP };
    const gap = firstGapDown(obstacles, column, TAB_SIZE + 2 * TAB_GAP, document.height);
    if (gap !== null)
      return { mode: 'tab', position: 'absolute', left, top: gap + TAB_GAP, canExpand: false };
  }
  return null;
}
