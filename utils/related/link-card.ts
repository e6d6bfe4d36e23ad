import type { LiveAnswer } from '../live/live-fetcher';
import { detectHref } from '../pages/registry';
import { toLiveConsultation } from '../sources/govuk-content-api';
import { toLiveDebate } from '../sources/hansard-api';
import { pageRecord } from '../sources/page-record';
import { toLivePetition } from '../sources/petitions-api';
import type { LiveRequest } from '../sources/request';
import { consultationFacts, debateFacts, petitionFacts } from './candidates';
import { factsOf } from './facts';
import type { LinkCard, RelatedFacts } from './related-item';

type Get = <T>(request: LiveRequest<T>) => Promise<LiveAnswer<T>>;

const cardOf = (item: RelatedFacts): LinkCard => ({
  kind: item.kind,
  title: item.title,
  facts: factsOf(item),
  problem: null,
});

/**
 * What a link on the page points to, from the cache or its site's API, as its card shows it; null
 * for a URL that is not a supported page. Never throws.
 */
export async function linkCardFor(href: string, get: Get): Promise<LinkCard | null> {
  const found = detectHref(href);
  if (!found) return null;
  const { url, page } = found;
  const card = <T>(answer: LiveAnswer<T>, facts: (data: T) => RelatedFacts): LinkCard =>
    answer.data === null
      ? {
          kind: page.kind,
          title: url.href,
          facts: [],
          problem: answer.error?.message ?? 'No details are available.',
        }
      : cardOf(facts(answer.data));
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
