import { LiveView } from '../live/live-view';
import { PageContext, SupportedPageUrl } from '../pages/context';
import { RelatedView } from '../related/related-item';
import { ConsultationDocuments } from '../respond/documents';
import {
  ChooseGroupOutcome,
  ConnectOutcome,
  GroupNotesAnswer,
  PublishOutcome,
  PublishSelection,
  SharingStatus,
} from '../sharing/messages';
import { EditOutcome } from '../storage/merge-edit';
import { Annotation, Follow, WatchEvent } from '../storage/records';
import { DraftSaveOutcome, ResponseDraft } from '../storage/response-draft';
import { UnreadableCounts } from '../storage/unreadable';
import { StoryEntry } from '../story/timeline';
import { z } from '../zod';
import { PAGE_RESPONSE_DATA } from './page-protocol';
import {
  AddQuestionRequest,
  AnnotationsDeleteRequest,
  AnnotationsListRequest,
  AnnotationsSaveRequest,
  CardGetRequest,
  CardSummaryRequest,
  PagePassagesRequest,
  PageVisitedRequest,
  SettingsGetRequest,
  SettingsSetRequest,
  TabContextRequest,
  ViewOpenRequest,
} from './page-requests';

/**
 * The one message protocol between content scripts / extension pages and the
 * background. Every request and every response is validated on both sides.
 */
const TabId = z.number().check(z.int(), z.nonnegative());

export const Request = z.discriminatedUnion('type', [
  PageVisitedRequest,
  /** Live data for the page; `waitForFresh` waits out a refresh instead of answering from cache. */
  z.object({ type: z.literal('live/get'), context: PageContext, waitForFresh: z.boolean() }),
  /**
   * Related pages; `referrer` is the page the user came from, if it is a supported one.
   * `tabId`: the tab a view shows (a content script's own tab comes with its message).
   */
  z.object({
    type: z.literal('related/get'),
    context: PageContext,
    referrer: z.nullable(z.string()),
    tabId: z.optional(TabId),
  }),
  TabContextRequest,
  /**
   * The story so far of the page a view shows: one dated timeline across the three sites.
   * Without `related`, only the page's own records and notes: quick, for the first screen.
   */
  z.object({
    type: z.literal('story/get'),
    context: PageContext,
    tabId: z.optional(TabId),
    related: z.boolean(),
  }),
  CardGetRequest,
  AnnotationsListRequest,
  AnnotationsSaveRequest,
  /** An edit of a stored note, with `base`, the version the edit started from. */
  z.object({ type: z.literal('annotations/edit'), base: Annotation, annotation: Annotation }),
  AnnotationsDeleteRequest,
  /** The library: every note, several deleted at once, imports (and undos) written all or nothing. */
  /** `limit`: only the most recently changed, for a first screen that does not wait for all. */
  z.object({
    type: z.literal('library/list'),
    limit: z.optional(z.number().check(z.int(), z.positive())),
  }),
  z.object({
    type: z.literal('annotations/delete-many'),
    ids: z.array(z.string().check(z.minLength(1))),
  }),
  z.object({ type: z.literal('annotations/add-many'), annotations: z.array(Annotation) }),
  z.object({ type: z.literal('data/stats') }),
  z.object({ type: z.literal('data/delete-all') }),
  /** Deletes the stored records that no longer validate (counted in `data/stats`). */
  z.object({ type: z.literal('data/remove-unreadable') }),
  /** The watchlist: follow a petition or consultation, set signature milestones, read changes. */
  z.object({ type: z.literal('watch/get'), pageKey: z.string().check(z.minLength(1)) }),
  z.object({ type: z.literal('watch/follow'), context: PageContext }),
  z.object({ type: z.literal('watch/unfollow'), pageKey: z.string().check(z.minLength(1)) }),
  z.object({
    type: z.literal('watch/milestones'),
    pageKey: z.string().check(z.minLength(1)),
    milestones: z.array(z.number().check(z.int(), z.positive())),
  }),
  z.object({ type: z.literal('watch/list') }),
  z.object({ type: z.literal('watch/seen') }),
  SettingsGetRequest,
  SettingsSetRequest,
  ViewOpenRequest,
  /** Consultation response drafts, one per consultation `key`; a save is revision-checked. */
  z.object({ type: z.literal('responses/get'), key: z.string().check(z.minLength(1)) }),
  z.object({ type: z.literal('responses/save'), draft: ResponseDraft }),
  z.object({ type: z.literal('responses/delete'), key: z.string().check(z.minLength(1)) }),
  z.object({ type: z.literal('responses/list') }),
  /** A consultation's state, ways to respond and HTML documents (for its questions), by its page URL. */
  z.object({ type: z.literal('responses/documents'), url: SupportedPageUrl }),
  AddQuestionRequest,
  /**
   * Sharing with a Hypothesis group (utils/sharing/). `connect` checks a developer token and
   * keeps it (ask `requestApiAccess()` in the click first); the token is never sent back.
   */
  z.object({ type: z.literal('sharing/connect'), token: z.string().check(z.minLength(1)) }),
  z.object({ type: z.literal('sharing/choose-group'), groupId: z.string().check(z.minLength(1)) }),
  /** Removes the token, the queue and the group's notes; local notes stay. */
  z.object({ type: z.literal('sharing/disconnect') }),
  /** Queues notes for the group: by ids, a page's, or every note with a tag (private ones never). */
  z.object({ type: z.literal('sharing/publish'), selection: PublishSelection }),
  z.object({
    type: z.literal('sharing/unpublish'),
    noteIds: z.array(z.string().check(z.minLength(1))),
  }),
  /** Restarts a stopped queue; `skip`: drop the refused note's job. */
  z.object({ type: z.literal('sharing/resume'), skip: z.boolean() }),
  z.object({ type: z.literal('sharing/status') }),
  /** The group's notes on a page (by its URL), kept for offline; `refresh` reads past the cache. */
  z.object({
    type: z.literal('sharing/group-notes'),
    /** Only a supported page's address is ever searched for, and kept as a cache key. */
    uri: SupportedPageUrl,
    refresh: z.boolean(),
  }),
  CardSummaryRequest,
  PagePassagesRequest,
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];

/** What each request answers with when it succeeds; the page's own in PAGE_RESPONSE_DATA. */
export const RESPONSE_DATA = {
  ...PAGE_RESPONSE_DATA,
  'live/get': LiveView,
  'related/get': RelatedView,
  'story/get': z.object({ entries: z.array(StoryEntry) }),
  'annotations/edit': EditOutcome,
  'library/list': z.object({
    annotations: z.array(Annotation),
    skipped: z.number().check(z.int()),
    /** Stored records, readable or not. */
    total: z.number().check(z.int()),
  }),
  'annotations/delete-many': z.object({ deleted: z.array(Annotation) }),
  'annotations/add-many': z.object({
    /** The ids written, so an import can be undone exactly. */
    added: z.array(z.string()),
    duplicates: z.number().check(z.int()),
  }),
  'data/stats': z.object({
    annotations: z.number(),
    pages: z.number(),
    follows: z.number(),
    cache: z.number(),
    responses: z.number(),
    unreadable: UnreadableCounts,
  }),
  'data/delete-all': z.object({}),
  'data/remove-unreadable': z.object({ removed: z.number().check(z.int()) }),
  'watch/get': z.nullable(Follow),
  'watch/follow': Follow,
  'watch/unfollow': z.object({}),
  'watch/milestones': Follow,
  'watch/list': z.object({
    items: z.array(z.object({ follow: Follow, events: z.array(WatchEvent) })),
    /** Followed items whose records can no longer be read. */
    skipped: z.number().check(z.int()),
  }),
  'watch/seen': z.object({}),
  /** Evidence whose note has since been deleted comes marked `noteDeleted`. */
  'responses/get': z.object({ draft: z.nullable(ResponseDraft) }),
  'responses/save': DraftSaveOutcome,
  'responses/delete': z.object({ deleted: z.nullable(ResponseDraft) }),
  'responses/list': z.object({
    drafts: z.array(ResponseDraft),
    skipped: z.number().check(z.int()),
  }),
  'responses/documents': ConsultationDocuments,
  'sharing/connect': ConnectOutcome,
  'sharing/choose-group': ChooseGroupOutcome,
  'sharing/disconnect': z.object({}),
  'sharing/publish': PublishOutcome,
  'sharing/unpublish': z.object({}),
  'sharing/resume': z.object({}),
  'sharing/status': SharingStatus,
  'sharing/group-notes': GroupNotesAnswer,
} satisfies Record<RequestType, z.ZodMiniType>;

export type ResponseData<T extends RequestType> = z.infer<(typeof RESPONSE_DATA)[T]>;

export { Envelope, ErrorCode, ProtocolError, type Result } from './page-protocol';
