import { SourceError } from '../net/source-error';
import type { PageContext } from '../pages/context';
import {
  consultationRecord,
  LiveConsultation,
  toLiveConsultation,
} from '../sources/govuk-content-api';
import { debateRecord, LiveDebate, toLiveDebate } from '../sources/hansard-api';
import { LivePetition, petitionRecord, toLivePetition } from '../sources/petitions-api';
import type { LiveRequest } from '../sources/request';
import { z } from '../zod';
import type { LiveAnswer } from './live-fetcher';

/** At most this many mentioned petitions are looked up for one debate page. */
export const MAX_PETITIONS_PER_DEBATE = 4;

const answerOf = <T extends z.ZodMiniType>(data: T) =>
  z.object({
    data: z.nullable(data),
    fetchedAt: z.nullable(z.number()),
    stale: z.boolean(),
    error: z.nullable(SourceError),
  });

/** What the panel shows from the sites' APIs, per kind of page. */
export const LiveView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('petition'), petition: answerOf(LivePetition) }),
  z.object({ kind: z.literal('consultation'), consultation: answerOf(LiveConsultation) }),
  z.object({
    kind: z.literal('debate'),
    debate: answerOf(LiveDebate),
    petitions: z.array(z.object({ number: z.number(), answer: answerOf(LivePetition) })),
  }),
]);
export type LiveView = z.infer<typeof LiveView>;

type Get = <T>(request: LiveRequest<T>) => Promise<LiveAnswer<T>>;

function mapAnswer<A, B>(answer: LiveAnswer<A>, map: (data: A) => B): LiveAnswer<B> {
  return { ...answer, data: answer.data === null ? null : map(answer.data) };
}

/**
 * Gathers the live data for a page: one request for a petition or a
 * consultation; for a debate, its Hansard record and up to
 * MAX_PETITIONS_PER_DEBATE of the e-petitions it mentions.
 */
export async function liveViewFor(
  context: PageContext,
  get: Get,
  waitForFresh = false,
): Promise<LiveView> {
  const petition = async (number: number, archived: boolean) =>
    mapAnswer(await get({ ...petitionRecord(number, archived), waitForFresh }), toLivePetition);
  switch (context.kind) {
    case 'petition':
      return {
        kind: 'petition',
        petition: await petition(context.petitionNumber, context.archived),
      };
    case 'consultation': {
      const answer = await get({
        ...consultationRecord(new URL(context.url).pathname),
        waitForFresh,
      });
      return { kind: 'consultation', consultation: mapAnswer(answer, toLiveConsultation) };
    }
    case 'debate': {
      const numbers = context.petitionNumbers.slice(0, MAX_PETITIONS_PER_DEBATE);
      const [debate, petitions] = await Promise.all([
        get({ ...debateRecord(context.debateId), waitForFresh }).then((answer) =>
          mapAnswer(answer, toLiveDebate),
        ),
        // The live path redirects an archived petition to its archived JSON.
        Promise.all(
          numbers.map(async (number) => ({ number, answer: await petition(number, false) })),
        ),
      ]);
      return { kind: 'debate', debate, petitions };
    }
  }
}
