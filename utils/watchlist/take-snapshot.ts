import type { LiveConsultation } from '../sources/govuk-content-api';
import type { LivePetition } from '../sources/petitions-api';
import type { ConsultationSnapshot, PetitionSnapshot } from '../storage/snapshot';

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
