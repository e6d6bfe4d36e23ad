import { GroupNotesEntry, ShareJob, StopReason } from '../storage/sharing-records';
import { z } from '../zod';

// The sharing/* messages' schemas (utils/messaging/protocol.ts), apart from the code that talks
// to Hypothesis, so the content script's bundle does not carry it.

/** The account as the UI sees it: never the token. */
export const SharingAccount = z.object({
  userid: z.string(),
  displayName: z.nullable(z.string()),
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  groupId: z.nullable(z.string()),
});
export type SharingAccount = z.infer<typeof SharingAccount>;

export const ConnectOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('connected'), account: SharingAccount }),
  z.object({
    status: z.literal('refused'),
    reason: z.enum(['no-permission', 'token-invalid', 'unreachable']),
    message: z.string(),
  }),
]);
export type ConnectOutcome = z.infer<typeof ConnectOutcome>;

export const PublishSelection = z.union([
  z.object({ noteIds: z.array(z.string().check(z.minLength(1))) }),
  z.object({ pageKey: z.string().check(z.minLength(1)) }),
  z.object({ tag: z.string().check(z.minLength(1)) }),
]);
export type PublishSelection = z.infer<typeof PublishSelection>;

export const SharingStatus = z.object({
  account: z.nullable(SharingAccount),
  /** Whether the browser has granted access to api.hypothes.is. */
  permission: z.boolean(),
  stopped: z.nullable(StopReason),
  lastError: z.nullable(z.string()),
  jobs: z.array(
    z.pick(ShareJob, { noteId: true, op: true, attempts: true, notBefore: true, lastError: true }),
  ),
  /** The notes in the chosen group, with the group's annotation ids. */
  published: z.array(
    z.object({
      noteId: z.string(),
      annotationId: z.string(),
      publishedAt: z.number(),
      updatedAt: z.number(),
    }),
  ),
});
export type SharingStatus = z.infer<typeof SharingStatus>;

export const GroupNotesAnswer = z.object({
  /** Null when no group is chosen, or nothing was ever read for the page. */
  entry: z.nullable(GroupNotesEntry),
  /** Why Hypothesis could not be read now (the entry, if any, is the kept one). */
  error: z.nullable(z.string()),
});

export const ChooseGroupOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('chosen'), account: SharingAccount }),
  z.object({ status: z.literal('refused'), message: z.string() }),
]);
export type ChooseGroupOutcome = z.infer<typeof ChooseGroupOutcome>;

export const PublishOutcome = z.discriminatedUnion('status', [
  /** `privateIds`: chosen notes left out because they are tagged private. */
  z.object({
    status: z.literal('queued'),
    queued: z.array(z.string()),
    privateIds: z.array(z.string()),
  }),
  z.object({ status: z.literal('not-connected'), message: z.string() }),
]);
export type PublishOutcome = z.infer<typeof PublishOutcome>;
