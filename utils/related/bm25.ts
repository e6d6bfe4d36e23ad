/**
 * Okapi BM25 over a small set of documents (the candidates one page's searches
 * returned), with weighted query terms. Pure; the set is its own corpus, so a
 * term every candidate shares counts for little.
 */
const K1 = 1.2;
const B = 0.75;

export interface QueryTerm {
  token: string;
  weight: number;
}

export interface Scored {
  score: number;
  /** The query terms the document contains, strongest first. */
  matched: string[];
}

export function bm25(query: QueryTerm[], documents: string[][]): Scored[] {
  const count = documents.length;
  if (count === 0) return [];
  const averageLength = documents.reduce((sum, doc) => sum + doc.length, 0) / count || 1;
  const frequencies = documents.map((doc) => {
    const tf = new Map<string, number>();
    for (const token of doc) tf.set(token, (tf.get(token) ?? 0) + 1);
    return tf;
  });
  const idf = new Map(
    query.map(({ token }) => {
      const having = frequencies.filter((tf) => tf.has(token)).length;
      return [token, Math.log(1 + (count - having + 0.5) / (having + 0.5))];
    }),
  );
  return documents.map((doc, i) => {
    let score = 0;
    const matched: { token: string; part: number }[] = [];
    for (const { token, weight } of query) {
      const tf = frequencies[i]?.get(token) ?? 0;
      if (tf === 0) continue;
      const part =
        weight *
        (idf.get(token) ?? 0) *
        ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / averageLength)));
      score += part;
      matched.push({ token, part });
    }
    matched.sort((a, b) => b.part - a.part);
    return { score, matched: matched.map((m) => m.token) };
  });
}
