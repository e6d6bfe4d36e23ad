import type { LiveAnswer } from '../live/live-fetcher';
import { HOSTS } from '../pages/hosts';
import {
  consultationRecord,
  htmlDocuments,
  htmlPublicationRecord,
  LiveConsultation,
  toLiveConsultation,
  WaysToRespond,
  waysToRespond,
} from '../sources/govuk-content-api';
import type { LiveRequest } from '../sources/request';
import { z } from '../zod';

type Get = <T>(request: LiveRequest<T>) => Promise<LiveAnswer<T>>;

/**
 * What the response workspace needs from GOV.UK about a consultation: its state and closing date,
 * its own ways to respond, and its HTML documents' bodies (govspeak HTML, which the view parses:
 * the service worker has no DOMParser). A document that could not be read has a null body.
 */
export const ConsultationDocuments = z.object({
  consultation: z.nullable(LiveConsultation),
  ways: z.nullable(WaysToRespond),
  documents: z.array(
    z.object({ url: z.string(), title: z.string(), body: z.nullable(z.string()) }),
  ),
  /** Why the consultation itself could not be read, or null. */
  problem: z.nullable(z.string()),
});
export type ConsultationDocuments = z.infer<typeof ConsultationDocuments>;

export async function consultationDocuments(
  get: Get,
  consultationUrl: string,
): Promise<ConsultationDocuments> {
  const answer = await get(consultationRecord(new URL(consultationUrl).pathname));
  const item = answer.data;
  if (!item) {
    return {
      consultation: null,
      ways: null,
      documents: [],
      problem: answer.error?.message ?? 'GOV.UK did not answer.',
    };
  }
  const documents = await Promise.all(
    htmlDocuments(item).map(async ({ title, path }) => ({
      url: `https://${HOSTS.govuk}${path}`,
      title,
      body: (await get(htmlPublicationRecord(path))).data?.details.body ?? null,
    })),
  );
  return {
    consultation: toLiveConsultation(item),
    ways: waysToRespond(item),
    documents,
    problem: null,
  };
}
