import type { RelatedFacts } from '../../utils/related/related-item';
import { formatCount, formatDate } from '../format';

const STATE_WORDS: Record<string, string> = {
  open: 'Open',
  closed: 'Closed',
  rejected: 'Rejected',
  outcome: 'Outcome published',
  upcoming: 'Not yet open',
  withdrawn: 'Withdrawn',
};

/** The key facts of a related page, in a line. */
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
