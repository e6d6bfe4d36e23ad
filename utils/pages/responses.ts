import type { ConsultationContext, DebateContext, PetitionContext } from './context';
import { cleanText } from './text';

/** A passage a reader may want to keep as it is: a government response, an outcome, a minister's words. */
export interface ResponseBlock {
  label: string;
  date: string | null;
  element: Element;
}

/** The offices whose holders answer for the government ("The COP26 President", "The Minister of State…"). */
const MINISTER =
  /\b(Minister|Secretary|President|Chancellor|Attorney General|Solicitor General|Advocate-?General|Paymaster General|Leader of the House|Lord Privy Seal|Whip|in Waiting|Treasurer of|Comptroller of|Vice-Chamberlain)\b/i;

/** Where a petition page shows the government's response (`events/_government_responded`). */
export const PETITION_RESPONSE = '.petition-timeline li#response';

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

// The responses on each kind of page that can be bookmarked in one click, in page order: each is
// its kind's reader's (page-module.ts), so a page carries only its own site's.

export function petitionResponses(context: PetitionContext, doc: Document): ResponseBlock[] {
  const element = doc.querySelector(PETITION_RESPONSE);
  return element && context.response
    ? [{ label: 'Government response', date: context.response.respondedOn, element }]
    : [];
}

export function consultationResponses(
  context: ConsultationContext,
  doc: Document,
): ResponseBlock[] {
  const element = consultationOutcome(doc);
  return element && context.state === 'outcome'
    ? [{ label: 'Consultation outcome', date: null, element }]
    : [];
}

/**
 * Who spoke: the member id in the contribution's member link; historic pages have no links, so
 * "Mr. Roy Mason" and the later "Mr. Mason" meet on title and surname.
 */
function speakerKey(contribution: Element, name: string): string {
  const href = contribution.querySelector('.attributed-to-details[href]')?.getAttribute('href');
  const id = href?.match(/[?&]memberId=(\d+)/i)?.[1];
  if (id) return `member:${id}`;
  const words = name.toLowerCase().split(' ');
  return `name:${words[0]} ${words.at(-1)}`;
}

/**
 * A minister's contributions. Hansard prints a minister's first contribution as the office in
 * `.primary-text` and "(Name)" in `.secondary-text`, later ones as the name alone (or the office
 * alone, for the Prime Minister): the first tells who holds which office.
 */
export function debateResponses(context: DebateContext, doc: Document): ResponseBlock[] {
  const date = context.sittingDate;
  const offices = new Map<string, { role: string; name: string | null }>();
  const holders = new Map<string, string>();
  return [...doc.querySelectorAll('.contribution')].flatMap((contribution) => {
    const primary = cleanText(contribution.querySelector('.primary-text')?.textContent);
    const content = contribution.querySelector('.content');
    if (!content || !primary) return [];
    let role: string;
    let name: string | null;
    if (MINISTER.test(primary)) {
      role = primary;
      name =
        // "(Brandon Lewis)", or "(Baroness Barran) (Con)": the holder's name comes first.
        cleanText(contribution.querySelector('.secondary-text')?.textContent).match(
          /^\(([^()]+)\)/,
        )?.[1] ??
        holders.get(role) ??
        null;
      if (name) {
        offices.set(speakerKey(contribution, name), { role, name });
        holders.set(role, name);
      }
    } else {
      const office = offices.get(speakerKey(contribution, primary));
      if (!office) return [];
      role = office.role;
      name = primary;
    }
    // A minister speaks many times in a debate: the opening words tell the contributions apart.
    const words = cleanText(content.textContent).split(' ');
    const opening = words.slice(0, 8).join(' ') + (words.length > 8 ? '…' : '');
    const label = `${name ? `${name}, ` : ''}${role}: “${opening}”`;
    return [{ label, date, element: content }];
  });
}
