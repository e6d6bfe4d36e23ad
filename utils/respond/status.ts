import { daysUntil, formatDate } from '../dates';
import { plural } from '../plural';
import type { DraftQuestion } from '../storage/response-draft';
import { hasAnswer } from './draft';

/** How long is left: "Closes in 12 days — 12 March 2027", "Closes today — …", "Closed". */
export function closingLine(closesOn: string | null, now: number): string | null {
  if (!closesOn) return null;
  const days = daysUntil(closesOn, now);
  const date = formatDate(closesOn);
  if (days < 0) return `Closed — ${date}`;
  if (days === 0) return `Closes today — ${date}`;
  if (days === 1) return `Closes tomorrow — ${date}`;
  return `Closes in ${days} days — ${date}`;
}

/** What is still to write: "All 4 questions answered", "2 of 4 questions unanswered: 3, 4". */
export function unansweredLine(questions: DraftQuestion[]): string {
  const open = questions.filter((q) => !hasAnswer(q.answer));
  if (questions.length === 0) return 'No questions yet.';
  if (open.length === 0)
    return `All ${plural(questions.length, 'question', 'questions')} answered.`;
  const numbers = open.map((q) => q.number ?? `“${q.text.slice(0, 40)}”`);
  return `${open.length} of ${plural(questions.length, 'question', 'questions')} unanswered: ${numbers.join(', ')}.`;
}
