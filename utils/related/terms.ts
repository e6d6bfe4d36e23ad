/**
 * Key terms of a page's text, for building search queries and scoring text
 * relevance. Pure and deterministic.
 *
 * Acronyms keep their case ("SEND", "SENCO"): in policy writing they name the
 * subject, and folding them would make them the verb "send" on unrelated pages.
 */

/** Words too common (in English, or in every page of these sites) to say what a page is about. */
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has
  have having he her here hers herself him himself his how i if in into is it its itself just may me
  might more most must my myself no nor not now of off on once only or other our ours out over own
  per same she should so some such than that the their theirs them themselves then there these they
  this those through to too under until up upon very was we were what when where which while who whom
  why will with within would you your yours yourself yes
  government petition petitions parliament parliamentary house commons lords debate debates debated
  consultation consultations response responded minister ministers mp mps member members hon right
  gentleman lady friend secretary state department uk england people want wants ask asks call calls
  make made new
  one two three four five year years time week weeks month months day days today said says say
  think know believe ensure include including includes support supported role
  give every fully many much well get take use used able allow way ways lot`.split(/\s+/),
);

export interface Term {
  /** The token as compared: an acronym in capitals, any other word lower-cased and singular. */
  token: string;
  /** How the term reads to a person. */
  label: string;
  weight: number;
}

/** The page text to read terms from, with how much each part counts (a title counts more). */
export type WeightedText = { text: string; weight: number };

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const URL = /\bhttps?:\/\/\S+/g;

/** The words of a text, web addresses left out. */
function wordsOf(text: string): string[] {
  return text.replace(URL, ' ').match(WORD) ?? [];
}

/** "SENCOs", "SENCo" and "SEND" are acronyms; "Send" and "send" are words. */
function acronymOf(word: string): string | null {
  const bare = word.replace(/['’]?s$/, '');
  const upper = bare.replace(/[^\p{Lu}]/gu, '').length;
  return bare.length >= 2 && upper >= 2 && upper >= bare.length - 1 ? bare.toUpperCase() : null;
}

/** Tokens keep acronyms in capitals, and only acronyms. */
export function isAcronym(token: string): boolean {
  return token === token.toUpperCase() && token !== token.toLowerCase();
}

/** Lower-cased and made singular, so "needs" meets "need" and "disabilities" "disability". */
function normalise(word: string): string {
  const lower = word.toLowerCase().replace(/['’]s?$/, '');
  if (lower.length > 4 && lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (lower.length > 3 && lower.endsWith('s') && !/(ss|us|is)$/.test(lower))
    return lower.slice(0, -1);
  return lower;
}

/** The tokens of a text, in order; stop words and numbers are null so phrases do not span them. */
export function tokenize(text: string): (string | null)[] {
  return wordsOf(text).map((word) => {
    const acronym = acronymOf(word);
    if (acronym) return STOP_WORDS.has(acronym.toLowerCase()) ? null : acronym;
    const token = normalise(word);
    return STOP_WORDS.has(token) || token.length < 3 || /^\d/.test(token) ? null : token;
  });
}

/** The words a text is about, for matching: tokens without the gaps. */
export function termsOf(text: string): string[] {
  return tokenize(text).filter((token): token is string => token !== null);
}

/** The page's key terms, strongest first: frequency, weighted by where they occur, acronyms favoured. */
export function keyTerms(parts: WeightedText[], limit = 12): Term[] {
  const weights = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const { text, weight } of parts) {
    const words = wordsOf(text);
    tokenize(text).forEach((token, i) => {
      if (token === null) return;
      weights.set(token, (weights.get(token) ?? 0) + weight);
      const word = words[i] ?? token;
      // Shown as first written: "needs", not the token "need".
      if (!labels.has(token))
        labels.set(token, acronymOf(word) ?? word.toLowerCase().replace(/['’]s?$/, ''));
    });
  }
  return [...weights]
    .map(([token, weight]) => ({
      token,
      label: labels.get(token) ?? token,
      // Acronyms are rare outside their subject; long words say more than short ones.
      weight: weight * (isAcronym(token) ? 2 : 1) * (token.length >= 7 ? 1.2 : 1),
    }))
    .sort((a, b) => b.weight - a.weight || a.token.localeCompare(b.token))
    .slice(0, limit);
}

/**
 * The phrase a page keeps coming back to ("special educational needs"): the most frequent
 * run of two key words seen at least twice, as written, made the run of three that holds it
 * when that longer run comes nearly as often. Sites whose search wants every word get this
 * rather than a bag of terms. Runs of different words compete on frequency alone, so a
 * three-word run ("community food providers") never beats a commoner pair ("food banks").
 */
export function keyPhrase(parts: WeightedText[]): string | null {
  const counts = new Map<string, { count: number; seen: number; label: string }>();
  for (const { text, weight } of parts) {
    const words = wordsOf(text);
    const tokens = tokenize(text);
    for (const length of [3, 2]) {
      for (let i = 0; i + length <= tokens.length; i++) {
        const run = tokens.slice(i, i + length);
        if (run.some((token) => token === null)) continue;
        const key = run.join(' ');
        const entry = counts.get(key) ?? {
          count: 0,
          seen: 0,
          label: words
            .slice(i, i + length)
            .map((word) => acronymOf(word) ?? word.toLowerCase())
            .join(' '),
        };
        entry.count += weight;
        entry.seen += 1;
        counts.set(key, entry);
      }
    }
  }
  const seenTwice = [...counts].filter(([, entry]) => entry.seen >= 2);
  let best: [string, { count: number; label: string }] | null = null;
  for (const pair of seenTwice) {
    if (pair[0].split(' ').length === 2 && (!best || pair[1].count > best[1].count)) best = pair;
  }
  if (!best) return null;
  const [bestKey, bestEntry] = best;
  let longer: { count: number; label: string } | null = null;
  for (const [key, entry] of seenTwice) {
    const words = key.split(' ');
    const holds = words.slice(0, 2).join(' ') === bestKey || words.slice(1).join(' ') === bestKey;
    if (words.length === 3 && holds && entry.count >= (bestEntry.count * 2) / 3) {
      if (!longer || entry.count > longer.count) longer = entry;
    }
  }
  return (longer ?? bestEntry).label;
}
