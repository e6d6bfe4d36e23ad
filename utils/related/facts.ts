import { formatDate } from '../dates';
import { formatCount } from '../format';
import type { RelatedFacts } from './related-item';

const STATE_WORDS: Record<string, string> = {
  open: 'Open',
  closed: 'Closed',
  rejected: 'Rejected',
  outcome: 'Outcome published',
  upcoming: 'Not yet open',
  withdrawn: 'Withdrawn',
};

/**
 * The key facts of a related page, in a line: the view's related lists, and a link card's (the
 * background words them, so the page carries neither the facts nor their wording).
 */
export function factsOf(item: RelatedFacts): string[] {
  switch (item.kind) {
    case 'petition':
      return [
        `Petition ${item.key.split(':')[1]}`,
        ...(item.signatureCount !== null ? [`${formatCount(item.signatureCount)} signatures`] : []),
        ...(item.state ? [STATE_WORDS[item.state] ?? item.state] : []),
        ...(item.responded
          ? ['Government responded']
          : item.responded === false
            ? ['No response yet']
            : []),
        ...(item.debated ? ['Debated'] : []),
      ];
    case 'consultation':
      if (item.state === 'open' || item.state === 'upcoming') {
        return [
          STATE_WORDS[item.state] ?? item.state,
          ...(item.date ? [`closes ${formatDate(item.date)}`] : []),
        ];
      }
      if (item.state === 'closed')
        return [item.date ? `Closed ${formatDate(item.date)}` : 'Closed'];
      return item.state ? [STATE_WORDS[item.state] ?? item.state] : [];
    case 'debate':
      return [
        ...(item.location ? [item.location] : []),
        ...(item.date ? [formatDate(item.date)] : []),
      ];
  }
}
