import type { Painter } from '../../utils/annotations/painter';
import type { PageSend } from '../../utils/messaging/page-client';
import type { PageContext } from '../../utils/pages/context';
import { rangesOf, readPageText } from '../notes/annotations';

/**
 * Paints the passages of the Hypothesis group's notes on this page (the content script's part of
 * sharing: only ids and selectors come here; the view lists the notes themselves), anchored in
 * the page's text as it is when the answer comes. Asked only of a user who shares with a group.
 * Returns a function that stops waiting for the answer.
 */
export function paintGroupPassages(
  context: PageContext,
  send: PageSend,
  doc: Document,
  painter: Painter,
): () => void {
  let live = true;
  void send({ type: 'sharing/page-passages', uri: context.url }).then((answer) => {
    if (!live || !answer.ok || answer.data.passages.length === 0) return;
    const ranges = rangesOf(
      // Read now: the page may have filled in since anything else read it.
      readPageText(doc),
      answer.data.passages.map(({ target }) => target),
    );
    painter.paintGroup(ranges.filter((range): range is Range => range !== null));
  });
  return () => {
    live = false;
  };
}
