import type { PageContext } from './context';
import { cleanText } from './text';

/** A passage a reader may want to keep as it is: a government response, an outcome, a minister's words. */
export interface ResponseBlock {
  label: string;
  date: string | null;
  element: Element;
}

const MINISTER =
  /\b(Minister|Secretary of State|Under-Secretary|Parliamentary Secretary|Solicitor General|Attorney General)\b/i;

/** Where a petition page shows the government's response (current markup, then the older one). */
export const PETITION_RESPONSE = 'li#response, section#response-threshold';

/**
 * The outcome's text on a consultation page. Since frontend 164188d0a (2025-10-09) it has no
 * wrapper of its own: `shared/phased/_outcome_details` renders the "Detail of outcome" heading
 * and then the govspeak block, first in the main column after the notices, and before the
 * "Original consultation" heading (`#original-consultation-title`) that starts the
 * consultation itself. A notice's own govspeak (a withdrawal's explanation) is not it.
 */
function consultationOutcome(doc: Document): Element | null {
  const original = doc.getElementById('original-consultation-title');
  if (!original) return null;
  const outcome = [...doc.querySelectorAll('main .gem-c-govspeak')].find(
    (block) =>
      !block.closest('.gem-c-notice') &&
      block.previousElementSibling?.matches('.gem-c-heading') &&
      block.compareDocumentPosition(original) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  return outcome && cleanText(outcome.textContent) ? outcome : null;
}

/** The responses on a page that can be bookmarked in one click, in page order. */
export function findResponses(context: PageContext, doc: Document): ResponseBlock[] {
  switch (context.kind) {
    case 'petition': {
      const element = doc.querySelector(PETITION_RESPONSE);
      return element && context.response
        ? [{ label: 'Government response', date: context.response.respondedOn, element }]
        : [];
    }
    case 'consultation': {
      const element = consultationOutcome(doc);
      return element && context.state === 'outcome'
        ? [{ label: 'Consultation outcome', date: null, element }]
        : [];
    }
    case 'debate':
      return [...doc.querySelectorAll('.debate-item-contributiondebateitem')].flatMap((item) => {
        const role = cleanText(item.querySelector('.secondary-text')?.textContent);
        const content = item.querySelector('.content');
        if (!content || !MINISTER.test(role)) return [];
        const name = cleanText(item.querySelector('.primary-text')?.textContent) || 'Minister';
        // A minister speaks many times in a debate: the opening words tell the contributions apart.
        const words = cleanText(content.textContent).split(' ');
        const opening = words.slice(0, 8).join(' ') + (words.length > 8 ? '…' : '');
        return [
          { label: `${name}, ${role}: “${opening}”`, date: context.sittingDate, element: content },
        ];
      });
  }
}
