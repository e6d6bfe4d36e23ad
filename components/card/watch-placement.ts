import { measurePage, type PageLayout } from './measure';
import { type Placement, placeCard } from './placement';

/** The page's layout, and the sizes of its root and body when it was measured. */
export interface Measured {
  layout: PageLayout;
  sizes: Map<Element, string>;
}

const sizeOf = (element: Element) => {
  const { width, height } = element.getBoundingClientRect();
  return `${width}x${height}`;
};

/**
 * Measures the page for `watchPlacement`: the content script does it while the card's answers
 * are on their way, so the card is placed as soon as they are in.
 */
export function measureForPlacement(doc: Document, host: Element | undefined): Measured {
  return {
    layout: measurePage(doc, host),
    sizes: new Map([doc.documentElement, doc.body].map((element) => [element, sizeOf(element)])),
  };
}

/**
 * Where the card goes, told to `onPlace` now (before the paint: the card is placed in the frame
 * that first shows it) and again whenever the page's layout may have changed (a resize, the
 * side panel opening, late content) and the place with it. `early`, measured before, is used
 * for the first place: a root or body resized since is noticed at once by the ResizeObserver,
 * and measured again. Absolute positions are made relative to the host, which sits at the top
 * left of its containing block. Returns a function that stops.
 */
export function watchPlacement(
  doc: Document,
  collapsed: boolean,
  host: Element | undefined,
  onPlace: (placement: Placement | null) => void,
  early: Measured | null = null,
): () => void {
  const view = doc.defaultView;
  if (!view) return () => {};
  let frame = 0;
  let last: string | undefined;
  /** The sizes the last measurement saw: a resize notification of these same sizes is none. */
  let measured = new Map<Element, string>();
  const place = (given: Measured | null = null) => {
    frame = 0;
    const now = given ?? measureForPlacement(doc, host);
    measured = now.sizes;
    const found = placeCard({ ...now.layout, collapsed });
    // Read only where needed: the page may have changed since it was measured, and reading a
    // box then lays it out again.
    const origin = found?.position === 'absolute' ? host?.getBoundingClientRect() : undefined;
    const next =
      found?.position === 'absolute' && origin
        ? {
            ...found,
            left: found.left - origin.left - view.scrollX,
            top: found.top - origin.top - view.scrollY,
          }
        : found;
    const key = JSON.stringify(next);
    if (key === last) return;
    last = key;
    onPlace(next);
  };
  const schedule = () => {
    if (!frame) frame = view.requestAnimationFrame(() => place());
  };
  place(early);
  view.addEventListener('resize', schedule, { passive: true });
  // Observing reports the current sizes at once: those measured, so not measured again.
  const resized = new view.ResizeObserver((entries) => {
    const changed = entries.some(({ target, borderBoxSize: [box] }) =>
      box ? measured.get(target) !== `${box.inlineSize}x${box.blockSize}` : true,
    );
    if (changed) schedule();
  });
  resized.observe(doc.documentElement);
  resized.observe(doc.body);
  return () => {
    resized.disconnect();
    view.cancelAnimationFrame(frame);
    view.removeEventListener('resize', schedule);
  };
}
