import type { Box, PlacementInput } from './placement';

/** Page elements that show something without text of their own. */
const CONTROLS = 'img, svg, video, canvas, iframe, input, select, textarea, button';
/** A text node with anything but white space in it (tested, not trimmed: no copy of the text). */
const VISIBLE_CHARACTER = /\S/;

/**
 * The boxes of the page's visible text and controls, in document coordinates, leaving out the
 * extension's own UI. Text hidden only by clipping (GOV.UK's visually-hidden spans) counts:
 * the card then keeps clear of it too, which costs nothing in a margin.
 */
export function pageObstacles(doc: Document): Box[] {
  const view = doc.defaultView;
  const body = doc.body;
  if (!view || !body) return [];
  const { scrollX, scrollY } = view;
  const boxes: Box[] = [];
  const add = (rects: Iterable<DOMRect>) => {
    for (const rect of rects) {
      if (rect.width <= 0 || rect.height <= 0) continue;
      boxes.push({
        left: rect.left + scrollX,
        top: rect.top + scrollY,
        right: rect.right + scrollX,
        bottom: rect.bottom + scrollY,
      });
    }
  };
  const visible = new Map<Element, boolean>();
  const isVisible = (element: Element) => {
    let known = visible.get(element);
    if (known === undefined) {
      known = element.checkVisibility({ visibilityProperty: true });
      visible.set(element, known);
    }
    return known;
  };
  // Found natively, with no filter to call back for every node: a panel host's own boxes are in
  // its closed shadow root, which no query or walker enters, and whatever a page put in the host
  // beside it is not rendered, so not visible.
  for (const control of body.querySelectorAll(CONTROLS)) {
    if (isVisible(control)) add([control.getBoundingClientRect()]);
  }
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !VISIBLE_CHARACTER.test((node as Text).data) || !isVisible(parent)) continue;
    range.selectNodeContents(node);
    add(range.getClientRects());
  }
  return boxes;
}

/** Set on the host while the page is measured, so the page's size leaves out the card's last place. */
export const MEASURING_ATTRIBUTE = 'data-measuring';

/** What `placeCard` needs to know about the page as it is laid out now, but the user's choice. */
export type PageLayout = Omit<PlacementInput, 'collapsed'>;

export function measurePage(doc: Document, host: Element | undefined): PageLayout {
  const root = doc.documentElement;
  // Set and cleared in one task, so no frame is painted without the card.
  host?.setAttribute(MEASURING_ATTRIBUTE, '');
  const measured = {
    obstacles: pageObstacles(doc),
    viewport: { width: root.clientWidth, height: root.clientHeight },
    document: { width: root.scrollWidth, height: root.scrollHeight },
  };
  host?.removeAttribute(MEASURING_ATTRIBUTE);
  return measured;
}
