import { PEOPLE_PER_BLOCK_KEY } from '../../domain/name-words.js';
import { nameKey } from '../../domain/names.js';
import { jaroWinkler } from '../../domain/similarity.js';
import { BlockIndex, type Named } from '../../resolution/candidates.js';
import { CANDIDATE_THRESHOLD, type PersonProfile, scorePair } from '../../resolution/score.js';
import { lexicon } from './lexicon.js';
import type { Steps } from './steps.js';

/** What the graph already holds, for linking: people with their names, countries and posts. */
export interface Gazetteer {
  people: { id: string; name: string; aliases: string[]; country: string | null }[];
  countries: { id: string; name: string }[];
  posts: { id: string; title: string; country: string | null }[];
}

/** A person of the report: introduced once, mentioned again by surname or title. */
export interface ReportPerson {
  index: number;
  name: string;
  spellings: Set<string>;
  /** The title as the report gives it, ranks included ("Defence Minister Colonel General"). */
  title: string | null;
  /** The office alone, without ranks ("Defence Minister"), to find the post in the graph. */
  office: string | null;
  country: string | null;
  graphId: string | null;
  /** How the person was linked: exact name or alias, a match candidate, or new. */
  linking: { basis: 'GRAPH_NAME' | 'GRAPH_CANDIDATE' | 'NEW'; confidence: number; reasons: string[] };
  paragraphs: Set<number>;
}

export interface Mention {
  start: number;
  end: number;
  person: number;
  kind: 'NAME' | 'SURNAME' | 'TITLE';
}

/*
 * Every repetition in these patterns is bounded (a word of at most 40 letters, a name of at most six words, a list of
 * at most twelve countries), so that trying them from each position of a sentence costs a constant, not the rest
 * of the sentence: "AAAA…" or "Kam, Kan, Kap, …" would otherwise be matched in time quadratic in their length.
 */
const NAME = "\\p{Lu}[\\p{L}'’-]{1,40}(?: (?:\\p{Lu}[\\p{L}'’-]{1,40}|bin|al|de|la|van|von|ur|ul)){0,5}";
const COUNTRY_LIST = '\\p{Lu}\\p{L}{1,40}(?:(?:, | and )\\p{Lu}\\p{L}{1,40}){1,11}?';
/** A plural title with the countries before or after it, then the names, in one list. */
function listPattern(): RegExp {
  const title = `(?:${lexicon().plurals.join('|')})`;
  const names = `${NAME}(?:(?:, | and |, and )${NAME})+`;
  const before = `(?:(?<before>${COUNTRY_LIST}) )?`;
  return new RegExp(`${before}(?<title>${title})(?: of (?:the )?(?<after>${COUNTRY_LIST}))?,? (?:respectively )?(?<names>${names})`, 'gu');
}

const ABBREVIATED = new Set(['gen', 'lt', 'maj', 'col', 'adm', 'mr', 'mrs', 'ms', 'dr', 'brig', 'capt', 'no', 'st', 'jr', 'sr']);
const PARTICLES = new Set([
  'bin',
  'bint',
  'ibn',
  'al',
  'el',
  'de',
  'del',
  'la',
  'da',
  'van',
  'von',
  'der',
  'ur',
  'ul',
  'oglu',
  'ogly',
  'kyzy',
  'ben',
]);
const NOT_NAMES = new Set([
  'ministry',
  'forces',
  'force',
  'navy',
  'naval',
  'army',
  'air',
  'parliament',
  'republic',
  'assembly',
  'council',
  'committee',
  'staff',
  'defence',
  'defense',
  'armed',
  'the',
  'state',
  'national',
  'general',
  'foreign',
  'affairs',
  'president',
  'minister',
  'office',
  'government',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'on',
  'in',
  'at',
  'during',
  'after',
  'then',
  'as',
  'he',
  'she',
  'his',
  'her',
  'they',
  'both',
  'sides',
  'international',
  'airport',
  'university',
  'academy',
  'school',
  'institute',
  'war',
  'patriotic',
]);

interface Token {
  text: string;
  /** The text in lower case, made once: titles and function words are compared with it at every position. */
  lower: string;
  start: number;
  end: number;
}

function tokens(sentence: string): Token[] {
  return [...sentence.matchAll(/[\p{L}\p{M}][\p{L}\p{M}'’.-]*/gu)].map((m) => {
    // A full stop stays on an initial or an abbreviated rank ("R.", "Gen."), never on a name ending a sentence.
    let text = m[0]
      .replace(/['’]s$/u, '')
      .replace(/\.$/, (dot, at: number) => (at === 1 || ABBREVIATED.has(m[0].slice(0, at).toLowerCase()) ? dot : ''));
    if (text.endsWith('-')) text = text.slice(0, -1);
    return { text, lower: text.toLowerCase(), start: m.index, end: m.index + text.length };
  });
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);

/** Country forms (names, demonyms, possessives) to their ids, the graph's countries included. */
function countryForms(gazetteer: Gazetteer): Map<string, string> {
  const forms = new Map<string, string>();
  for (const c of lexicon().countries) for (const f of c.forms) forms.set(f.toLowerCase().replace(/['’]s$/, ''), c.id);
  for (const c of gazetteer.countries) forms.set(c.name.toLowerCase(), c.id);
  return forms;
}

/** A surname is compared letter by letter (Jaro–Winkler, edit distance) only up to this length; no name is longer. */
const LONGEST_FUZZY_SURNAME = 40;

/** The word and every form of it one letter shorter: two words within one edit of each other share one of these. */
function oneLetterShorter(word: string): string[] {
  return [word, ...Array.from(word, (_, i) => word.slice(0, i) + word.slice(i + 1))];
}

type GraphPerson = Gazetteer['people'][number];

/**
 * Finds and links the people of a report, sentence by sentence, keeping who was introduced for later mentions.
 * Every lookup of an earlier person goes through an index (spellings, blocking keys, surnames, ranks), so a
 * sentence costs the same whether the report introduced three people before it or three thousand.
 */
export class MentionFinder {
  readonly people: ReportPerson[] = [];
  /** The first person named in the latest sentence that named anyone: who "the general" most likely is. */
  private lastSubject: number | undefined;
  private readonly forms: Map<string, string>;
  private readonly byKey = new Map<string, GraphPerson>();
  private readonly titleWords: string[][];
  private readonly list = listPattern();
  /** The graph's people by blocking keys: only those a new name shares keys with are scored against it. */
  private readonly graphBlocks: BlockIndex<GraphPerson>;
  /** The report's people (id: their index) by the blocking keys of every spelling. */
  private readonly reportBlocks = new BlockIndex<Named>([], PEOPLE_PER_BLOCK_KEY);
  /** The name key of each spelling, to the first of the report's people written so. */
  private readonly spellingOwner = new Map<string, number>();
  /** People by the words `bySurname` compares ("last:", "first:", "near:" one-letter-shorter forms), in index order. */
  private readonly byNameWord = new Map<string, number[]>();
  /** The latest person with a rank in their title ("rank|"), of a country ("|country"), or both ("rank|country"). */
  private readonly latest = new Map<string, number>();

  constructor(
    gazetteer: Gazetteer,
    private readonly steps: Steps = { count: 0 },
  ) {
    this.forms = countryForms(gazetteer);
    for (const p of gazetteer.people) for (const n of [p.name, ...p.aliases]) this.byKey.set(nameKey(n), p);
    this.titleWords = lexicon().titles.map((t) => t.toLowerCase().split(/\s+/));
    this.graphBlocks = new BlockIndex(gazetteer.people);
  }

  countryOf(word: string): string | undefined {
    return this.forms.get(word.toLowerCase().replace(/['’]s$/u, ''));
  }

  /** Mentions of people in one sentence, in order; new people are added to the report's list. */
  find(sentence: string, paragraph: number): Mention[] {
    const words = tokens(sentence);
    const listed = this.listed(sentence, paragraph);
    const mentions: Mention[] = [...listed];
    /** Where a run of titles starting at a position ends, once worked out: titles repeated back to back cost one pass. */
    const titleRuns: number[] = [];
    let i = 0;
    let list = 0;
    while (i < words.length) {
      this.steps.count++;
      while (list < listed.length && listed[list]!.end <= words[i]!.start) list++;
      if (list < listed.length && words[i]!.start >= listed[list]!.start) {
        i++;
        continue;
      }
      const found =
        this.titledName(words, i, paragraph, sentence, titleRuns) ?? this.knownName(words, i, paragraph) ?? this.laterMention(words, i);
      if (found) {
        mentions.push(found.mention);
        i = found.next;
      } else i++;
    }
    mentions.sort((a, b) => a.start - b.start);
    if (mentions.length > 0) this.lastSubject = mentions[0]!.person;
    return mentions;
  }

  /**
   * Paired lists: "the Azerbaijani and Turkish defence ministers, A and B", "the speakers of X, Y and Z, A, B and C"
   * (respectively or not). Equal lists pair each name with its country by position; otherwise names stand alone.
   */
  private listed(sentence: string, paragraph: number): Mention[] {
    const mentions: Mention[] = [];
    for (const match of sentence.matchAll(this.list)) {
      const groups = match.groups!;
      const countries = (groups.before ?? groups.after ?? '')
        .split(/, | and /)
        .map((c) => this.countryOf(c.trim()))
        .filter((c): c is string => c !== undefined);
      const names = groups.names!.split(/, (?:and )?| and /);
      const title = groups.title!.replace(/s\b/g, '').replace(/\bchief of staff\b/, 'chief of staff');
      let offset = match.index + match[0].length - groups.names!.length;
      names.forEach((name, k) => {
        this.steps.count++;
        const start = sentence.indexOf(name, offset);
        offset = start + name.length;
        const country = countries.length === names.length ? countries[k]! : null;
        const office = title.charAt(0).toUpperCase() + title.slice(1);
        const person = this.introduce(name, { title: office, office }, country, paragraph);
        mentions.push({ start, end: start + name.length, person, kind: 'NAME' });
      });
    }
    return mentions;
  }

  /** [country form] title name, or name, [country form] title. */
  private titledName(
    words: Token[],
    at: number,
    paragraph: number,
    sentence: string,
    titleRuns: number[],
  ): { mention: Mention; next: number } | undefined {
    let i = at;
    let country = this.countryOf(words[i]!.text);
    if (country && i + 1 < words.length) i++;
    else country = undefined;
    // After a country form a title may be lower case: "his Georgian counterpart David Zalkaliani".
    const title = this.titleAt(words, i, country !== undefined);
    if (!title) return undefined;
    let j = i + title.length;
    // "Ambassador of Italy, Marco Bellandi": the country after the title, then the name.
    let country2 = j < words.length ? this.countryOf(words[j]!.text) : undefined;
    if (!country2 && words[j]?.lower === 'of') {
      const k = words[j + 1]?.lower === 'the' ? j + 2 : j + 1;
      country2 = k < words.length ? this.countryOf(words[k]!.text) : undefined;
      if (country2) j = k + 1;
      if (country2 && words[j]?.lower === 'to' && j + 1 < words.length && this.countryOf(words[j + 1]!.text)) j += 2;
    }
    // A rank after an office: "Land Forces Commander General Musa Avsever".
    j = this.afterTitles(words, j, titleRuns);
    const nameStart = j;
    while (j < words.length && j - nameStart < 6) {
      const w = words[j]!;
      // A comma or other mark ends a name: "Karim Valiyev, Major General Giorgi Matiashvili".
      if (j > nameStart && /[^\s]/.test(sentence.slice(words[j - 1]!.end, w.start).replace(/['’]s$/, ''))) break;
      if (j > nameStart && this.titleAt(words, j)) break;
      if (!(isCapitalised(w.text) || (PARTICLES.has(w.lower) && j > nameStart)) || NOT_NAMES.has(w.lower) || this.countryOf(w.text)) break;
      j++;
    }
    while (j > nameStart && PARTICLES.has(words[j - 1]!.lower)) j--;
    if (j === nameStart) return undefined;
    const name = words
      .slice(nameStart, j)
      .map((w) => w.text)
      .join(' ');
    const titleText = words
      .slice(i, nameStart)
      .filter((w) => !this.countryOf(w.text) && !['of', 'the', 'to'].includes(w.lower))
      .map((w) => w.text)
      .join(' ');
    const office = words
      .slice(i, i + title.length)
      .map((w) => w.text)
      .join(' ');
    const person = this.introduce(name, { title: titleText, office }, country ?? country2 ?? null, paragraph);
    return { mention: { start: words[at]!.start, end: words[j - 1]!.end, person, kind: 'NAME' }, next: j };
  }

  /** The position after the titles that follow one another from `at` ("Commander General …"), each run walked once. */
  private afterTitles(words: Token[], at: number, titleRuns: number[]): number {
    const walked: number[] = [];
    let j = at;
    while (titleRuns[j] === undefined) {
      const rank = j < words.length ? this.titleAt(words, j) : undefined;
      if (!rank) titleRuns[j] = j;
      else {
        walked.push(j);
        j += rank.length;
      }
    }
    for (const position of walked) titleRuns[position] = titleRuns[j]!;
    return titleRuns[j]!;
  }

  private titleAt(words: Token[], at: number, lowerCaseAllowed = false): string[] | undefined {
    this.steps.count++;
    if (at >= words.length || !(lowerCaseAllowed || isCapitalised(words[at]!.text))) return undefined;
    for (const title of this.titleWords) {
      if (at + title.length > words.length) continue;
      if (title.every((t, k) => words[at + k]!.lower === t)) return title;
    }
    return undefined;
  }

  /** A name the graph knows, or one introduced earlier in full, written without a title. */
  private knownName(words: Token[], at: number, paragraph: number): { mention: Mention; next: number } | undefined {
    for (let n = Math.min(5, words.length - at); n >= 2; n--) {
      this.steps.count++;
      const slice = words.slice(at, at + n);
      if (!slice.every((w) => isCapitalised(w.text) || PARTICLES.has(w.lower))) continue;
      const name = slice.map((w) => w.text).join(' ');
      const key = nameKey(name);
      if (!this.byKey.has(key) && !this.spellingOwner.has(key)) continue;
      const person = this.introduce(name, { title: null, office: null }, null, paragraph);
      return { mention: { start: slice[0]!.start, end: slice[n - 1]!.end, person, kind: 'NAME' }, next: at + n };
    }
    return undefined;
  }

  /** A surname alone ("Bakirov", within one letter of "Bekirov"), or a title alone ("the general"). */
  private laterMention(words: Token[], at: number): { mention: Mention; next: number } | undefined {
    const w = words[at]!;
    if (w.lower === 'the' && at + 1 < words.length) {
      let k = at + 1;
      const country = this.countryOf(words[k]!.text);
      if (country && k + 1 < words.length) k++;
      const rank = words[k]!.lower;
      if (!lexicon().ranks.includes(rank) || (k + 1 < words.length && isCapitalised(words[k + 1]!.text))) return undefined;
      // "The Speaker of the National Assembly of Pakistan, Asad Qaiser": a title that goes on introduces someone.
      if ((this.titleAt(words, k)?.length ?? 0) > 1 || words[k + 1]?.lower === 'of') return undefined;
      // "The Pakistani general" may be the one Pakistani of the scene whose title the report gave otherwise; of
      // several generals, the one the story follows (the subject of the sentence before), else the latest.
      const subject = this.lastSubject === undefined ? undefined : this.people[this.lastSubject];
      const fits = subject?.title?.toLowerCase().includes(rank) && (!country || subject?.country === country);
      const index = fits
        ? this.lastSubject
        : (this.latest.get(`${rank}|${country ?? ''}`) ?? (country ? this.latest.get(`|${country}`) : undefined));
      return index === undefined
        ? undefined
        : { mention: { start: w.start, end: words[k]!.end, person: index, kind: 'TITLE' }, next: k + 1 };
    }
    if (!isCapitalised(w.text) || NOT_NAMES.has(w.lower) || this.countryOf(w.text) || w.text.length < 3) return undefined;
    const key = nameKey(w.text);
    const person = this.bySurname(key);
    if (!person) return undefined;
    const parts = nameKey(person.name).split(' ');
    if (parts.at(-1) !== key && parts[0] !== key) this.addSpelling(person, replaceSurname(person.name, w.text));
    return { mention: { start: w.start, end: w.end, person: person.index, kind: 'SURNAME' }, next: at + 1 };
  }

  /**
   * The latest person introduced whose surname this is: the last word of the name, within one letter for words of
   * five letters or more (two spellings in one report), or the first word, as family names come first in some
   * cultures. Only people indexed under the word, its first-word form or a one-letter-shorter form are looked at,
   * the latest first, at most PEOPLE_PER_BLOCK_KEY of each.
   */
  private bySurname(key: string): ReportPerson | undefined {
    const fuzzy = key.length >= 5 && key.length <= LONGEST_FUZZY_SURNAME;
    const lookups = [`last:${key}`, `first:${key}`, ...(fuzzy ? oneLetterShorter(key).map((form) => `near:${form}`) : [])];
    let best: ReportPerson | undefined;
    for (const lookup of lookups) {
      const indexed = this.byNameWord.get(lookup) ?? [];
      for (let k = indexed.length - 1; k >= 0 && k >= indexed.length - PEOPLE_PER_BLOCK_KEY; k--) {
        const person = this.people[indexed[k]!]!;
        if (best && person.index <= best.index) break;
        this.steps.count++;
        if (isSurnameOf(person, key)) {
          best = person;
          break;
        }
      }
    }
    return best;
  }

  /** The person who first had a spelling whose name key this is, or the earliest the name scores 0.9 or more against. */
  private sameAs(key: string, profile: PersonProfile): ReportPerson | undefined {
    let best = this.spellingOwner.get(key);
    for (const other of this.reportBlocks.partners(profile)) {
      const p = this.people[Number(other.id)]!;
      if (best !== undefined && p.index >= best) continue;
      this.steps.count++;
      const match = scorePair(profile, { id: other.id, name: p.name, aliases: [...p.spellings], country: p.country, posts: [] });
      if ((match?.score ?? 0) >= 0.9) best = p.index;
    }
    return best === undefined ? undefined : this.people[best];
  }

  /** The report's person for a full name: one introduced before, one the graph holds, or someone new. */
  private introduce(
    name: string,
    titles: { title: string | null; office: string | null },
    country: string | null,
    paragraph: number,
  ): number {
    const { title, office } = titles;
    const key = nameKey(name);
    if (!key.includes(' ')) {
      const earlier = this.bySurname(key);
      if (earlier) {
        this.addSpelling(earlier, replaceSurname(earlier.name, name));
        earlier.paragraphs.add(paragraph);
        return earlier.index;
      }
    }
    const profile = { id: 'new', name, aliases: [] as string[], country, posts: [] };
    const same = this.sameAs(key, profile);
    if (same) {
      this.addSpelling(same, name);
      if (name.split(' ').length > same.name.split(' ').length) {
        same.name = name;
        this.indexName(same);
      }
      if (same.title === null && title !== null) this.setTitle(same, title);
      same.office ??= office;
      if (same.country === null && country !== null) this.setCountry(same, country);
      same.paragraphs.add(paragraph);
      return same.index;
    }
    const exact = this.byKey.get(key);
    let linking: ReportPerson['linking'] = { basis: 'NEW', confidence: 1, reasons: [] };
    let graph = exact;
    if (exact)
      linking = {
        basis: 'GRAPH_NAME',
        confidence: nameKey(exact.name) === key ? 1 : 0.95,
        reasons: [`"${name}" is a name the graph knows`],
      };
    else {
      const best = this.graphBlocks
        .partners(profile)
        .map((p) => {
          this.steps.count++;
          return { p, match: scorePair(profile, { id: p.id, name: p.name, aliases: p.aliases, country: p.country, posts: [] }) };
        })
        .filter((x) => x.match && x.match.score >= CANDIDATE_THRESHOLD)
        .sort((a, b) => b.match!.score - a.match!.score || a.p.id.localeCompare(b.p.id));
      if (best.length === 1 || (best.length > 1 && best[0]!.match!.score - best[1]!.match!.score >= 0.05)) {
        graph = best[0]!.p;
        linking = { basis: 'GRAPH_CANDIDATE', confidence: best[0]!.match!.score, reasons: best[0]!.match!.reasons };
      }
    }
    const person: ReportPerson = {
      index: this.people.length,
      name,
      spellings: new Set(),
      title: null,
      office,
      country: null,
      graphId: graph?.id ?? null,
      linking,
      paragraphs: new Set([paragraph]),
    };
    this.people.push(person);
    this.addSpelling(person, name);
    this.indexName(person);
    if (title !== null) this.setTitle(person, title);
    const citizenship = country ?? graph?.country ?? null;
    if (citizenship !== null) this.setCountry(person, citizenship);
    return person.index;
  }

  private addSpelling(person: ReportPerson, spelling: string): void {
    if (person.spellings.has(spelling)) return;
    person.spellings.add(spelling);
    const key = nameKey(spelling);
    const owner = this.spellingOwner.get(key);
    if (owner === undefined || person.index < owner) this.spellingOwner.set(key, person.index);
    this.reportBlocks.add({ id: String(person.index), name: spelling, aliases: [] });
  }

  /** Files the person under the words of their name as it is now; entries for a name they outgrew no longer match. */
  private indexName(person: ReportPerson): void {
    const words = nameKey(person.name).split(' ');
    const surname = words.at(-1) ?? '';
    const file = (lookup: string) => {
      const indexed = this.byNameWord.get(lookup) ?? [];
      this.byNameWord.set(lookup, indexed);
      let at = indexed.length;
      while (at > 0 && indexed[at - 1]! > person.index) at--;
      if (indexed[at - 1] !== person.index) indexed.splice(at, 0, person.index);
    };
    file(`last:${surname}`);
    if (words.length > 1) file(`first:${words[0]}`);
    if (surname.length >= 5 && surname.length <= LONGEST_FUZZY_SURNAME) for (const form of oneLetterShorter(surname)) file(`near:${form}`);
  }

  private setTitle(person: ReportPerson, title: string): void {
    person.title = title;
    for (const rank of this.ranksIn(person)) {
      this.noteLatest(`${rank}|`, person.index);
      if (person.country) this.noteLatest(`${rank}|${person.country}`, person.index);
    }
  }

  private setCountry(person: ReportPerson, country: string): void {
    person.country = country;
    this.noteLatest(`|${country}`, person.index);
    for (const rank of this.ranksIn(person)) this.noteLatest(`${rank}|${country}`, person.index);
  }

  private ranksIn(person: ReportPerson): string[] {
    const title = person.title?.toLowerCase();
    return title ? lexicon().ranks.filter((rank) => title.includes(rank)) : [];
  }

  private noteLatest(key: string, index: number): void {
    this.latest.set(key, Math.max(this.latest.get(key) ?? -1, index));
  }
}

/** Whether the word is the person's surname, their first word (family names first), or a long surname one letter off. */
function isSurnameOf(person: ReportPerson, key: string): boolean {
  const words = nameKey(person.name).split(' ');
  const surname = words.at(-1) ?? '';
  if (surname === key || (words.length > 1 && words[0] === key)) return true;
  return (
    key.length >= 5 &&
    surname.length >= 5 &&
    key.length <= LONGEST_FUZZY_SURNAME &&
    surname.length <= LONGEST_FUZZY_SURNAME &&
    jaroWinkler(surname, key) >= 0.9 &&
    editDistance(surname, key) <= 1
  );
}

function replaceSurname(name: string, surname: string): string {
  const words = name.split(' ');
  words[words.length - 1] = surname;
  return words.join(' ');
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
