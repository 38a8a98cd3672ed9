import { blockKeys } from '../domain/name-words.js';
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

/** A person as blocking sees them: names, and the blocking keys when the graph already stored them. */
type Named = Pick<PersonProfile, 'id' | 'name' | 'aliases'> & { blockKeys?: string[] };

const keysOfPerson = (p: Named) => p.blockKeys ?? blockKeys([p.name, ...p.aliases]);

/**
 * For each newcomer, the people it shares blocking keys with: two keys when both names have two (a pair that
 * shares only a surname or only a given name is never proposed), one otherwise ("Q. J. Bajwa" has one). Only
 * these are compared, so the work grows with the size of the blocks, not with the square of the people.
 */
export function blockPartners<T extends Named>(newcomers: readonly Named[], others: readonly T[]): Map<string, T[]> {
  const keysOf = new Map<string, string[]>();
  const byKey = new Map<string, T[]>();
  /** People with a single key, by that key: they share enough with anyone who has it. */
  const alone = new Map<string, T[]>();
  const add = (index: Map<string, T[]>, key: string, other: T) => {
    const bucket = index.get(key) ?? [];
    index.set(key, bucket);
    bucket.push(other);
  };
  for (const other of others) {
    const keys = keysOfPerson(other);
    keysOf.set(other.id, keys);
    for (const key of keys) add(byKey, key, other);
    if (keys.length === 1) add(alone, keys[0]!, other);
  }
  return new Map(
    newcomers.map((person) => {
      const keys = keysOfPerson(person);
      const shared = new Map<string, { other: T; count: number }>();
      const count = (other: T) => {
        if (other.id === person.id) return;
        const entry = shared.get(other.id) ?? { other, count: 0 };
        entry.count++;
        shared.set(other.id, entry);
      };
      // With two keys or more, a partner shares two, so it is in some block besides the largest, or has one key
      // only: the largest block (a common given name's) is never walked, only asked of the people found elsewhere.
      const blocks = keys.map((key) => ({ key, people: byKey.get(key) ?? [] })).sort((x, y) => x.people.length - y.people.length);
      const largest = keys.length >= 2 ? blocks.pop() : undefined;
      for (const block of blocks) for (const other of block.people) count(other);
      if (largest) {
        for (const entry of shared.values()) if (keysOf.get(entry.other.id)!.includes(largest.key)) entry.count++;
        for (const other of alone.get(largest.key) ?? []) count(other);
      }
      const partners = [...shared.values()]
        .filter(({ other, count }) => count >= Math.min(2, keys.length, keysOf.get(other.id)!.length))
        .map(({ other }) => other);
      return [person.id, partners];
    }),
  );
}

/**
 * Every pair worth a look between the newcomers of an ingest and the people they might be: the graph's people
 * that share a blocking key with them, the other newcomers among them. Pairs already judged are left out, and so
 * are pairs whose scoring finds nothing. The result depends only on the profiles, never on the order they come in.
 */
export function proposeCandidates(
  newcomers: readonly PersonProfile[],
  neighbours: readonly PersonProfile[],
  judged: ReadonlySet<string>,
): Candidate[] {
  const everyone = [...new Map([...neighbours, ...newcomers].map((p) => [p.id, p])).values()];
  const isNew = new Set(newcomers.map((p) => p.id));
  const partners = blockPartners(newcomers, everyone);
  const candidates = new Map<string, Candidate>();
  for (const person of newcomers) {
    for (const other of partners.get(person.id) ?? []) {
      const key = pairKey(person.id, other.id);
      if (judged.has(key) || candidates.has(key)) continue;
      const [a, b] = !isNew.has(other.id) || other.id < person.id ? [other, person] : [person, other];
      const match = scorePair(a, b);
      if (match) candidates.set(key, { key, a: a.id, b: b.id, ...match });
    }
  }
  return [...candidates.values()].sort((x, y) => y.score - x.score || x.key.localeCompare(y.key));
}
