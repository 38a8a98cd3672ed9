import { nameKey } from '../domain/names.js';
import { jaroWinkler } from '../domain/similarity.js';
import { CANDIDATE_THRESHOLD, scorePair } from '../resolution/score.js';
import { lexicon } from './lexicon.js';

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

const NAME = "\\p{Lu}[\\p{L}'’-]+(?: (?:\\p{Lu}[\\p{L}'’-]+|bin|al|de|la|van|von|ur|ul))*";
const COUNTRY_LIST = '\\p{Lu}[\\p{L}]+(?:(?:, | and )\\p{Lu}[\\p{L}]+)+?';
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
    return { text, start: m.index, end: m.index + text.length };
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

/** Finds and links the people of a report, sentence by sentence, keeping who was introduced for later mentions. */
export class MentionFinder {
  readonly people: ReportPerson[] = [];
  /** The first person named in the latest sentence that named anyone: who "the general" most likely is. */
  private lastSubject: number | undefined;
  private readonly forms: Map<string, string>;
  private readonly byKey = new Map<string, Gazetteer['people'][number]>();
  private readonly titleWords: string[][];
  private readonly list = listPattern();

  constructor(private readonly gazetteer: Gazetteer) {
    this.forms = countryForms(gazetteer);
    for (const p of gazetteer.people) for (const n of [p.name, ...p.aliases]) this.byKey.set(nameKey(n), p);
    this.titleWords = lexicon().titles.map((t) => t.toLowerCase().split(/\s+/));
  }

  countryOf(word: string): string | undefined {
    return this.forms.get(word.toLowerCase().replace(/['’]s$/u, ''));
  }

  /** Mentions of people in one sentence, in order; new people are added to the report's list. */
  find(sentence: string, paragraph: number): Mention[] {
    const words = tokens(sentence);
    const listed = this.listed(sentence, paragraph);
    const mentions: Mention[] = [...listed];
    let i = 0;
    while (i < words.length) {
      const inList = listed.find((m) => words[i]!.start >= m.start && words[i]!.start < m.end);
      if (inList) {
        i++;
        continue;
      }
      const found = this.titledName(words, i, paragraph, sentence) ?? this.knownName(words, i, paragraph) ?? this.laterMention(words, i);
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
  private titledName(words: Token[], at: number, paragraph: number, sentence: string): { mention: Mention; next: number } | undefined {
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
    if (!country2 && words[j]?.text.toLowerCase() === 'of') {
      const k = words[j + 1]?.text.toLowerCase() === 'the' ? j + 2 : j + 1;
      country2 = k < words.length ? this.countryOf(words[k]!.text) : undefined;
      if (country2) j = k + 1;
      if (country2 && words[j]?.text.toLowerCase() === 'to' && j + 1 < words.length && this.countryOf(words[j + 1]!.text)) j += 2;
    }
    // A rank after an office: "Land Forces Commander General Musa Avsever".
    for (let rank = this.titleAt(words, j); rank && j < words.length; rank = this.titleAt(words, j)) j += rank.length;
    const nameStart = j;
    while (j < words.length && j - nameStart < 6) {
      const w = words[j]!.text;
      // A comma or other mark ends a name: "Karim Valiyev, Major General Giorgi Matiashvili".
      if (j > nameStart && /[^\s]/.test(sentence.slice(words[j - 1]!.end, words[j]!.start).replace(/['’]s$/, ''))) break;
      if (j > nameStart && this.titleAt(words, j)) break;
      if (!(isCapitalised(w) || (PARTICLES.has(w.toLowerCase()) && j > nameStart)) || NOT_NAMES.has(w.toLowerCase()) || this.countryOf(w))
        break;
      j++;
    }
    while (j > nameStart && PARTICLES.has(words[j - 1]!.text.toLowerCase())) j--;
    if (j === nameStart) return undefined;
    const name = words
      .slice(nameStart, j)
      .map((w) => w.text)
      .join(' ');
    const titleText = words
      .slice(i, nameStart)
      .filter((w) => !this.countryOf(w.text) && !['of', 'the', 'to'].includes(w.text.toLowerCase()))
      .map((w) => w.text)
      .join(' ');
    const office = words
      .slice(i, i + title.length)
      .map((w) => w.text)
      .join(' ');
    const person = this.introduce(name, { title: titleText, office }, country ?? country2 ?? null, paragraph);
    return { mention: { start: words[at]!.start, end: words[j - 1]!.end, person, kind: 'NAME' }, next: j };
  }

  private titleAt(words: Token[], at: number, lowerCaseAllowed = false): string[] | undefined {
    for (const title of this.titleWords) {
      if (at + title.length > words.length) continue;
      const first = lowerCaseAllowed || isCapitalised(words[at]!.text);
      if (first && title.every((t, k) => words[at + k]!.text.toLowerCase() === t)) return title;
    }
    return undefined;
  }

  /** A name the graph knows, or one introduced earlier in full, written without a title. */
  private knownName(words: Token[], at: number, paragraph: number): { mention: Mention; next: number } | undefined {
    for (let n = Math.min(5, words.length - at); n >= 2; n--) {
      const slice = words.slice(at, at + n);
      if (!slice.every((w) => isCapitalised(w.text) || PARTICLES.has(w.text.toLowerCase()))) continue;
      const name = slice.map((w) => w.text).join(' ');
      const key = nameKey(name);
      const known = this.byKey.get(key) ?? this.people.find((p) => [...p.spellings].some((s) => nameKey(s) === key));
      if (!known) continue;
      const person = this.introduce(name, { title: null, office: null }, null, paragraph);
      return { mention: { start: slice[0]!.start, end: slice[n - 1]!.end, person, kind: 'NAME' }, next: at + n };
    }
    return undefined;
  }

  /** A surname alone ("Bakirov", within one letter of "Bekirov"), or a title alone ("the general"). */
  private laterMention(words: Token[], at: number): { mention: Mention; next: number } | undefined {
    const w = words[at]!;
    const lower = w.text.toLowerCase();
    if (lower === 'the' && at + 1 < words.length) {
      let k = at + 1;
      const country = this.countryOf(words[k]!.text);
      if (country && k + 1 < words.length) k++;
      const rank = words[k]!.text.toLowerCase();
      if (!lexicon().ranks.includes(rank) || (k + 1 < words.length && isCapitalised(words[k + 1]!.text))) return undefined;
      // "The Speaker of the National Assembly of Pakistan, Asad Qaiser": a title that goes on introduces someone.
      if ((this.titleAt(words, k)?.length ?? 0) > 1 || words[k + 1]?.text.toLowerCase() === 'of') return undefined;
      // "The Pakistani general" may be the one Pakistani of the scene whose title the report gave otherwise.
      const fits = [...this.people].reverse().filter((p) => p.title?.toLowerCase().includes(rank) && (!country || p.country === country));
      // Of several generals, the one the story follows: the subject of the sentence before.
      const person =
        fits.find((p) => p.index === this.lastSubject) ??
        fits[0] ??
        (country ? [...this.people].reverse().find((p) => p.country === country) : undefined);
      return person ? { mention: { start: w.start, end: words[k]!.end, person: person.index, kind: 'TITLE' }, next: k + 1 } : undefined;
    }
    if (!isCapitalised(w.text) || NOT_NAMES.has(lower) || this.countryOf(w.text) || w.text.length < 3) return undefined;
    const key = nameKey(w.text);
    const person = this.bySurname(key);
    if (!person) return undefined;
    const parts = nameKey(person.name).split(' ');
    if (parts.at(-1) !== key && parts[0] !== key) person.spellings.add(replaceSurname(person.name, w.text));
    return { mention: { start: w.start, end: w.end, person: person.index, kind: 'SURNAME' }, next: at + 1 };
  }

  /**
   * The latest person introduced whose surname this is: the last word of the name, within one letter for words of
   * five letters or more (two spellings in one report), or the first word, as family names come first in some cultures.
   */
  private bySurname(key: string): ReportPerson | undefined {
    return [...this.people].reverse().find((p) => {
      const words = nameKey(p.name).split(' ');
      const surname = words.at(-1) ?? '';
      if (surname === key || (words.length > 1 && words[0] === key)) return true;
      return key.length >= 5 && surname.length >= 5 && jaroWinkler(surname, key) >= 0.9 && editDistance(surname, key) <= 1;
    });
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
        earlier.spellings.add(replaceSurname(earlier.name, name));
        earlier.paragraphs.add(paragraph);
        return earlier.index;
      }
    }
    const profile = { id: 'new', name, aliases: [] as string[], country, posts: [] };
    const same = this.people.find(
      (p) =>
        [...p.spellings].some((s) => nameKey(s) === key) ||
        (scorePair({ ...profile }, { id: String(p.index), name: p.name, aliases: [...p.spellings], country: p.country, posts: [] })
          ?.score ?? 0) >= 0.9,
    );
    if (same) {
      same.spellings.add(name);
      if (name.split(' ').length > same.name.split(' ').length) same.name = name;
      same.title ??= title;
      same.office ??= office;
      same.country ??= country;
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
      const best = this.gazetteer.people
        .map((p) => ({ p, match: scorePair(profile, { id: p.id, name: p.name, aliases: p.aliases, country: p.country, posts: [] }) }))
        .filter((x) => x.match && x.match.score >= CANDIDATE_THRESHOLD)
        .sort((a, b) => b.match!.score - a.match!.score);
      if (best.length === 1 || (best.length > 1 && best[0]!.match!.score - best[1]!.match!.score >= 0.05)) {
        graph = best[0]!.p;
        linking = { basis: 'GRAPH_CANDIDATE', confidence: best[0]!.match!.score, reasons: best[0]!.match!.reasons };
      }
    }
    const person: ReportPerson = {
      index: this.people.length,
      name,
      spellings: new Set([name]),
      title,
      office,
      country: country ?? graph?.country ?? null,
      graphId: graph?.id ?? null,
      linking,
      paragraphs: new Set([paragraph]),
    };
    this.people.push(person);
    return person.index;
  }
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
