/**
 * The few DOM helpers the in-page UI is written with (plain DOM, no framework: the content
 * script stays small, ARCHITECTURE.md). Text goes in as text nodes only, never as HTML.
 */
type Child = Node | string | null | undefined | false;

/** An element with its attributes (undefined ones left out) and children (strings as text). */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** A button that calls `onClick`; its listener goes with it when it is removed. */
export function button(
  doc: Document,
  attributes: Record<string, string | undefined>,
  onClick: () => void,
  ...children: Child[]
): HTMLButtonElement {
  const made = el(doc, 'button', { type: 'button', ...attributes }, ...children);
  made.addEventListener('click', onClick);
  return made;
}

/** Left and top (or bottom: anchored by its bottom edge) in px. */
export type Spot = { left: number } & ({ top: number } | { bottom: number });

export function placeAt(element: HTMLElement, spot: Spot) {
  element.style.left = `${spot.left}px`;
  if ('top' in spot) element.style.top = `${spot.top}px`;
  else element.style.bottom = `${spot.bottom}px`;
}

/**
 * A place in `parent` for at most one node, drawn again only when its key changes (so a
 * focused link or button is not replaced while nothing about it changed). Null: nothing there.
 */
export function slot(parent: Node) {
  const mark = (parent.ownerDocument ?? (parent as Document)).createComment('');
  parent.appendChild(mark);
  let key: string | null = null;
  let node: Node | null = null;
  return {
    set(nextKey: string | null, make: () => Node) {
      if (nextKey === key) return;
      key = nextKey;
      node?.parentNode?.removeChild(node);
      node = nextKey === null ? null : make();
      if (node) mark.parentNode?.insertBefore(node, mark);
    },
    get node() {
      return node;
    },
  };
}
