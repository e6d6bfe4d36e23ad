import { openLink } from '../library/open-link';
import type { DocumentQuestion } from '../pages/consultation-questions';
import type { Annotation } from '../storage/records';
import {
  type Answer,
  type DraftQuestion,
  type Evidence,
  emptyAnswer,
  type QuestionSource,
  type ResponseDraft,
} from '../storage/response-draft';

/** What the view knows about the consultation when it starts a draft. */
export interface ConsultationFacts {
  key: string;
  url: string;
  title: string | null;
  closesOn: string | null;
}

type NewId = () => string;
const randomId: NewId = () => crypto.randomUUID();

export function newDraft(consultation: ConsultationFacts, now: number): ResponseDraft {
  return { ...consultation, questions: [], createdAt: now, updatedAt: now, revision: 0 };
}

/** Whether an answer holds anything the user wrote or chose. */
export const hasAnswer = (answer: Answer): boolean =>
  answer.option !== null ||
  answer.points.some((point) => point.trim()) ||
  answer.evidence.length > 0 ||
  answer.views.length > 0;

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
const normalised = (text: string) => words(text).join(' ');

/** Share of words two wordings have in common (Jaccard): a reworded question still scores high. */
function likeness(a: string, b: string): number {
  const left = new Set(words(a));
  const right = new Set(words(b));
  const common = [...left].filter((word) => right.has(word)).length;
  const all = new Set([...left, ...right]).size;
  return all === 0 ? 0 : common / all;
}

/** A renumbered question keeps its wording; a reworded one keeps its number and most words. */
const REWORDED_LIKENESS = 0.6;

/**
 * Puts the questions just read from `documents` into the draft: each matched to the question it
 * was before by number and wording (the same wording under any number, or the same number with
 * most of the same words), so its answer follows it. A question no longer in its document keeps
 * its answer and is marked `vanished`; one that had no answer yet goes. Questions the user added
 * and ones from other documents stay as they are; a document read for the first time puts its
 * questions before them (the user may have added one from the page before the document was read).
 */
export function rematchQuestions(
  draft: ResponseDraft,
  fresh: DocumentQuestion[],
  documents: string[],
  now: number,
  newId: NewId = randomId,
): ResponseDraft {
  const reread = new Set(documents);
  const fromReread = (q: DraftQuestion) =>
    q.source.from === 'document' && reread.has(q.source.documentUrl);
  const pool = draft.questions.filter(fromReread);
  const take = (test: (q: DraftQuestion) => boolean) => {
    const index = pool.findIndex(test);
    return index < 0 ? undefined : pool.splice(index, 1)[0];
  };
  const matched = fresh.map((q): DraftQuestion => {
    const wording = normalised(q.text);
    const before =
      take((old) => old.number === q.number && normalised(old.text) === wording) ??
      take((old) => normalised(old.text) === wording) ??
      take((old) => old.number === q.number && likeness(old.text, q.text) >= REWORDED_LIKENESS);
    const source: QuestionSource = {
      from: 'document',
      documentUrl: q.documentUrl,
      heading: q.heading,
    };
    return {
      id: before?.id ?? newId(),
      number: q.number,
      text: q.text,
      options: q.options,
      source,
      vanished: false,
      answer: before?.answer ?? emptyAnswer(),
    };
  });
  const vanished = pool.filter((q) => hasAnswer(q.answer)).map((q) => ({ ...q, vanished: true }));
  const replacement = [...matched, ...vanished];
  const questions: DraftQuestion[] = [];
  let placed = false;
  for (const q of draft.questions) {
    if (!fromReread(q)) questions.push(q);
    else if (!placed) {
      questions.push(...replacement);
      placed = true;
    }
  }
  // Read for the first time: the consultation's own questions lead, the user's follow them.
  if (!placed) questions.unshift(...replacement);
  return { ...draft, questions, updatedAt: now };
}

/** "Question 3:", "Q3.", "3)", "3." at the start of a pasted line. */
const PASTED_NUMBER = /^\s*(?:(?:question|q)\s*)?(\d{1,3}[a-z]?)\s*[:.)–—-]\s*/i;

/**
 * Questions from a pasted list: one per line (a line without a number continues the one before);
 * the number each line gives, or none. Text stays text: pasted markup is never read as markup.
 */
export function pastedQuestions(text: string): { number: string | null; text: string }[] {
  const questions: { number: string | null; text: string }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const match = PASTED_NUMBER.exec(line);
    const wording = (match ? line.slice(match[0].length) : line).trim();
    const last = questions.at(-1);
    if (!match && last && last.number !== null) last.text += ` ${wording}`;
    else questions.push({ number: match?.[1] ?? null, text: wording });
  }
  return questions.filter((q) => q.text);
}

/** Adds a question of the user's own (selected on a page, pasted or typed), at the end. */
export function addQuestion(
  draft: ResponseDraft,
  question: { number: string | null; text: string; options?: string[] },
  source: Extract<QuestionSource, { from: 'user' }>,
  now: number,
  newId: NewId = randomId,
): ResponseDraft {
  const added: DraftQuestion = {
    id: newId(),
    number: question.number,
    text: question.text.trim(),
    options: question.options ?? [],
    source,
    vanished: false,
    answer: emptyAnswer(),
  };
  return { ...draft, questions: [...draft.questions, added], updatedAt: now };
}

/** Changes one question's answer. */
export function updateAnswer(
  draft: ResponseDraft,
  questionId: string,
  change: (answer: Answer) => Answer,
  now: number,
): ResponseDraft {
  return {
    ...draft,
    questions: draft.questions.map((q) =>
      q.id === questionId ? { ...q, answer: change(q.answer) } : q,
    ),
    updatedAt: now,
  };
}

/** The list with the item at `from` moved to `to` (reordering points, evidence or questions). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item === undefined) return copy;
  copy.splice(Math.max(0, Math.min(to, copy.length)), 0, item);
  return copy;
}

/**
 * One of the user's notes as evidence: a copy of its quote, source and link, so it outlives the
 * note. A bookmark's label (the response, or the minister speaking) leads its source title.
 */
export function evidenceFrom(annotation: Annotation, newId: NewId = randomId): Evidence {
  const page = annotation.pageTitle ?? annotation.pageUrl;
  return {
    id: newId(),
    annotationId: annotation.id,
    quote: annotation.target?.quote.exact ?? annotation.note,
    sourceTitle: annotation.bookmark ? `${annotation.bookmark.label} — ${page}` : page,
    sourceDate: annotation.bookmark?.date ?? null,
    link: openLink(annotation),
    noteDeleted: false,
  };
}

/** Marks evidence whose note is no longer stored (and unmarks one restored by Undo). */
export function markDeletedEvidence(draft: ResponseDraft, stored: Set<string>): ResponseDraft {
  let changed = false;
  const questions = draft.questions.map((q) => {
    const evidence = q.answer.evidence.map((item) => {
      const deleted = item.annotationId !== null && !stored.has(item.annotationId);
      if (deleted === item.noteDeleted) return item;
      changed = true;
      return { ...item, noteDeleted: deleted };
    });
    return { ...q, answer: { ...q.answer, evidence } };
  });
  return changed ? { ...draft, questions } : draft;
}

/** Ids of every note a draft quotes, to check which are still stored. */
export const quotedNoteIds = (draft: ResponseDraft): string[] => [
  ...new Set(
    draft.questions.flatMap((q) =>
      q.answer.evidence.flatMap((item) => (item.annotationId ? [item.annotationId] : [])),
    ),
  ),
];
