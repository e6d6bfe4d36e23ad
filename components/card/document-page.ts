import { whenExtensionGone } from '../../utils/messaging/page-channel';
import { type PageSend, sendPageRequest } from '../../utils/messaging/page-client';
import { watchForLateContent } from '../../utils/pages/watch';
import { createSelectionToolbar } from '../notes/SelectionToolbar';
import { documentReportOf, tellView } from '../view/report-tab';
import { addQuestion } from './add-question';
import cardCss from './card.css?inline';
import { el, slot } from './dom';
import { mountClosedRoot } from './mount';

/** The selection toolbar alone, adding what the user selects as a question of the consultation. */
export function showQuestionToolbar(
  container: Element,
  send: PageSend = sendPageRequest,
): () => void {
  const doc = container.ownerDocument;
  const alert = slot(container);
  const toolbar = createSelectionToolbar(container, doc, {
    onAddQuestion: (text) =>
      void addQuestion(send, text).then((problem) => {
        const said = problem && `The question was not added: ${problem}`;
        alert.set(said, () => el(doc, 'p', { class: 'visually-hidden', role: 'alert' }, said));
      }),
  });
  return () => toolbar.destroy();
}

/**
 * A consultation's HTML document (`/government/consultations/<slug>/<document>`), where its
 * questions are read: the view beside it is told so (it offers the consultation's response
 * workspace) and "Add as question" works on it. It is no page of its own: no card, no visit.
 * Read again as late content comes in, as pages are; anything else at such an address is left alone.
 */
export function startDocumentPage(url: URL, doc: Document) {
  const watching = new AbortController();
  let unmount: (() => void) | null = null;
  const read = () => {
    const report = documentReportOf(url, doc);
    tellView(report ?? { status: 'none' });
    if (!report || unmount) return;
    const { host, container } = mountClosedRoot(doc, cardCss);
    const stop = showQuestionToolbar(container);
    unmount = () => {
      stop();
      host.remove();
    };
  };
  whenExtensionGone(() => {
    watching.abort();
    unmount?.();
  });
  read();
  watchForLateContent(watching.signal, doc, read);
}
