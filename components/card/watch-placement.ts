import { measurePage } from './measure';
import { type Placement, placeCard } from './placement';

/**
 * Where the card goes, told to `onPlace` now (before the paint: the card is placed in the frame
 * that first shows it) and again whenever the page's layout may have changed (a resize, the
 * side panel opening, late content) and the place with it. Absolute positions are made relative
 * to the host, which sits at the top left of its containing block. Returns a function that stops.
 */
export function watchPlacement(
  doc: Document,
  collapsed: boolean,
  host: Element | undefined,
  onPlace: (placement: Placement | null) => void,
): () => void {
  const view = doc.defaultView;
  if (!view) return () => {};
  let frame = 0;
  let last: string | undefined;
  /** The sizes the last measurement saw: a resize notification of these same sizes is none. */
  let measured = new Map<Element, string>();
  const sizeOf = (element: Element) => {
    const { width, height } = element.getBoundingClientRect();
    return `${width}x${height}`;
  };
  const place = () => {
    frame = 0;
    const found = placeCard(measurePage(doc, host, collapsed));
    measured = new Map(
      [doc.documentElement, doc.body].map((element) => [element, sizeOf(element)]),
    );
    const origin = host?.getBoundingClientRect();
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
    if (!frame) frame = view.requestAnimationFrame(place);
  };
  place();
  view.addEventListener('resize', schedule, { passive: true });
  // Observing reports the current sizes at once: measured just now, so not measured again.
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
