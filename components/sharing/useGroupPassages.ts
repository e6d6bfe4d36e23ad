import { useEffect } from 'preact/hooks';
import { prepareText } from '../../utils/annotations/code-points';
import { anchor } from '../../utils/annotations/selectors';
import { rangeFromOffsets } from '../../utils/annotations/text-model';
import type { PageSend } from '../../utils/messaging/page-client';
import type { PageContext } from '../../utils/pages/context';
import { readPage } from '../notes/useAnnotations';

/**
 * Paints the passages of the Hypothesis group's notes on this page (the content script's part of
 * sharing: only ids and selectors come here; the view lists the notes themselves).
 */
export function useGroupPassages(
  context: PageContext | null,
  send: PageSend,
  paint: (ranges: Range[]) => void,
) {
  useEffect(() => {
    if (!context) return;
    let live = true;
    void send({ type: 'sharing/page-passages', uri: context.url }).then((answer) => {
      if (!live || !answer.ok || answer.data.passages.length === 0) return;
      const model = readPage(document);
      const text = prepareText(model.text);
      paint(
        answer.data.passages.flatMap(({ target }) => {
          const found = anchor(text, target);
          const range = found ? rangeFromOffsets(model, found.start, found.end) : null;
          return range ? [range] : [];
        }),
      );
    });
    return () => {
      live = false;
    };
  }, [context, send, paint]);
}
