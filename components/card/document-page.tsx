import { render } from 'preact';
import { whenExtensionGone } from '../../utils/messaging/page-channel';
import { type PageSend, sendPageRequest } from '../../utils/messaging/page-client';
import { watchForLateContent } from '../../utils/pages/watch';
import { SelectionToolbar } from '../notes/SelectionToolbar';
import { documentReportOf, tellView } from '../view/report-tab';
import cardCss from './card.css?inline';
import { mountClosedRoot } from './mount';
import { useAddQuestion } from './useAddQuestion';

/** The selection toolbar alone, adding what the user selects as a question of the consultation. */
function QuestionToolbar({ send = sendPageRequest }: { send?: PageSend }) {
  const { add, problem } = useAddQuestion(send);
  return (
    <>
      <SelectionToolbar doc={document} onAddQuestion={add} />
      {problem && (
        <p class="visually-hidden" role="alert">
          The question was not added: {problem}
        </p>
      )}
    </>
  );
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
    render(<QuestionToolbar />, container);
    unmount = () => {
      host.remove();
      render(null, container);
    };
  };
  whenExtensionGone(() => {
    watching.abort();
    unmount?.();
  });
  read();
  watchForLateContent(watching.signal, doc, read);
}
