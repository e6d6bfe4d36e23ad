import type { ConsultationContext } from '../../utils/pages/context';
import { Facts } from './Facts';
import { CONSULTATION_STATE_LABEL, formatDate } from './format';

export function ConsultationFacts({ context }: { context: ConsultationContext }) {
  const { organisations } = context;
  return (
    <Facts
      facts={[
        context.state && { label: 'State', value: CONSULTATION_STATE_LABEL[context.state] },
        context.opensOn !== null && { label: 'Opens', value: formatDate(context.opensOn) },
        context.closesOn !== null && { label: 'Closes', value: formatDate(context.closesOn) },
        context.withdrawnOn !== null && {
          label: 'Withdrawn',
          value: formatDate(context.withdrawnOn),
        },
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
