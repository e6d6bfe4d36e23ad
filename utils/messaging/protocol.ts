import { LiveView } from '../live/live-view';
import { PageContext, SupportedPageUrl } from '../pages/context';
import { LinkCard, RelatedView } from '../related/related-item';
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
import { Annotation, Follow, Settings, WatchEvent } from '../storage/records';
import { DraftSaveOutcome, ResponseDraft } from '../storage/response-draft';
import { UnreadableCounts } from '../storage/unreadable';
import { StoryEntry } from '../story/timeline';
import { TabReport } from '../view/tab-state';
import { z } from '../zod';

/**
 * The one message protocol between content scripts / extension pages and the
 * background. Every request and every response is validated on both sides.
 */
const TabId = z.number().check(z.int(), z.nonnegative());

export const Request = z.discriminatedUnion('type', [
  /** `visitId` names one page load, so re-reading a page that fills in late is not a new visit. */
  z.object({
    type: z.literal('page/visited'),
    visitId: z.string().check(z.minLength(1)),
    context: PageContext,
  }),
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
  /** Content script → background: what this tab shows now, for the view beside it. */
  z.object({ type: z.literal('tab/context'), report: TabReport }),
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
  /** What a link on the page points to, for its card. */
  z.object({ type: z.literal('card/get'), url: z.string().check(z.minLength(1)) }),
  z.object({ type: z.literal('annotations/list'), pageKey: z.string().check(z.minLength(1)) }),
  /** A new note, or one restored by undo: written as it is. */
  z.object({ type: z.literal('annotations/save'), annotation: Annotation }),
  /** An edit of a stored note, with `base`, the version the edit started from. */
  z.object({ type: z.literal('annotations/edit'), base: Annotation, annotation: Annotation }),
  z.object({ type: z.literal('annotations/delete'), id: z.string().check(z.minLength(1)) }),
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
  z.object({ type: z.literal('settings/get') }),
  z.object({ type: z.literal('settings/set'), settings: z.partial(Settings) }),
  /** Opens the full view beside the sending tab (the card's "Open the full story"). */
  z.object({ type: z.literal('view/open') }),
  /** Consultation response drafts, one per consultation `key`; a save is revision-checked. */
  z.object({ type: z.literal('responses/get'), key: z.string().check(z.minLength(1)) }),
  z.object({ type: z.literal('responses/save'), draft: ResponseDraft }),
  z.object({ type: z.literal('responses/delete'), key: z.string().check(z.minLength(1)) }),
  z.object({ type: z.literal('responses/list') }),
  /** A consultation's state, ways to respond and HTML documents (for its questions), by its page URL. */
  z.object({ type: z.literal('responses/documents'), url: SupportedPageUrl }),
  /** Content script → background: text selected on a consultation's page, as a question of its draft. */
  z.object({
    type: z.literal('responses/add-question'),
    pageUrl: SupportedPageUrl,
    text: z.string().check(z.minLength(1), z.maxLength(20_000)),
  }),
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
    uri: z.string().check(z.minLength(1)),
    refresh: z.boolean(),
  }),
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];

const VisitSummary = z.object({
  visitCount: z.number().check(z.int(), z.positive()),
  firstVisitedAt: z.number(),
});

/** What each request answers with when it succeeds. */
export const RESPONSE_DATA = {
  'page/visited': VisitSummary,
  'live/get': LiveView,
  'related/get': RelatedView,
  'tab/context': z.object({}),
  'story/get': z.object({ entries: z.array(StoryEntry) }),
  'card/get': z.nullable(LinkCard),
  'annotations/list': z.object({
    annotations: z.array(Annotation),
    skipped: z.number().check(z.int()),
  }),
  'annotations/save': Annotation,
  'annotations/edit': EditOutcome,
  'annotations/delete': z.object({ deleted: z.nullable(Annotation) }),
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
  'settings/get': Settings,
  'settings/set': Settings,
  'view/open': z.object({ openedIn: z.enum(['side-panel', 'tab']) }),
  /** Evidence whose note has since been deleted comes marked `noteDeleted`. */
  'responses/get': z.object({ draft: z.nullable(ResponseDraft) }),
  'responses/save': DraftSaveOutcome,
  'responses/delete': z.object({ deleted: z.nullable(ResponseDraft) }),
  'responses/list': z.object({
    drafts: z.array(ResponseDraft),
    skipped: z.number().check(z.int()),
  }),
  'responses/documents': ConsultationDocuments,
  'responses/add-question': z.object({ draft: ResponseDraft }),
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

export const ErrorCode = z.enum(['invalid-request', 'invalid-response', 'storage', 'unavailable']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ProtocolError = z.object({ code: ErrorCode, message: z.string() });
export type ProtocolError = z.infer<typeof ProtocolError>;

/** The envelope every answer travels in; `data` is checked against RESPONSE_DATA by type. */
export const Envelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ProtocolError }),
]);

export type Result<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };
