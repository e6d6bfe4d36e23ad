import { HOSTS } from '../pages/hosts';
import { detectHref, detectPage } from '../pages/registry';
import { cleanText, isoDatePart, londonDate, stripTags } from '../pages/text';
import { consultationStateOf, type LiveConsultation } from '../sources/govuk-content-api';
import type { LiveDebate } from '../sources/hansard-api';
import type { LivePetition } from '../sources/petitions-api';
import {
  debatePageUrl,
  type GovukSearchResults,
  type HansardContributionResults,
  type HansardDebateResults,
  type PetitionList,
} from '../sources/search-apis';
import type { Candidate, Evidence } from './rank';
import type { RelatedFacts } from './related-item';

/**
 * Turns the sites' search answers into candidates of one shape. Pure: each
 * search result becomes a candidate carrying the evidence that search gives.
 */

/** A related page's facts before any source has told them. */
export const NO_FACTS = {
  date: null,
  state: null,
  signatureCount: null,
  responded: null,
  debated: null,
  location: null,
} as const;

/**
 * A search's `state=all` includes rejected petitions: each is shown as rejected, with the
 * rejection code the site gives (its page says why in full under "Why was this petition rejected?").
 */
const rejectedEvidence = (code: string): Evidence => ({
  reason: `rejected by the petitions site (${code.replace(/-/g, ' ')})`,
  weight: 0,
  explicit: false,
});

export function petitionCandidates(list: PetitionList, evidence: Evidence[] = []): Candidate[] {
  return list.data.map(({ type, id, attributes: a }) => ({
    key: `petition:${id}`,
    kind: 'petition',
    url: `https://${HOSTS.petitions}/${type === 'archived-petition' ? 'archived/' : ''}petitions/${id}`,
    title: a.action,
    text: [a.background, a.additional_details].filter(Boolean).join(' '),
    date: isoDatePart(a.government_response?.responded_on ?? a.opened_at),
    state: a.state,
    signatureCount: a.signature_count,
    responded: a.government_response !== null,
    debated: Boolean(a.debate?.debated_on),
    location: null,
    departments: a.departments.map((department) => department.name),
    evidence:
      a.state === 'rejected'
        ? [...evidence, rejectedEvidence(a.rejection?.code ?? 'no reason given')]
        : evidence,
  }));
}

/** A petition fetched whole (one a debate mentions, or a link's target). */
export function petitionFacts(petition: LivePetition): RelatedFacts {
  return {
    ...NO_FACTS,
    key: `petition:${petition.number}`,
    kind: 'petition',
    url: petition.url,
    title: petition.title,
    date: petition.response?.respondedOn ?? null,
    state: petition.state,
    signatureCount: petition.signatureCount,
    responded: petition.response !== null,
    debated: Boolean(petition.debate?.debatedOn),
  };
}

export function consultationFacts(consultation: LiveConsultation, key: string): RelatedFacts {
  return {
    ...NO_FACTS,
    key,
    kind: 'consultation',
    url: consultation.url,
    title: consultation.title,
    date: consultation.closesOn,
    state: consultation.state,
  };
}

export function debateFacts(debate: LiveDebate, key: string, url: string): RelatedFacts {
  return {
    ...NO_FACTS,
    key,
    kind: 'debate',
    url,
    title: debate.title,
    date: debate.date,
    location: debate.location,
  };
}

export function livePetitionCandidate(petition: LivePetition, evidence: Evidence[]): Candidate {
  return {
    ...petitionFacts(petition),
    text: petition.response?.summary ?? '',
    departments: petition.departments,
    evidence,
  };
}

export function consultationCandidates(results: GovukSearchResults): Candidate[] {
  return results.results.flatMap((result) => {
    const url = `https://${HOSTS.govuk}${result.link}`;
    const page = detectPage(new URL(url));
    if (page?.kind !== 'consultation') return [];
    return [
      {
        ...NO_FACTS,
        key: page.key,
        kind: 'consultation',
        url,
        title: result.title,
        text: result.description ?? '',
        date: londonDate(result.end_date, { endOfDay: true }),
        state: consultationStateOf(result.content_store_document_type),
        departments: result.organisations.flatMap(({ title }) => (title ? [title] : [])),
        evidence: [],
      },
    ];
  });
}

/** The debate page a Hansard search result names, and its key; null where it names none. */
function debateOf(
  result: { House: string; SittingDate: string; DebateSectionExtId: string },
  title: string,
): { url: string; key: string } | null {
  const url = debatePageUrl(result.House, result.SittingDate, result.DebateSectionExtId, title);
  const page = detectPage(new URL(url));
  return page?.kind === 'debate' ? { url, key: page.key } : null;
}

/** Every debate a Hansard search returned contains the searched term, so the term is its text. */
export function debateCandidates(
  results: HansardDebateResults,
  evidence: Evidence[],
  matchedText = '',
): Candidate[] {
  return results.Results.flatMap((result) => {
    const page = debateOf(result, result.Title);
    if (!page) return [];
    const { url } = page;
    return [
      {
        ...NO_FACTS,
        key: page.key,
        kind: 'debate',
        url,
        title: result.Title.trim(),
        text: matchedText,
        date: isoDatePart(result.SittingDate),
        location: result.DebateSection ?? null,
        departments: [],
        evidence,
      },
    ];
  });
}

/** A contribution's words: the whole text when the site gives it, else its excerpt. */
export function contributionText(result: HansardContributionResults['Results'][number]): string {
  return cleanText(stripTags(result.ContributionTextFull ?? result.ContributionText ?? ''));
}

/**
 * The debates whose speeches a contribution search found, once each, with the words that
 * matched; `evidenceOf` gives each contribution's evidence from its own words, so a reason
 * is only given where the speech says it.
 */
export function contributionCandidates(
  results: HansardContributionResults,
  evidenceOf: (text: string) => Evidence[] = () => [],
): Candidate[] {
  const byDebate = new Map<string, Candidate>();
  for (const result of results.Results) {
    const spoken = contributionText(result);
    const evidence = evidenceOf(spoken);
    const page = debateOf(result, result.DebateSection);
    if (!page) continue;
    const { url } = page;
    const known = byDebate.get(page.key);
    if (known) {
      known.text += ` ${spoken}`;
      for (const e of evidence)
        if (!known.evidence.some((k) => k.reason === e.reason)) known.evidence.push(e);
      continue;
    }
    byDebate.set(page.key, {
      ...NO_FACTS,
      key: page.key,
      kind: 'debate',
      url,
      title: result.DebateSection.trim(),
      text: spoken,
      date: isoDatePart(result.SittingDate),
      location: result.Section ?? null,
      departments: [],
      evidence,
    });
  }
  return [...byDebate.values()];
}

/**
 * Whether a speech names e-petition `number` as a petition ("e-petition 591092", "petitions
 * 654321 and 591092"), not merely the digits (a column, a sum, another reference).
 */
export function mentionsPetition(text: string, number: number): boolean {
  return new RegExp(
    `\\bpetitions?\\s+(?:(?:no\\.?|number)\\s*)?(?:\\d+(?:,\\s*|\\s+and\\s+))*${number}\\b`,
    'i',
  ).test(text);
}

const plain = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether a speech quotes a petition's title (its `action`) whole, whatever the quotation marks. */
export function quotesTitle(text: string, title: string): boolean {
  const wanted = plain(title);
  return wanted.length > 0 && ` ${plain(text)} `.includes(` ${wanted} `);
}

/** A page known only by a link to it: its label stands in for a title until a search finds it. */
export function linkCandidate(href: string, label: string, evidence: Evidence): Candidate | null {
  const found = detectHref(href);
  if (!found) return null;
  return {
    ...found.page,
    ...NO_FACTS,
    url: found.url.href,
    title: label,
    text: '',
    departments: [],
    evidence: [evidence],
  };
}
