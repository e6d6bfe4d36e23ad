import type { PageContext } from '../../utils/pages/context';
import { CONSULTATION_STATE_LABEL, formatCount, formatDate, KIND_LABEL } from '../format';

const PETITION_STATE = { open: 'Open', closed: 'Closed', rejected: 'Rejected' } as const;

/**
 * What the page itself prints, as one line under the view's title: "Petition 701234 · Open ·
 * 8,123 signatures", "Consultation · Open · closes 1 May 2026", "Hansard debate · Commons ·
 * Westminster Hall · 8 March 2021".
 */
export function summaryLine(context: PageContext): string {
  const parts: (string | null | false)[] = (() => {
    switch (context.kind) {
      case 'petition':
        return [
          `Petition ${context.petitionNumber}`,
          context.state && PETITION_STATE[context.state],
          context.archived &&
            (context.parliament ? `archived, ${context.parliament} Parliament` : 'archived'),
          context.signatureCount !== null && `${formatCount(context.signatureCount)} signatures`,
          context.closesOn && `closes ${formatDate(context.closesOn)}`,
        ];
      case 'consultation':
        return [
          KIND_LABEL.consultation,
          context.state && CONSULTATION_STATE_LABEL[context.state],
          context.organisations.map((org) => org.name).join(', ') || null,
          context.state === 'upcoming' && context.opensOn && `opens ${formatDate(context.opensOn)}`,
          context.state === 'open' && context.closesOn && `closes ${formatDate(context.closesOn)}`,
        ];
      case 'debate':
        return [
          KIND_LABEL.debate,
          context.house,
          context.location,
          formatDate(context.sittingDate),
        ];
    }
  })();
  return parts.filter((part): part is string => Boolean(part)).join(' · ');
}
