import { PageContext, SupportedPageUrl } from '../pages/context';
import { Annotation, Settings } from '../storage/records';
import { z } from '../zod';
import { TabReport } from './tab-report';

/**
 * The messages a content script sends: the part of the protocol (protocol.ts) the page's world
 * carries. The background checks them against these strict schemas; the content script, which
 * only sends them, carries their types alone (page-protocol.ts has the answers it checks).
 */

/** `visitId` names one page load, so re-reading a page that fills in late is not a new visit. */
export const PageVisitedRequest = z.object({
  type: z.literal('page/visited'),
  visitId: z.string().check(z.minLength(1)),
  context: PageContext,
});
/** Content script → background: what this tab shows now, for the view beside it. */
export const TabContextRequest = z.object({ type: z.literal('tab/context'), report: TabReport });
/** What a link on the page points to, for its card. */
export const CardGetRequest = z.object({
  type: z.literal('card/get'),
  url: z.string().check(z.minLength(1)),
});
export const AnnotationsListRequest = z.object({
  type: z.literal('annotations/list'),
  pageKey: z.string().check(z.minLength(1)),
});
/** A new note, or one restored by undo: written as it is. */
export const AnnotationsSaveRequest = z.object({
  type: z.literal('annotations/save'),
  annotation: Annotation,
});
export const AnnotationsDeleteRequest = z.object({
  type: z.literal('annotations/delete'),
  id: z.string().check(z.minLength(1)),
});
export const SettingsGetRequest = z.object({ type: z.literal('settings/get') });
export const SettingsSetRequest = z.object({
  type: z.literal('settings/set'),
  settings: z.partial(Settings),
});
/** Opens the full view beside the sending tab (the card's "Open the full story"). */
export const ViewOpenRequest = z.object({ type: z.literal('view/open') });
/**
 * The card's headline and top links for the page, built in the background from the live and
 * related answers; `referrer` as for `related/get`.
 */
export const CardSummaryRequest = z.object({
  type: z.literal('card/summary'),
  context: PageContext,
  referrer: z.nullable(z.string()),
});

/** Text selected on a consultation's page, as a question of its draft ("Add as question"). */
export const AddQuestionRequest = z.object({
  type: z.literal('responses/add-question'),
  pageUrl: SupportedPageUrl,
  text: z.string().check(z.minLength(1), z.maxLength(20_000)),
});

/**
 * The passages of the Hypothesis group's notes on this page, to paint: ids and selectors only,
 * so the page carries none of the group's data schemas (the view lists the notes).
 */
export const PagePassagesRequest = z.object({
  type: z.literal('sharing/page-passages'),
  uri: SupportedPageUrl,
});

export const PageRequest = z.discriminatedUnion('type', [
  PageVisitedRequest,
  TabContextRequest,
  CardGetRequest,
  AnnotationsListRequest,
  AnnotationsSaveRequest,
  AnnotationsDeleteRequest,
  SettingsGetRequest,
  SettingsSetRequest,
  ViewOpenRequest,
  CardSummaryRequest,
  AddQuestionRequest,
  PagePassagesRequest,
]);
export type PageRequest = z.infer<typeof PageRequest>;
export type PageRequestType = PageRequest['type'];
