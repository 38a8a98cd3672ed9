import { type MatchScore, type PersonProfile, pairKey, scorePair } from './score.js';

/**
 * A pair proposed for review, the score and the reasons: `a` is the person the graph held before (kept when the
 * pair is judged SAME), `b` the newcomer; between two newcomers, `a` has the smaller id.
 */
export interface Candidate extends MatchScore {
  key: string;
  a: string;
  b: string;
}

/**
 * Every pair worth a look between the newcomers of an ingest and the people they might be: the graph's people
 * found by blocking keys, and the other newcomers. Pairs already judged are left out, and so are pairs whose
 * scoring finds nothing. The result depends only on the profiles, never on the order they come in.
 */
export function proposeCandidates(
  newcomers: readonly PersonProfile[],
  neighbours: readonly PersonProfile[],
  judged: ReadonlySet<string>,
): Candidate[] {
  const everyone = new Map([...neighbours, ...newcomers].map((p) => [p.id, p]));
  const isNew = new Set(newcomers.map((p) => p.id));
  const candidates = new Map<string, Candidate>();
  for (const person of newcomers) {
    for (const other of everyone.values()) {
      const key = pairKey(person.id, other.id);
      if (other.id === person.id || judged.has(key) || candidates.has(key)) continue;
      const [a, b] = !isNew.has(other.id) || other.id < person.id ? [other, person] : [person, other];
      const match = scorePair(a, b);
      if (match) candidates.set(key, { key, a: a.id, b: b.id, ...match });
    }
  }
  return [...candidates.values()].sort((x, y) => y.score - x.score || x.key.localeCompare(y.key));
}
