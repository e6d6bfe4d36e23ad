/**
 * DOM constants by value, so the module runs wherever a Document comes from
 * (the page, or a test's parser) without relying on `Node` and `NodeFilter` globals.
 */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FOLLOWING = 0x4;
const CONTAINED_BY = 0x10;

/** Elements whose text is never shown. */
const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);

/**
 * The page's rendered text as one string, with a map back to its text nodes.
 * A `<br>` counts as a space (it has no text node of its own); script and style
 * text are left out, as is anything `skip` names (the extension's own UI).
 */
export interface TextModel {
  text: string;
  /** Text nodes in document order with the offset where each starts in `text`. */
  nodes: { node: Text; start: number }[];
}

export function buildTextModel(
  root: Node,
  skip: (element: Element) => boolean = () => false,
): TextModel {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === ELEMENT_NODE && (HIDDEN.has(node.nodeName) || skip(node as Element))
        ? FILTER_REJECT
        : FILTER_ACCEPT,
  });
  const parts: string[] = [];
  const nodes: TextModel['nodes'] = [];
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      nodes.push({ node: node as Text, start: length });
      parts.push(data);
      length += data.length;
    } else if (node.nodeName === 'BR') {
      parts.push(' ');
      length += 1;
    }
  }
  return { text: parts.join(''), nodes };
}

/** The index of the text node holding `offset` (the last node starting at or before it). */
function nodeIndexAt(model: TextModel, offset: number): number {
  let low = 0;
  let high = model.nodes.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((model.nodes[middle]?.start ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A DOM Range over [start, end) of the model's text; null for an empty model. */
export function rangeFromOffsets(model: TextModel, start: number, end: number): Range | null {
  const first = model.nodes[nodeIndexAt(model, start)];
  const last = model.nodes[nodeIndexAt(model, end)];
  if (!first || !last) return null;
  const range = first.node.ownerDocument.createRange();
  range.setStart(first.node, Math.min(start - first.start, first.node.length));
  range.setEnd(last.node, Math.min(end - last.start, last.node.length));
  return range;
}

/** Offsets in the model's text of a boundary point (container, offset) of a Range. */
function offsetOf(model: TextModel, container: Node, offset: number): number | null {
  if (container.nodeType === TEXT_NODE) {
    const entry = model.nodes.find((candidate) => candidate.node === container);
    return entry ? entry.start + offset : null;
  }
  // An element boundary: the first text node at or after that child.
  const after = container.childNodes[offset] ?? null;
  for (const entry of model.nodes) {
    const position = after
      ? after.compareDocumentPosition(entry.node)
      : container.compareDocumentPosition(entry.node);
    const atOrAfter = after
      ? entry.node === after || position & FOLLOWING || position & CONTAINED_BY
      : position & FOLLOWING && !(position & CONTAINED_BY);
    if (atOrAfter) return entry.start;
  }
  return model.text.length;
}

/** The model offsets a Range covers, or null when it lies outside the model. */
export function offsetsFromRange(
  model: TextModel,
  range: Range,
): { start: number; end: number } | null {
  const start = offsetOf(model, range.startContainer, range.startOffset);
  const end = offsetOf(model, range.endContainer, range.endOffset);
  return start === null || end === null || end <= start ? null : { start, end };
}

/**
 * Where [start, end) of the model's text falls in `root.textContent`, in UTF-16 units: the count
 * Hypothesis anchors a TextPositionSelector by (hypothesis/client @ 9d28950, src/annotator/
 * anchoring/text-range.ts: every text node under the root, script and style text included, a
 * `<br>` nothing). Null when the model has no text there.
 */
export function textContentOffsets(
  model: TextModel,
  root: Node,
  start: number,
  end: number,
): { start: number; end: number } | null {
  const first = model.nodes[nodeIndexAt(model, start)];
  const last = model.nodes[nodeIndexAt(model, end)];
  if (!first || !last) return null;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  let counted = 0;
  let from: number | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node === first.node) from = counted + Math.min(start - first.start, first.node.length);
    if (node === last.node) {
      return from === null
        ? null
        : { start: from, end: counted + Math.min(end - last.start, last.node.length) };
    }
    counted += (node as Text).data.length;
  }
  return null;
}
