import type { LiveAnswer } from '../live/live-fetcher';
import { detectHref } from '../pages/registry';
import { toLiveConsultation } from '../sources/govuk-content-api';
import { toLiveDebate } from '../sources/hansard-api';
import { pageRecord } from '../sources/page-record';
import { toLivePetition } from '../sources/petitions-api';
import type { LiveRequest } from '../sources/request';
import { consultationFacts, debateFacts, NO_FACTS, petitionFacts } from './candidates';
import type { LinkCard, RelatedFacts } from './related-item';

type Get = <T>(request: LiveRequest<T>) => Promise<LiveAnswer<T>>;

/**
 * What a link on the page points to, from the cache or its site's API; null
 * for a URL that is not a supported page. Never throws.
 */
export async function linkCardFor(href: string, get: Get): Promise<LinkCard | null> {
  const found = detectHref(href);
  if (!found) return null;
  const { url, page } = found;
  const card = <T>(answer: LiveAnswer<T>, facts: (data: T) => RelatedFacts): LinkCard =>
    answer.data === null
      ? {
          ...page,
          ...NO_FACTS,
          url: url.href,
          title: url.href,
          problem: answer.error?.message ?? 'No details are available.',
        }
      : { ...facts(answer.data), url: url.href, problem: null };
  const record = pageRecord(url, page);
  switch (record.kind) {
    case 'petition':
      return card(await get(record.request), (document) => petitionFacts(toLivePetition(document)));
    case 'consultation':
      return card(await get(record.request), (item) =>
        consultationFacts(toLiveConsultation(item), page.key),
      );
    case 'debate':
      return card(await get(record.request), (document) =>
        debateFacts(toLiveDebate(document), page.key, url.href),
      );
  }
}
