import type { ResponseFormat } from '../../utils/respond/export';
import type { ResponseDraft } from '../../utils/storage/response-draft';

// The exports (and `docx`) load when first asked for, so opening the view never waits for them.
const exports = () => import('../../utils/respond/export');

const slug = (draft: ResponseDraft) => draft.key.replace(/^consultation:/, '');

/** Downloads the whole response, or one question of it, in a format. */
export async function download(
  draft: ResponseDraft,
  format: ResponseFormat,
  question?: { id: string; number: string | null },
): Promise<void> {
  const { exportResponse, RESPONSE_FORMATS } = await exports();
  const blob = await exportResponse(draft, format, question?.id);
  const part = question ? `-question-${question.number ?? question.id}` : '';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${slug(draft)}-response${part}.${RESPONSE_FORMATS[format].extension}`;
  link.click();
  // The download has its own copy of the data once started; the next task may let it go.
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** The text to paste: the whole response (Markdown or plain), or one answer alone for a survey's box. */
export async function copyText(
  draft: ResponseDraft,
  what: 'markdown' | 'text' | { answerOf: string },
): Promise<void> {
  const { answerBlocks, responseBlocks, toMarkdown, toText } = await exports();
  let text: string;
  if (typeof what === 'object') {
    const question = draft.questions.find((q) => q.id === what.answerOf);
    if (!question) throw new Error('That question is not in this draft.');
    text = toText(answerBlocks(question));
  } else text = (what === 'markdown' ? toMarkdown : toText)(responseBlocks(draft));
  await navigator.clipboard.writeText(text);
}
