import { blockKeys, PEOPLE_PER_BLOCK_KEY } from '../domain/name-words.js';
import { type MatchScore, namesMayMatch, type PersonProfile, pairKey, scorePair } from './score.js';

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
export type Named = Pick<PersonProfile, 'id' | 'name' | 'aliases'> & { blockKeys?: string[] };

const keysOfPerson = (p: Named) => p.blockKeys ?? blockKeys([p.name, ...p.aliases]);

/** Two people sharing `shared` of their keys are worth comparing: two keys, or one when either name has one only. */
const sharesEnough = (shared: number, mine: number, theirs: number) => shared >= Math.min(2, mine, theirs);

/**
 * People by their blocking keys, to find whom a person shares enough of them with: two keys when both names have
 * two (a pair that shares only a surname or only a given name is never proposed), one otherwise ("Q. J. Bajwa" has
 * one). People may be added as they come, and added again with more names; with `perKey`, a key keeps its first
 * holders only, so a common name cannot flood the comparison.
 */
export class BlockIndex<T extends Named> {
  private readonly keysOf = new Map<string, string[]>();
  private readonly byKey = new Map<string, T[]>();
  /** People with a single key, by that key: they share enough with anyone who has it. */
  private readonly alone = new Map<string, T[]>();

  constructor(
    others: readonly T[] = [],
    private readonly perKey = Number.POSITIVE_INFINITY,
  ) {
    for (const other of others) this.add(other);
  }

  /** Adds a person under their keys, or under the keys of names they did not have when added before. */
  add(other: T): void {
    const known = this.keysOf.get(other.id) ?? [];
    const added = keysOfPerson(other).filter((key) => !known.includes(key));
    if (added.length === 0) return;
    const keys = [...known, ...added];
    this.keysOf.set(other.id, keys);
    for (const key of added) {
      const bucket = this.byKey.get(key) ?? [];
      this.byKey.set(key, bucket);
      if (bucket.length < this.perKey) bucket.push(other);
    }
    if (keys.length === 1) {
      const bucket = this.alone.get(keys[0]!) ?? [];
      this.alone.set(keys[0]!, bucket);
      if (bucket.length < this.perKey) bucket.push(other);
    }
  }

  /** The people sharing enough keys with `person`, the person itself left out. */
  partners(person: Named): T[] {
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
    const blocks = keys.map((key) => ({ key, people: this.byKey.get(key) ?? [] })).sort((x, y) => x.people.length - y.people.length);
    const largest = keys.length >= 2 ? blocks.pop() : undefined;
    for (const block of blocks) for (const other of block.people) count(other);
    if (largest) {
      for (const entry of shared.values()) if (this.keysOf.get(entry.other.id)!.includes(largest.key)) entry.count++;
      for (const other of this.alone.get(largest.key) ?? []) if (this.keysOf.get(other.id)!.length === 1) count(other);
    }
    return [...shared.values()]
      .filter(({ other, count }) => sharesEnough(count, keys.length, this.keysOf.get(other.id)!.length))
      .map(({ other }) => other);
  }
}

/**
 * For each newcomer, the people it shares enough blocking keys with (as {@link BlockIndex} counts them). Only
 * these are compared, so the work grows with the size of the blocks, not with the square of the people.
 */
export function blockPartners<T extends Named>(newcomers: readonly Named[], others: readonly T[]): Map<string, T[]> {
  const index = new BlockIndex(others);
  return new Map(newcomers.map((person) => [person.id, index.partners(person)]));
}

/** The pair as a candidate, `a` first, when scoring finds something. */
function candidateOf(a: PersonProfile, b: PersonProfile): Candidate | null {
  const match = scorePair(a, b);
  return match && { key: pairKey(a.id, b.id), a: a.id, b: b.id, ...match };
}

const bestFirst = (x: Candidate, y: Candidate) => y.score - x.score || x.key.localeCompare(y.key);

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
      const candidate = candidateOf(a, b);
      if (candidate) candidates.set(key, candidate);
    }
  }
  return [...candidates.values()].sort(bestFirst);
}

/**
 * The pairs worth profiling among people who all arrive at once (a first load into an empty graph), each pair
 * once, the smaller id first: people sharing enough blocking keys (as `blockPartners` counts them) whose names
 * could match. A person meets, for each of their keys, the key's first `perKey` holders in load order, as an
 * ingest meets the holders the graph returns; with no key that common, that is everyone sharing the keys.
 */
export function pairsAmong<T extends Named>(people: readonly T[], perKey = PEOPLE_PER_BLOCK_KEY): [T, T][] {
  // People by their place in load order and keys by number: this walks millions of (person, holder) visits at 100k.
  const keyNumbers = new Map<string, number>();
  const keysOf = people.map((p) => keysOfPerson(p).map((key) => keyNumbers.get(key) ?? keyNumbers.set(key, keyNumbers.size).get(key)!));
  const firstHolders: number[][] = Array.from({ length: keyNumbers.size }, () => []);
  /** The keys by whose holders' lists a person is met: those they are among the first holders of. */
  const listedUnder: number[][] = people.map(() => []);
  keysOf.forEach((keys, person) => {
    for (const key of keys) {
      if (firstHolders[key]!.length >= perKey) continue;
      firstHolders[key]!.push(person);
      listedUnder[person]!.push(key);
    }
  });
  const pairs: [T, T][] = [];
  keysOf.forEach((keys, person) => {
    const mine = listedUnder[person]!;
    keys.forEach((key, k) => {
      for (const other of firstHolders[key]!) {
        if (other === person) continue;
        const theirs = keysOf[other]!;
        const listed = listedUnder[other]!;
        // Met under an earlier key of this person's already.
        if (keys.some((earlier, e) => e < k && listed.includes(earlier))) continue;
        // Each pair once: when the other meets this person too, the one earlier in load order keeps the pair.
        if (other < person && theirs.some((theirKey) => mine.includes(theirKey))) continue;
        const shared = theirs.reduce((n, theirKey) => n + (keys.includes(theirKey) ? 1 : 0), 0);
        if (!sharesEnough(shared, keys.length, theirs.length)) continue;
        const [a, b] = [people[person]!, people[other]!];
        if (namesMayMatch(a, b)) pairs.push(a.id < b.id ? [a, b] : [b, a]);
      }
    });
  });
  return pairs;
}

/** Candidates among the profiled pairs of `pairsAmong`, judged pairs left out, best first. */
export function proposeAmong(pairs: readonly [PersonProfile, PersonProfile][], judged: ReadonlySet<string>): Candidate[] {
  return pairs
    .filter(([a, b]) => !judged.has(pairKey(a.id, b.id)))
    .flatMap(([a, b]) => candidateOf(a, b) ?? [])
    .sort(bestFirst);
}
