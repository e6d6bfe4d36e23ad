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

/** Where a petition page shows the government's response (`events/_government_responded`). */
export const PETITION_RESPONSE = '.petition-timeline li#response';

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
      const element = doc.querySelector('.consultation-outcome-detail');
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
