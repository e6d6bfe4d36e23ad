import { consultationOfDocument } from '../pages/consultation-document';
import { detectHref } from '../pages/registry';
import type { CivicThreadDB } from '../storage/db';
import type { ResponseDraft } from '../storage/response-draft';
import { getDraft, saveDraft } from '../storage/response-store';
import { visitedPage } from '../storage/thread-store';
import { addQuestion, newDraft, pastedQuestions } from './draft';

/** Saves that lost to another view's save in between are tried again this many times. */
const ATTEMPTS = 3;

/**
 * The consultation a page is of (its own page, or one of its HTML documents, where its questions
 * are read): its key and address, and the page's address (no fragment), or null.
 */
function consultationOf(pageUrl: string): { key: string; url: string; pageUrl: string } | null {
  const detected = detectHref(pageUrl);
  if (detected) {
    const { page, url } = detected;
    return page.kind === 'consultation'
      ? { key: page.key, url: url.href.replace(/\.cy$/, ''), pageUrl: url.href }
      : null;
  }
  if (!URL.canParse(pageUrl)) return null;
  const url = new URL(pageUrl);
  url.hash = '';
  const parent = consultationOfDocument(url);
  return parent && { ...parent, pageUrl: url.href };
}

/**
 * Text the user selected on a consultation's page or one of its documents, added as a question of that consultation's
 * draft (a draft is started if there is none). A number the selection starts with ("Question 4:")
 * is kept; nothing else is read into it.
 */
export async function addSelectedQuestion(
  db: CivicThreadDB,
  pageUrl: string,
  text: string,
  now: number,
): Promise<ResponseDraft> {
  const consultation = consultationOf(pageUrl);
  if (!consultation)
    throw new Error('Only text on a consultation’s page can be added as one of its questions.');
  const { key } = consultation;
  const [question] = pastedQuestions(text.replace(/\s+/g, ' '));
  if (!question) throw new Error('The selection holds no text to add.');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = await getDraft(db, key);
    const page = stored ? null : await visitedPage(db, key);
    const base =
      stored ??
      newDraft(
        {
          key,
          url: page?.url ?? consultation.url,
          title: page?.title ?? null,
          closesOn: page?.context.kind === 'consultation' ? page.context.closesOn : null,
        },
        now,
      );
    const outcome = await saveDraft(
      db,
      addQuestion(
        base,
        question,
        { from: 'user', how: 'selected', pageUrl: consultation.pageUrl },
        now,
      ),
    );
    if (outcome.status === 'saved') return outcome.draft;
  }
  throw new Error('The draft kept changing in another view: try again.');
}
