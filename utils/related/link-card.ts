import type { LiveAnswer, LiveRequest } from '../live/live-fetcher';
import { detectPage } from '../pages/registry';
import {
  ConsultationContentItem,
  contentApiUrl,
  toLiveConsultation,
} from '../sources/govuk-content-api';
import { debateJsonUrl, HansardDebateDocument, toLiveDebate } from '../sources/hansard-api';
import { PetitionDocument, petitionJsonUrl, toLivePetition } from '../sources/petitions-api';
import { consultationFacts, debateFacts, linkCandidate, petitionFacts } from './candidates';
import type { LinkCard, RelatedFacts } from './related-item';

type Get = <T>(request: LiveRequest<T>) => Promise<LiveAnswer<T>>;

/**
 * What a link on the page points to, from the cache or its site's API; null
 * for a URL that is not a supported page. Never throws.
 */
export async function linkCardFor(href: string, get: Get): Promise<LinkCard | null> {
  const known = linkCandidate(href, href, { reason: '', weight: 0, explicit: false });
  if (!known) return null;
  const { url, key } = known;
  const card = <T>(answer: LiveAnswer<T>, facts: (data: T) => RelatedFacts): LinkCard =>
    answer.data === null
      ? { ...known, problem: answer.error?.message ?? 'No details are available.' }
      : { ...facts(answer.data), url, problem: null };
  const page = detectPage(new URL(url));
  switch (page?.kind) {
    case 'petition': {
      const answer = await get({
        url: petitionJsonUrl(
          Number(key.split(':')[1]),
          new URL(url).pathname.startsWith('/archived/'),
        ),
        source: 'petitions',
        schema: PetitionDocument,
      });
      return card(answer, (document) => petitionFacts(toLivePetition(document)));
    }
    case 'consultation': {
      const answer = await get({
        url: contentApiUrl(new URL(url).pathname),
        source: 'govuk',
        schema: ConsultationContentItem,
      });
      return card(answer, (item) => consultationFacts(toLiveConsultation(item), key));
    }
    case 'debate': {
      const answer = await get({
        url: debateJsonUrl(key.split(':')[1] ?? ''),
        source: 'hansard',
        schema: HansardDebateDocument,
      });
      return card(answer, (document) => debateFacts(toLiveDebate(document), key, url));
    }
    default:
      return null;
  }
}
