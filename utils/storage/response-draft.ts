import { HttpsUrl, SupportedPageUrl } from '../pages/context';
import { z } from '../zod';
import { MAX_BOOKMARK_LENGTH } from './records';

/**
 * A consultation response being drafted (issue 17): one per consultation, keyed by the
 * consultation's page key. Questions carry their answers, so re-matching questions against a
 * changed document moves an answer with its question and never drops it.
 */

/** Long enough for a 100 KB answer, short enough that one runaway paste cannot fill the disk. */
export const MAX_ANSWER_TEXT = 200_000;

const Id = z.string().check(z.minLength(1));
const Text = (max: number, what: string) =>
  z.string().check(z.maxLength(max, `${what} can be at most ${max} characters.`));

/** Where a question came from: a consultation document, or the user (selected, pasted or typed). */
export const QuestionSource = z.discriminatedUnion('from', [
  z.object({
    from: z.literal('document'),
    documentUrl: HttpsUrl,
    /** The document section the question sits in, as its heading reads. */
    heading: z.nullable(z.string()),
  }),
  z.object({
    from: z.literal('user'),
    how: z.enum(['selected', 'pasted', 'typed']),
    /** The page a selected question was taken from. */
    pageUrl: z.nullable(HttpsUrl),
  }),
]);
export type QuestionSource = z.infer<typeof QuestionSource>;

/**
 * A passage of the user's own notes used as evidence. The quote, its source and link are copies,
 * so the evidence stays whole if the note is deleted; `noteDeleted` says when it has been.
 */
export const Evidence = z.object({
  id: Id,
  annotationId: z.nullable(z.string()),
  quote: Text(MAX_BOOKMARK_LENGTH, 'A quote'),
  sourceTitle: z.nullable(z.string()),
  /** The source's own date (a response's, a debate's sitting), as the note has it. */
  sourceDate: z.nullable(z.string()),
  /** The passage on its page (a text-fragment link). */
  link: SupportedPageUrl,
  noteDeleted: z.boolean(),
});
export type Evidence = z.infer<typeof Evidence>;

/** A view gathered from someone who is on no page: attributed ("our SENCo columnist") or anonymous (null). */
export const GatheredView = z.object({
  id: Id,
  text: Text(MAX_ANSWER_TEXT, 'A view'),
  attribution: z.nullable(z.string().check(z.maxLength(500))),
});
export type GatheredView = z.infer<typeof GatheredView>;

export const Answer = z.object({
  /** The answer option chosen, as the question words it; null when none is chosen. */
  option: z.nullable(z.string()),
  /** The numbered points, in order. */
  points: z.array(Text(MAX_ANSWER_TEXT, 'A point')),
  evidence: z.array(Evidence),
  views: z.array(GatheredView),
});
export type Answer = z.infer<typeof Answer>;

export const emptyAnswer = (): Answer => ({ option: null, points: [], evidence: [], views: [] });

export const DraftQuestion = z.object({
  id: Id,
  /** As the document numbers it ("3", "5a"); null for a question the user added without one. */
  number: z.nullable(z.string()),
  text: Text(20_000, 'A question'),
  options: z.array(z.string()),
  source: QuestionSource,
  /** Set when the question is no longer in its document: kept, with its answer, and marked. */
  vanished: z.boolean(),
  answer: Answer,
});
export type DraftQuestion = z.infer<typeof DraftQuestion>;

export const ResponseDraft = z.object({
  /** The consultation's page key (`consultation:<slug>`). */
  key: z.string().check(z.startsWith('consultation:')),
  url: SupportedPageUrl,
  title: z.nullable(z.string()),
  /** The closing date as the panel shows it (`YYYY-MM-DD`), or null when unknown. */
  closesOn: z.nullable(z.string()),
  questions: z.array(DraftQuestion),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Counts saved versions, so a save made from an older one is refused, not written over it. */
  revision: z.number().check(z.int(), z.nonnegative()),
});
export type ResponseDraft = z.infer<typeof ResponseDraft>;

/** What became of a save: written (with its new revision), or refused with what is stored. */
export const DraftSaveOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), draft: ResponseDraft }),
  z.object({ status: z.literal('conflict'), current: z.nullable(ResponseDraft) }),
]);
export type DraftSaveOutcome = z.infer<typeof DraftSaveOutcome>;
