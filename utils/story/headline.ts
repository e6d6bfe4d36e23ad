import { formatDate } from '../dates';
import type { LiveView } from '../live/live-view';
import type { PageContext, PageKind } from '../pages/context';
import { plural } from '../plural';
import type { RelatedItem, RelatedView } from '../related/related-item';

const COUNTED: Record<PageKind, [string, string]> = {
  petition: ['petition', 'petitions'],
  consultation: ['consultation', 'consultations'],
  debate: ['debate', 'debates'],
};

/** What happened to a petition after it was opened: the government's answer, then Parliament's debate. */
function petitionParts(context: Extract<PageContext, { kind: 'petition' }>, live: LiveView | null) {
  const fresh = live?.kind === 'petition' ? live.petition.data : null;
  const respondedOn = fresh ? fresh.response?.respondedOn : context.response?.respondedOn;
  const responded = fresh ? fresh.response !== null : context.response !== null;
  const thresholdReached = fresh?.responseThresholdReached ?? false;
  const debatedOn = fresh ? (fresh.debate?.debatedOn ?? null) : null;
  const scheduled = fresh?.scheduledDebateDate ?? null;
  const pageDebate = context.debate;
  const parts: string[] = [];
  if (responded)
    parts.push(
      respondedOn ? `Government responded ${formatDate(respondedOn)}` : 'Government responded',
    );
  else if (thresholdReached) parts.push('Awaiting government response');
  if (debatedOn) parts.push(`debated ${formatDate(debatedOn)}`);
  else if (scheduled) parts.push(`debate scheduled for ${formatDate(scheduled)}`);
  else if (pageDebate?.status === 'debated')
    parts.push(pageDebate.date ? `debated ${formatDate(pageDebate.date)}` : 'debated');
  else if (pageDebate?.status === 'scheduled' && pageDebate.date)
    parts.push(`debate scheduled for ${formatDate(pageDebate.date)}`);
  return parts;
}

/** Where a consultation stands: open until, closed awaiting its outcome, or the outcome. */
function consultationParts(
  context: Extract<PageContext, { kind: 'consultation' }>,
  live: LiveView | null,
) {
  const fresh = live?.kind === 'consultation' ? live.consultation.data : null;
  const state = fresh?.state ?? context.state;
  const closesOn = fresh?.closesOn ?? context.closesOn;
  const opensOn = fresh?.opensOn ?? context.opensOn;
  switch (state) {
    case 'upcoming':
      return [opensOn ? `Opens ${formatDate(opensOn)}` : 'Not yet open'];
    case 'open':
      return [closesOn ? `Open until ${formatDate(closesOn)}` : 'Open'];
    case 'closed':
      return [closesOn ? `Closed ${formatDate(closesOn)}, awaiting outcome` : 'Awaiting outcome'];
    case 'outcome':
      return [
        fresh?.updatedOn ? `Outcome published ${formatDate(fresh.updatedOn)}` : 'Outcome published',
      ];
    case 'withdrawn':
      return ['Withdrawn'];
    default:
      return [];
  }
}

/**
 * The story's headline for this page, in a line: what happened next and where, e.g.
 * "Government responded 12 May 2021 · debated 8 March 2021 · 2 consultations". Built from the
 * page as read, the live answer and the related answer, whichever have arrived.
 */
export function storyHeadline(
  context: PageContext,
  live: LiveView | null,
  related: Pick<RelatedView, 'groups'> | null,
): string[] {
  // A debate's own facts are on its page; what follows from it is in the related groups.
  const parts =
    context.kind === 'petition'
      ? petitionParts(context, live)
      : context.kind === 'consultation'
        ? consultationParts(context, live)
        : [];
  for (const group of related?.groups ?? []) {
    if (group.items.length === 0) continue;
    const [one, many] = COUNTED[group.kind];
    parts.push(plural(group.items.length, one, many));
  }
  const [first, ...rest] = parts;
  return first ? [first.charAt(0).toUpperCase() + first.slice(1), ...rest] : [];
}

/** How many related pages the card lists; the view lists them all. */
export const TOP_LINK_COUNT = 3;

/** The strongest related pages across all groups: explicit evidence first, then score. */
export function topLinks(
  related: Pick<RelatedView, 'groups'>,
  count = TOP_LINK_COUNT,
): RelatedItem[] {
  return related.groups
    .flatMap((group) => group.items)
    .sort((a, b) => Number(b.explicit) - Number(a.explicit) || b.score - a.score)
    .slice(0, count);
}
