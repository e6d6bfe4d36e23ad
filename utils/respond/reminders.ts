import { stripTags } from '../pages/text';
import type { ResponseDraft } from '../storage/response-draft';
import { hasAnswer } from './draft';

/** What the watchlist says about a followed consultation's draft in its reminders. */
export interface DraftReminder {
  unanswered: number;
  /** The numbers of the draft's questions that the published outcome names, in the draft's order. */
  answeredByOutcome: string[];
}

const NUMBER = String.raw`\d{1,3}[a-z]?`;
/** "Question 3", "questions 4 and 5", "Questions 1, 2 and 6", "questions 7 to 9", "Q10–12". */
const MENTION = new RegExp(
  String.raw`\b(?:questions?|qs?)\s*(${NUMBER}(?:\s*(?:,|and|&|or|to|-|–)\s*${NUMBER})*)`,
  'gi',
);
const RANGE = /^(\d+)\s*(?:to|-|–)\s*(\d+)$/i;

/** The question numbers an outcome's text names ("Question 3", "questions 4 to 6"), none guessed. */
export function questionsNamed(html: string): Set<string> {
  const named = new Set<string>();
  const text = stripTags(html).replace(/&nbsp;/g, ' ');
  for (const [, list = ''] of text.matchAll(MENTION)) {
    for (const part of list.split(/\s*(?:,|and|&|or)\s*/i)) {
      const range = RANGE.exec(part);
      if (range) {
        const [from, to] = [Number(range[1]), Number(range[2])];
        // A range is read only where it is short enough to be one ("questions 4 to 9").
        if (to >= from && to - from <= 50) for (let n = from; n <= to; n++) named.add(String(n));
      } else if (part) named.add(part.toLowerCase());
    }
  }
  return named;
}

/** The reminder facts of a draft: how many questions are unanswered, which the outcome names. */
export function draftReminder(draft: ResponseDraft, outcomeHtml: string | null): DraftReminder {
  const named = outcomeHtml ? questionsNamed(outcomeHtml) : new Set<string>();
  return {
    unanswered: draft.questions.filter((q) => !hasAnswer(q.answer)).length,
    answeredByOutcome: draft.questions.flatMap((q) =>
      q.number && named.has(q.number.toLowerCase()) ? [q.number] : [],
    ),
  };
}
