import type { PetitionContext } from '../../utils/pages/context';
import { ExternalLinks } from './ExternalLinks';
import { Facts } from './Facts';
import { formatCount, formatDate } from './format';

const STATE_LABEL = { open: 'Open', closed: 'Closed', rejected: 'Rejected' } as const;

export function PetitionFacts({ context }: { context: PetitionContext }) {
  const { response, debate } = context;
  return (
    <Facts
      facts={[
        { label: 'Petition number', value: String(context.petitionNumber) },
        context.state && { label: 'State', value: STATE_LABEL[context.state] },
        context.archived && {
          label: 'Parliament',
          value: context.parliament ? `Archived, ${context.parliament} Parliament` : 'Archived',
        },
        context.signatureCount !== null && {
          label: 'Signatures',
          value: formatCount(context.signatureCount),
        },
        {
          label: 'Government response',
          value: response
            ? response.respondedOn
              ? `Responded on ${formatDate(response.respondedOn)}`
              : 'Responded'
            : 'No response on this page',
        },
        { label: 'Debate', value: debate ? <DebateValue debate={debate} /> : 'Not debated' },
      ]}
    />
  );
}

function DebateValue({ debate }: { debate: NonNullable<PetitionContext['debate']> }) {
  const when = debate.date ? ` on ${formatDate(debate.date)}` : '';
  const summary = {
    debated: `Debated${when}`,
    scheduled: `Debate scheduled${when}`,
    'not-debated': 'Parliament decided not to debate it',
  }[debate.status];
  return (
    <>
      {summary}
      <ExternalLinks links={debate.links} label="Debate links on this page" />
    </>
  );
}
