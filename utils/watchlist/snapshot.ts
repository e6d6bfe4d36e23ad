import { ConsultationState } from '../pages/context';
import type { LiveConsultation } from '../sources/govuk-content-api';
import type { LivePetition } from '../sources/petitions-api';
import { z } from '../zod';

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

export function petitionSnapshot(petition: LivePetition): PetitionSnapshot {
  return {
    kind: 'petition',
    state: petition.state,
    signatureCount: petition.signatureCount,
    responded: petition.response !== null,
    respondedOn: petition.response?.respondedOn ?? null,
    scheduledDebateDate: petition.scheduledDebateDate,
    debatedOn: petition.debate?.debatedOn ?? null,
    transcriptUrl: petition.debate?.links.find((link) => link.label === 'Transcript')?.url ?? null,
  };
}

export function consultationSnapshot(consultation: LiveConsultation): ConsultationSnapshot {
  return {
    kind: 'consultation',
    state: consultation.state,
    closesOn: consultation.closesOn,
    withdrawnOn: consultation.withdrawnOn,
  };
}
