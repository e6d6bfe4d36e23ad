import type { DebateContext } from '../../utils/pages/context';
import { HOSTS } from '../../utils/pages/hosts';
import { Facts } from './Facts';
import { formatDate } from './format';

export function DebateFacts({ context }: { context: DebateContext }) {
  const { petitionNumbers } = context;
  return (
    <Facts
      facts={[
        { label: 'House', value: `House of ${context.house}` },
        { label: 'Sitting date', value: formatDate(context.sittingDate) },
        context.location !== null && { label: 'Location', value: context.location },
        {
          label: 'E-petitions mentioned',
          value:
            petitionNumbers.length === 0 ? (
              'None'
            ) : (
              <ul class="plain-list inline-list">
                {petitionNumbers.map((number) => (
                  <li key={number}>
                    <a href={`https://${HOSTS.petitions}/petitions/${number}`}>{number}</a>
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
