import { daysUntil } from '../../utils/dates';
import type { LiveView } from '../../utils/live/live-view';
import {
  closingStatus,
  debateStatus,
  responseStatus,
  responseSummary,
} from '../../utils/live/petition-status';
import { HOSTS } from '../../utils/pages/hosts';
import { PETITION_RESPONSE } from '../../utils/pages/responses';
import type { LiveConsultation } from '../../utils/sources/govuk-content-api';
import type { LivePetition } from '../../utils/sources/petitions-api';
import { CONSULTATION_STATE_LABEL, formatCount, formatDate } from '../format';
import { describeError } from './describe-error';
import { ExternalLinks } from './ExternalLinks';
import { Facts } from './Facts';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A link down the page to the response's full text, when the page shows it. */
function FullResponseLink() {
  const id = document.querySelector(PETITION_RESPONSE)?.id;
  return id ? (
    <>
      {' · '}
      <a href={`#${id}`}>Read the full response on this page</a>
    </>
  ) : null;
}

export function LivePetitionFacts({
  petition,
  pageClosesOn,
}: {
  petition: LivePetition;
  /** The page's own "Closes on" date, which follows a dissolution the JSON does not show. */
  pageClosesOn: string | null;
}) {
  const closes = closingStatus(petition, pageClosesOn);
  const response = responseStatus(petition);
  const debate = debateStatus(petition, Date.now());
  const summary = responseSummary(petition);
  return (
    <>
      <Facts
        facts={[
          { label: 'Signatures', value: formatCount(petition.signatureCount) },
          { label: 'State', value: capitalise(petition.state) },
          closes !== null && { label: 'Closes', value: closes },
          response !== null && { label: 'Response', value: response },
          debate !== null && { label: 'Debate', value: debate },
          petition.departments.length > 0 && {
            label: 'Department',
            value: petition.departments.join(', '),
          },
        ]}
      />
      {summary !== null && (
        <figure class="quote">
          <blockquote>{summary}</blockquote>
          <figcaption>
            Government response summary
            <FullResponseLink />
          </figcaption>
        </figure>
      )}
      {petition.debate && (
        <ExternalLinks links={petition.debate.links} label="Debate links" inline />
      )}
    </>
  );
}

/** "closes today", "1 day left", "12 days left", counted in whole days to the closing date. */
function countdown(closesOn: string, now: number = Date.now()): string {
  const days = daysUntil(closesOn, now);
  if (days <= 0) return 'closes today';
  return days === 1 ? '1 day left' : `${days} days left`;
}

export function LiveConsultationFacts({ consultation }: { consultation: LiveConsultation }) {
  return (
    <>
      <Facts
        facts={[
          { label: 'State', value: CONSULTATION_STATE_LABEL[consultation.state] },
          consultation.opensOn !== null && {
            label: 'Opens',
            value: formatDate(consultation.opensOn),
          },
          consultation.closesOn !== null && {
            label: 'Closes',
            value:
              consultation.state === 'open'
                ? `${formatDate(consultation.closesOn)} (${countdown(consultation.closesOn)})`
                : formatDate(consultation.closesOn),
          },
          consultation.withdrawnOn !== null && {
            label: 'Withdrawn',
            value: formatDate(consultation.withdrawnOn),
          },
          consultation.updatedOn !== null && {
            label: 'Last updated',
            value: formatDate(consultation.updatedOn),
          },
          consultation.organisations.length > 0 && {
            label: 'Organisations',
            value: consultation.organisations.map((org) => org.name).join(', '),
          },
        ]}
      />
      {consultation.outcome && (
        <figure class="quote">
          <blockquote>{consultation.outcome}</blockquote>
          <figcaption>Consultation outcome</figcaption>
        </figure>
      )}
    </>
  );
}

export function LiveDebatePetitions({ view }: { view: Extract<LiveView, { kind: 'debate' }> }) {
  const debate = view.debate.data;
  return (
    <>
      {debate && (
        <Facts
          facts={[debate.location !== null && { label: 'Location', value: debate.location }]}
        />
      )}
      <h4>E-petitions in this debate</h4>
      {view.petitions.length === 0 ? (
        <p class="muted">This debate mentions no e-petition numbers.</p>
      ) : (
        <ul class="plain-list petition-list">
          {view.petitions.map(({ number, answer }) => (
            <li key={number} class="petition-item">
              {answer.data ? (
                <>
                  <a href={answer.data.url}>{answer.data.title}</a>
                  <span class="meta">
                    {[
                      `Petition ${number}`,
                      `${formatCount(answer.data.signatureCount)} signatures`,
                      responseStatus(answer.data),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </>
              ) : (
                <>
                  <a href={`https://${HOSTS.petitions}/petitions/${number}`}>Petition {number}</a>
                  <span class="meta">
                    {answer.error
                      ? describeError(answer.error, HOSTS.petitions)
                      : 'No details yet.'}
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
