import { nameWords, skeleton, strippedTitles } from '../domain/name-words.js';
import { jaroWinkler } from '../domain/similarity.js';

/** What the comparison knows of one person: names, country and posts, from the graph or from a document. */
export interface PersonProfile {
  id: string;
  name: string;
  aliases: readonly string[];
  country: string | null;
  /** Posts held, with their organization, as ids. */
  posts: readonly { post: string; organization: string | null }[];
}

/** A pair worth a human look: the score (0–1) and the reasons, in words. */
export interface MatchScore {
  score: number;
  reasons: string[];
}

/** Below this a pair is not proposed. Chosen on the labelled pairs of tests/fixtures/name-pairs.json. */
export const CANDIDATE_THRESHOLD = 0.8;
/** Two words this alike, with one skeleton, are taken as spellings of one word (Bekirov/Bakirov 0.91, Karim/Kerim 0.88). */
const SAME_WORD = 0.8;
const MISSING_WORD_PENALTY = 0.05;

interface WordMatch {
  a: string;
  b: string;
  similarity: number;
  initial: boolean;
}

/**
 * Whether two words may be one: an initial and a word it begins, or two words sharing a skeleton (Arif Alvi and
 * Arif Ali are alike by letters, yet different names). Words that may not never reach SAME_WORD.
 */
function mayBeOneWord(a: string, b: string): boolean {
  return a.length === 1 || b.length === 1 ? a[0] === b[0] : skeleton(a) === skeleton(b);
}

/** How alike two words are: an initial that begins the other counts 0.9; other words, their letters' likeness. */
function wordSimilarity(a: string, b: string): { similarity: number; initial: boolean } {
  const initial = a.length === 1 || b.length === 1;
  if (initial) return { similarity: mayBeOneWord(a, b) ? 0.9 : 0, initial };
  const similarity = jaroWinkler(a, b);
  return { similarity: mayBeOneWord(a, b) ? similarity : Math.min(similarity, SAME_WORD - 0.01), initial };
}

/**
 * Aligns the words of the shorter name with words of the longer one, each used once, best pairs first. Answers
 * null when a word of the shorter name has no counterpart: then the names differ in a given name or surname.
 */
function alignWords(short: string[], long: string[]): { matches: WordMatch[]; missing: string[] } | null {
  // Most pairs blocking brings together end here, before any similarity is computed or list built.
  if (!short.every((a) => long.some((b) => mayBeOneWord(a, b)))) return null;
  const pairs = short.flatMap((a, i) => long.map((b, j) => ({ i, j, a, b, ...wordSimilarity(a, b) })));
  pairs.sort((x, y) => y.similarity - x.similarity || Math.abs(x.i - x.j) - Math.abs(y.i - y.j));
  const usedShort = new Set<number>();
  const usedLong = new Set<number>();
  const matches: WordMatch[] = [];
  for (const p of pairs) {
    if (usedShort.has(p.i) || usedLong.has(p.j) || p.similarity < SAME_WORD) continue;
    usedShort.add(p.i);
    usedLong.add(p.j);
    matches.push({ a: p.a, b: p.b, similarity: p.similarity, initial: p.initial });
  }
  if (usedShort.size < short.length) return null;
  return { matches, missing: long.filter((_, j) => !usedLong.has(j)) };
}

const title = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

type Names = Pick<PersonProfile, 'name' | 'aliases'>;

/**
 * The best alignment of any name of one person with any name of the other; its reasons only when asked, since the
 * first stage of finding candidates compares hundreds of thousands of pairs for their score alone.
 */
function compareNames(a: Names, b: Names, withReasons = true): MatchScore | null {
  let best: MatchScore | null = null;
  const namesB = [b.name, ...b.aliases].map((name) => ({ name, words: nameWords(name) }));
  for (const nameA of [a.name, ...a.aliases]) {
    const wa = nameWords(nameA);
    for (const { name: nameB, words: wb } of namesB) {
      // One word is a surname or a given name alone: too little to propose anyone.
      if (Math.min(wa.length, wb.length) < 2) continue;
      const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
      const aligned = alignWords(short, long);
      if (!aligned) continue;
      const mean = aligned.matches.reduce((sum, m) => sum + m.similarity, 0) / aligned.matches.length;
      const score = mean - MISSING_WORD_PENALTY * aligned.missing.length;
      if (best && best.score >= score) continue;
      best = { score, reasons: withReasons ? reasonsOf(nameA, nameB, aligned) : [] };
    }
  }
  return best;
}

function reasonsOf(nameA: string, nameB: string, aligned: { matches: WordMatch[]; missing: string[] }): string[] {
  const reasons: string[] = [];
  const same = aligned.matches.filter((m) => m.similarity === 1).map((m) => title(m.a));
  if (same.length > 0) reasons.push(`${same.join(' and ')} ${same.length === 1 ? 'is' : 'are'} the same in "${nameA}" and "${nameB}"`);
  for (const m of aligned.matches.filter((x) => x.similarity < 1)) {
    reasons.push(m.initial ? `${title(m.a)} and ${title(m.b)} share the initial` : `${title(m.a)} ≈ ${title(m.b)}: a spelling variant`);
  }
  if (aligned.missing.length > 0) reasons.push(`${aligned.missing.map(title).join(', ')} appears in one spelling only (a middle name?)`);
  const titles = [...new Set([...strippedTitles(nameA), ...strippedTitles(nameB)])];
  if (titles.length > 0) reasons.push(`titles left out: ${titles.join(', ')}`);
  return reasons;
}

/**
 * Whether the names alone could make a candidate, before country and posts are known: the first, cheap stage of
 * comparing a newcomer with everyone its blocking keys found.
 */
export function namesMayMatch(
  a: Pick<PersonProfile, 'id' | 'name' | 'aliases'>,
  b: Pick<PersonProfile, 'id' | 'name' | 'aliases'>,
): boolean {
  if (a.id === b.id) return false;
  const names = compareNames(a, b, false);
  return names !== null && names.score + MAX_BONUS >= CANDIDATE_THRESHOLD;
}

/** The most that country and posts can add to a name's score. */
const MAX_BONUS = 0.1;

/**
 * Whether two people may be one, and why: names aligned word by word after transliteration, with spelling
 * variants, initials and a missing middle name allowed, titles and ranks left out; a different country rules the
 * pair out, the same country or a shared post or institution adds to it. Null when the pair is not worth proposing.
 */
export function scorePair(a: PersonProfile, b: PersonProfile): MatchScore | null {
  if (a.id === b.id) return null;
  if (a.country && b.country && a.country !== b.country) return null;
  const names = compareNames(a, b);
  if (!names) return null;
  let score = names.score;
  const reasons = [...names.reasons];
  if (a.country && a.country === b.country) {
    score += 0.05;
    reasons.push(`both of ${a.country}`);
  }
  const postsB = new Set(b.posts.map((p) => p.post));
  const orgsB = new Set(b.posts.flatMap((p) => (p.organization ? [p.organization] : [])));
  const samePost = a.posts.find((p) => postsB.has(p.post));
  const sameOrg = a.posts.find((p) => p.organization && orgsB.has(p.organization));
  if (samePost) {
    score += 0.05;
    reasons.push(`both held the post ${samePost.post}`);
  } else if (sameOrg) {
    score += 0.03;
    reasons.push(`both served ${sameOrg.organization}`);
  }
  // Names that share a key are linked without asking; a candidate is never certain, so it stays below 1.
  score = Math.min(0.99, Math.round(score * 1000) / 1000);
  return score >= CANDIDATE_THRESHOLD ? { score, reasons } : null;
}

/** The key of an unordered pair, so a and b, and b and a, are one candidate. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
