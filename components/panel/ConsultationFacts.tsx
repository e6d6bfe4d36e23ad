import type { ConsultationContext } from '../../utils/pages/context';
import { Facts } from './Facts';
import { formatDate } from './format';

const STATE_LABEL = {
  upcoming: 'Not yet open',
  open: 'Open',
  closed: 'Closed, awaiting outcome',
  outcome: 'Outcome published',
} as const;

export function ConsultationFacts({ context }: { context: ConsultationContext }) {
  const { organisations } = context;
  return (
    <Facts
      facts={[
        context.state && { label: 'State', value: STATE_LABEL[context.state] },
        context.opensOn !== null && { label: 'Opens', value: formatDate(context.opensOn) },
        context.closesOn !== null && { label: 'Closes', value: formatDate(context.closesOn) },
        organisations.length > 0 && {
          label: organisations.length === 1 ? 'Organisation' : 'Organisations',
          value: (
            <ul class="plain-list">
              {organisations.map((org) => (
                <li key={org.name}>
                  {org.url ? (
                    <a href={org.url} rel="noopener noreferrer">
                      {org.name}
                    </a>
                  ) : (
                    org.name
                  )}
                </li>
              ))}
            </ul>
          ),
        },
        context.locale === 'cy' && { label: 'Language', value: 'Welsh (Cymraeg)' },
      ]}
    />
  );
}
