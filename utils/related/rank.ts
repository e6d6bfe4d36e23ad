import MiniSearch from 'minisearch';
import type { RelatedFacts, RelatedItem } from './related-item';
import type { Term } from './terms';
import { termsOf } from './terms';

/** A reason an item is related, with how much it counts. */
export interface Evidence {
  reason: string;
  weight: number;
  /** Explicit evidence (links, petition numbers, the user's path) always outranks text. */
  explicit: boolean;
}

/** Weights of the explicit evidence, strongest first. */
export const EVIDENCE = {
  linkedFromPage: 100,
  debateOfPetition: 100,
  siteNotes: 90,
  mentionsPetition: 80,
  cameFrom: 70,
} as const;

/** What one search found about a page, before ranking. Merged by `key` across sources. */
export interface Candidate extends RelatedFacts {
  /** Text the site gave for it (title, description, background), for text relevance. */
  text: string;
  departments: string[];
  evidence: Evidence[];
}

export type Ranked = Candidate & RelatedItem;

export interface Scored {
  score: number;
  /** The query terms the document contains, strongest first. */
  matched: string[];
}

/**
 * BM25+ text relevance (MiniSearch, the library the notes search uses too) of each document
 * to the page's weighted terms. The documents are the candidates one page's searches returned:
 * they are their own corpus, so a term every candidate shares counts for little. Tokens come
 * in already made (`termsOf`: acronyms in capitals), so MiniSearch neither splits nor folds them.
 */
export function textScores(
  query: { token: string; weight: number }[],
  documents: string[][],
): Scored[] {
  const index = new MiniSearch<{ id: number; tokens: string[] }>({
    fields: ['tokens'],
    extractField: (document, field) =>
      field === 'id' ? String(document.id) : document.tokens.join(' '),
    tokenize: (text) => text.split(' ').filter(Boolean),
    processTerm: (term) => term,
  });
  index.addAll(documents.map((tokens, id) => ({ id, tokens })));
  const weights = new Map(query.map(({ token, weight }) => [token, weight]));
  const found = new Map(
    index
      .search(query.map(({ token }) => token).join(' '), {
        combineWith: 'OR',
        boostTerm: (term) => weights.get(term) ?? 0,
      })
      .map((result) => [Number(result.id), result]),
  );
  return documents.map((_, id) => {
    const result = found.get(id);
    if (!result) return { score: 0, matched: [] };
    const matched = [...result.queryTerms].sort(
      (a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0),
    );
    // MiniSearch multiplies an OR query's BM25+ sum by the number of terms matched; the
    // sum alone keeps text relevance on the scale of the explicit evidence weights.
    return { score: result.score / Math.max(1, result.queryTerms.length), matched };
  });
}

/** A candidate with no explicit evidence needs this much text relevance, and two shared terms. */
const MIN_TEXT_SCORE = 2.5;
const MIN_SHARED_TERMS = 2;
/** The shared terms must be among the page's strongest: "plant" and "keep" is not plant health. */
const STRONGEST = 8;
/** Shared department is a hint, never enough alone. */
const SAME_DEPARTMENT = 1;

/** One entry per key; evidence and the richer facts of each source are kept. */
export function mergeCandidates(candidates: Candidate[]): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const seen = byKey.get(candidate.key);
    if (!seen) {
      byKey.set(candidate.key, { ...candidate, evidence: [...candidate.evidence] });
      continue;
    }
    for (const evidence of candidate.evidence) {
      if (!seen.evidence.some((e) => e.reason === evidence.reason)) seen.evidence.push(evidence);
    }
    // A source that knows the real title beats a link's label; other facts fill gaps.
    if (candidate.text.length > seen.text.length) {
      seen.title = candidate.title;
      seen.text = candidate.text;
    }
    seen.date ??= candidate.date;
    seen.state ??= candidate.state;
    seen.signatureCount ??= candidate.signatureCount;
    seen.responded ??= candidate.responded;
    seen.debated ??= candidate.debated;
    seen.location ??= candidate.location;
    if (seen.departments.length === 0) seen.departments = candidate.departments;
  }
  return [...byKey.values()];
}

/**
 * Scores candidates for a page: explicit evidence first, then BM25+ text
 * relevance against the page's key terms (the candidate set is the corpus),
 * plus a small nudge for a shared department. Drops the page itself and
 * anything with neither explicit evidence nor enough shared text.
 */
export function rank(
  candidates: Candidate[],
  page: { key: string; terms: Term[]; departments: string[] },
): Ranked[] {
  const pool = mergeCandidates(candidates).filter((candidate) => candidate.key !== page.key);
  const labels = new Map(page.terms.map((term) => [term.token, term.label]));
  const strongest = new Set(page.terms.slice(0, STRONGEST).map((term) => term.token));
  const scores = textScores(
    page.terms,
    pool.map((candidate) => termsOf(`${candidate.title} ${candidate.text}`)),
  );
  return pool
    .map((candidate, i): Ranked | null => {
      const text = scores[i] ?? { score: 0, matched: [] };
      const explicit = candidate.evidence.filter((e) => e.explicit);
      const strong = text.matched.filter((token) => strongest.has(token));
      const relevant = text.score >= MIN_TEXT_SCORE && strong.length >= MIN_SHARED_TERMS;
      if (explicit.length === 0 && !relevant) return null;
      const department = candidate.departments.find((name) => page.departments.includes(name));
      const reasons = [
        ...[...candidate.evidence].sort((a, b) => b.weight - a.weight).map((e) => e.reason),
        ...(text.matched.length > 0 && (relevant || explicit.length > 0)
          ? [
              `shares key terms: ${text.matched
                .slice(0, 3)
                .map((t) => labels.get(t) ?? t)
                .join(', ')}`,
            ]
          : []),
        ...(department ? [`same department: ${department}`] : []),
      ];
      return {
        ...candidate,
        explicit: explicit.length > 0,
        score:
          candidate.evidence.reduce((sum, e) => sum + e.weight, 0) +
          text.score +
          (department ? SAME_DEPARTMENT : 0),
        reasons,
      };
    })
    .filter((ranked): ranked is Ranked => ranked !== null)
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
}
