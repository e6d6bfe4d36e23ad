import { ConsultationState } from '../pages/context';
import { z } from '../zod';

// Schemas only, kept with storage (the `follows` store holds them) so storage imports no watchlist code; `utils/watchlist/take-snapshot.ts` makes them.

/** What a check remembers of a followed petition: only what a change is detected from. */
export const PetitionSnapshot = z.object({
  kind: z.literal('petition'),
  state: z.string(),
  signatureCount: z.number(),
  respondedOn: z.nullable(z.string()),
  responded: z.boolean(),
  scheduledDebateDate: z.nullable(z.string()),
  debatedOn: z.nullable(z.string()),
  transcriptUrl: z.nullable(z.string()),
});

export const ConsultationSnapshot = z.object({
  kind: z.literal('consultation'),
  state: ConsultationState,
  closesOn: z.nullable(z.string()),
  // Snapshots stored before withdrawals were told have no such field.
  withdrawnOn: z._default(z.nullable(z.string()), null),
});

export const Snapshot = z.discriminatedUnion('kind', [PetitionSnapshot, ConsultationSnapshot]);
export type Snapshot = z.infer<typeof Snapshot>;
export type PetitionSnapshot = z.infer<typeof PetitionSnapshot>;
export type ConsultationSnapshot = z.infer<typeof ConsultationSnapshot>;
