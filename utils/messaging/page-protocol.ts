import { LinkCardShape } from '../related/link-card-shape';
import { AnnotationShape, SettingsShape, TargetShape } from '../storage/record-shapes';
import { CardSummary } from '../story/card-summary';
import { bool, oneOf, z } from '../zod';
import type { PageRequestType } from './page-requests';

/**
 * The answers to a content script's requests (page-requests.ts): the part of the protocol
 * (protocol.ts) the page's world carries, so it checks with these schemas alone and not with
 * those of every answer the view reads. They are the records' shapes (types, not the checks of
 * form): the background wrote and read them against the strict schemas, and the page's world
 * stays small (`npm run bench`, content_script_gzip_kb).
 */

/** What each of the page's requests answers with when it succeeds. */
export const PAGE_RESPONSE_DATA = {
  'page/visited': z.object({
    visitCount: z.number(),
    firstVisitedAt: z.number(),
    /** The user shares with a Hypothesis group: the page then asks for its passages. */
    sharing: bool(),
  }),
  'tab/context': z.object({}),
  'card/get': z.nullable(LinkCardShape),
  'annotations/list': z.object({
    annotations: z.array(AnnotationShape),
    skipped: z.number(),
  }),
  'annotations/save': AnnotationShape,
  'annotations/delete': z.object({ deleted: z.nullable(AnnotationShape) }),
  'settings/get': SettingsShape,
  'settings/set': SettingsShape,
  'view/open': z.object({ openedIn: oneOf(['side-panel', 'tab']) }),
  'card/summary': CardSummary,
  /** The draft's key: the page needs no more of it (the view reads the draft). */
  'responses/add-question': z.object({ key: z.string() }),
  'sharing/page-passages': z.object({
    passages: z.array(z.object({ id: z.string(), target: TargetShape })),
  }),
} satisfies Record<PageRequestType, z.ZodMiniType>;

export type PageResponseData<T extends PageRequestType> = z.infer<(typeof PAGE_RESPONSE_DATA)[T]>;

export const ErrorCode = oneOf(['invalid-request', 'invalid-response', 'storage', 'unavailable']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ProtocolError = z.object({ code: ErrorCode, message: z.string() });
export type ProtocolError = z.infer<typeof ProtocolError>;

/**
 * The envelope every answer travels in: a success, whose `data` is checked against its request's
 * own schema (exchange, page-client.ts) and not here, or a failure. Two schemas tried in turn,
 * not a z.union: the page's world carries no union (content_script_gzip_kb).
 */
export const Envelope = {
  success: z.object({ ok: z.literal(true) }),
  failure: z.object({ ok: z.literal(false), error: ProtocolError }),
};

/** Background → content script (`tabs.sendMessage`): report your page again (the worker restarted). */
export const ReportAgain = z.object({ type: z.literal('tab/report-again') });

export type Result<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };
