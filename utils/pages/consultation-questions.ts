import { z } from '../zod';
import { cleanText } from './text';

/**
 * The numbered questions of a consultation's HTML document (a GOV.UK HTML publication under the
 * consultation's path). Pure: a page (or its Content API body, parsed) in, questions out.
 * Govspeak writes a question as a heading or a paragraph starting "Question 3" (the wording in it
 * or in the paragraphs after it), its answer options as the list or the "A / B / C" line after
 * it; or as an ordered list under a heading about questions. A document written any other way
 * gives no questions: nothing is guessed.
 */
export const DocumentQuestion = z.object({
  number: z.string(),
  text: z.string(),
  options: z.array(z.string()),
  documentUrl: z.string(),
  heading: z.nullable(z.string()),
});
export type DocumentQuestion = z.infer<typeof DocumentQuestion>;

/** "Question 3", "Question 5a:", "Q12." — and the wording after it, if any. */
const NUMBERED =
  /^(?:question\s*|q(?=\d{1,3}[a-z]?[:.)]))(\d{1,3}[a-z]?)(?=[\s:.)–—-]|$)\s*([:.)–—-])?\s*(.*)$/is;
/** A heading that introduces a list of questions ("Consultation questions", "Questions"). */
const QUESTIONS_HEADING = /\bquestions\b/i;
/** Longer than this, a paragraph is the document's prose, not a question's wording. */
const MAX_WORDING = 600;
/** Longer than this, a list item is not an answer option. */
const MAX_OPTION = 120;
const OPTION_LINE = /\s+\/\s+/;

const BLOCKS = 'h2, h3, h4, h5, h6, p, ul, ol';

type Draft = { number: string; text: string[]; options: string[]; heading: string | null };

/** An element's own text, without the text of lists inside it (a list item's sub-options). */
function ownText(el: Element): string {
  const parts: string[] = [];
  for (const node of el.childNodes) {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    else if (node.nodeType === 1 && !['UL', 'OL'].includes((node as Element).tagName))
      parts.push(ownText(node as Element));
  }
  return cleanText(parts.join(''));
}

const itemsOf = (list: Element) =>
  [...list.children].filter((li) => li.tagName === 'LI').map((li) => ownText(li));

export function questionsFromDocument(root: ParentNode, documentUrl: string): DocumentQuestion[] {
  const bodies = [...root.querySelectorAll('.govspeak')].filter(
    (el) => !el.parentElement?.closest('.govspeak'),
  );
  const questions: DocumentQuestion[] = [];
  let heading: string | null = null;
  let open: Draft | null = null;
  const close = () => {
    if (open && open.text.length > 0) {
      questions.push({
        number: open.number,
        text: open.text.join(' '),
        options: open.options,
        documentUrl,
        heading: open.heading,
      });
    }
    open = null;
  };

  for (const body of bodies) {
    // Top-level blocks only: a list item's paragraphs belong to their list.
    const blocks = [...body.querySelectorAll(BLOCKS)].filter(
      (el) => !el.parentElement?.closest('li, table, blockquote'),
    );
    for (const el of blocks) {
      const isHeading = /^H\d$/.test(el.tagName);
      const isList = el.tagName === 'UL' || el.tagName === 'OL';
      const text = isList ? '' : cleanText(el.textContent);
      const numbered = isList ? null : NUMBERED.exec(text);
      // In prose "Question 3 asks…" is no question: a heading says so alone, a paragraph with a mark.
      if (numbered && (isHeading || numbered[2] || !numbered[3])) {
        close();
        const wording = cleanText(numbered[3]);
        open = { number: numbered[1] ?? '', text: wording ? [wording] : [], options: [], heading };
        continue;
      }
      if (isHeading) {
        close();
        heading = text || null;
        continue;
      }
      const current = open as Draft | null;
      if (current) {
        if (isList) {
          const items = itemsOf(el);
          if (current.options.length === 0 && items.every((item) => item.length <= MAX_OPTION)) {
            current.options = items.filter(Boolean);
          } else close();
        } else if (current.options.length === 0 && OPTION_LINE.test(text) && current.text.length) {
          const items = text.split(OPTION_LINE).map(cleanText);
          if (items.every((item) => item.length > 0 && item.length <= MAX_OPTION))
            current.options = items;
          else current.text.push(text);
        } else if (text.length <= MAX_WORDING) {
          if (text) current.text.push(text);
        } else close();
        continue;
      }
      if (el.tagName === 'OL' && heading && QUESTIONS_HEADING.test(heading)) {
        const start = Number(el.getAttribute('start') ?? '1') || 1;
        [...el.children]
          .filter((li) => li.tagName === 'LI')
          .forEach((li, index) => {
            const wording = ownText(li);
            if (!wording) return;
            const nested = li.querySelector(':scope > ul, :scope > ol');
            questions.push({
              number: String(start + index),
              text: wording,
              options: nested ? itemsOf(nested) : [],
              documentUrl,
              heading,
            });
          });
      }
    }
    close();
  }
  return questions;
}
