import { PEOPLE_PER_BLOCK_KEY } from '../../domain/name-words.js';
import { nameKey } from '../../domain/names.js';
import { editDistance, jaroWinkler } from '../../domain/similarity.js';
import type { CorefMention, Token } from '../../nlp/annotation.js';
import { BlockIndex } from '../../resolution/candidates.js';
import { CANDIDATE_THRESHOLD, scorePair } from '../../resolution/score.js';
import { countryOf } from './countries.js';
import { readRules } from './lexicon.js';
import type { Reading, SentenceReading } from './reading.js';

/** What the graph already holds, for linking: people with their names, countries and posts. */
export interface Gazetteer {
  people: { id: string; name: string; aliases: string[]; country: string | null }[];
  countries: { id: string; name: string }[];
  posts: { id: string; title: string; country: string | null }[];
}

/** A person of the report: the PERSON mentions, coreferent mentions and title-only mentions of one official. */
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
  /** Character spans of every mention, for review. */
  spans: [number, number][];
}

/** The report's people, and which person a token of a sentence stands for. */
export interface PeopleOfReport {
  people: ReportPerson[];
  /** The person a token (CoreNLP's number, from 1) of a sentence names or points back to. */
  at(sentence: number, token: number): number | undefined;
}

interface PeopleRules {
  abbreviations: Record<string, string>;
  honorifics: string[];
  namedAfter: string[];
  titleWords: string[];
}

const RULES = readRules<PeopleRules>('people.json');
const HONORIFICS = new Set(RULES.honorifics.map((h) => h.toLowerCase()));
const NAMED_AFTER = new Set(RULES.namedAfter);
const TITLE_WORDS = new Set(RULES.titleWords);
const ABBREVIATIONS = new Map(Object.entries(RULES.abbreviations));
/** Ranks: a title word that is part of a rank, not of an office, so "Admiral" is not an office to find a post by. */
const RANKS = /\b(?:general|admiral|colonel|lieutenant|major|brigadier|marshal|captain|commodore|vice|rear|air chief)\b/gi;
const PRONOUN = /^(?:PRP|PRP\$|WP|WP\$)$/;

const key = (s: SentenceReading, token: number) => `${s.index}:${token}`;
const textOf = (tokens: Token[]) =>
  tokens
    .map((t, i) => t.originalText + (i < tokens.length - 1 ? t.after : ''))
    .join('')
    .replace(/\s+/g, ' ');

/**
 * The tokens as the report writes them (CoreNLP read its letters without diacritics): the report's own characters
 * at each token's offsets, a word in capitals written as a name.
 */
function asWritten(tokens: Token[], original: string): Token[] {
  return tokens.map((t) => {
    const own = original.slice(t.characterOffsetBegin, t.characterOffsetEnd);
    return { ...t, originalText: /^\p{Lu}{5,}$/u.test(own) ? own[0] + own.slice(1).toLowerCase() : own };
  });
}

/** The name a PERSON mention gives, without honorifics or titles inside it, or null if it names nobody. */
function nameOf(mention: Token[], original: string): string | null {
  let tokens = asWritten(mention, original);
  // A sentence run on without a space ("Zelensky.The three leaders") ends the name at the full stop.
  const last = tokens.at(-1);
  if (last && /\.\p{Lu}/u.test(last.originalText)) {
    tokens = [...tokens.slice(0, -1), { ...last, originalText: last.originalText.split('.')[0]!, word: last.word.split('.')[0]! }];
  }
  let words = tokens.filter((t) => !HONORIFICS.has(t.word.toLowerCase()) && t.ner !== 'TITLE' && !/^['’]s?$/.test(t.word));
  // CoreNLP at times takes the country before a name into the name ("Ambassador of Vietnam Nguyen Van Thanh").
  while (words.length > 1 && countryOf(words[0]!.word)) words = words.slice(1);
  const name = textOf(words)
    // An initial written onto the name ("L.Oyun-Erdene") is an initial of its own.
    .replace(/\b(\p{Lu})\.(?=\p{Lu}\p{Ll})/gu, '$1. ')
    .replace(/\s*-\s*/g, '-')
    .replace(/['’]s$/u, '')
    .replace(/^[\s,.;:-]+|[\s,;:-]+$/g, '');
  // A name has a word of two letters or more that is not an initial ("H." of "H.E." is no one).
  return /\p{Lu}/u.test(name) && name.split(' ').some((w) => /^\p{L}[\p{L}'’-]+$/u.test(w)) ? name : null;
}

/** Whether a PERSON mention is in fact a byline, a credited outlet or something named after a person. */
function namesNoOfficial(s: SentenceReading, begin: number, end: number, publisher: string): boolean {
  const next = s.tokens[end];
  if (next && NAMED_AFTER.has(next.word)) return true;
  const before = s.tokens[begin - 1];
  if (s.paragraph === 0 && before && /^by$/i.test(before.word)) return true;
  const words = s.tokens.slice(begin, end);
  if (words.length === 1 && /^\p{Lu}{2,}$/u.test(words[0]!.word)) return true;
  const publisherWords = new Set(nameKey(publisher).split(' '));
  return words.length === 1 && publisherWords.has(nameKey(words[0]!.word));
}

/** The titles and country written before a name in its noun phrase ("Pakistani Naval Staff Chief Admiral …"). */
function titleBefore(s: SentenceReading, begin: number): { title: string | null; country: string | null } {
  const titles: Token[] = [];
  let country: string | null = null;
  for (let i = begin - 1; i >= 0; i--) {
    const t = s.tokens[i]!;
    // A title word the tagger left untagged counts too ("Chief" of "Chief of the Naval Staff Admiral …").
    if (t.ner === 'TITLE' || (/^NNP?$/.test(t.pos) && /^\p{Lu}/u.test(t.word) && TITLE_WORDS.has(t.lemma.toLowerCase()))) titles.unshift(t);
    else if (t.ner === 'NATIONALITY' || t.ner === 'COUNTRY') country ??= countryOf(t.word) ?? null;
    else if (
      !/^(?:'s|’s|of|the|and|Defence|Defense|Naval|Army|Air|Staff|Force|Forces|Foreign|Navy)$/.test(t.word) &&
      t.ner !== 'ORGANIZATION'
    )
      break;
    if (t.ner === 'ORGANIZATION' && !country) {
      country = countryOf(t.word) ?? null;
    }
  }
  return { title: titles.length > 0 ? textOf(titles) : null, country };
}

/** The title an apposition gives a name ("Victor Makhmudov, the Secretary of the Security Council of Uzbekistan"). */
function titleInApposition(s: SentenceReading, head: number): { title: string | null; country: string | null } {
  for (const other of [...s.parse.parents(head, 'appos'), ...s.parse.children(head, 'appos')]) {
    const t = s.tokens[other - 1];
    if (t?.ner !== 'TITLE' && !/^(?:Minister|Chief|Secretary|Commander|Ambassador|President|Speaker|Chairman)$/.test(t?.word ?? ''))
      continue;
    const phrase: number[] = [other, ...s.parse.children(other, 'compound', 'amod')];
    let country: string | null = null;
    const walk = (token: number, depth: number) => {
      for (const child of s.parse.children(token, 'nmod:of', 'nmod:poss', 'amod', 'compound')) {
        const word = s.tokens[child - 1]!;
        country ??= countryOf(word.word) ?? null;
        if (depth < 3) walk(child, depth + 1);
      }
    };
    walk(other, 0);
    const words = phrase.sort((a, b) => a - b).map((i) => s.tokens[i - 1]!);
    return { title: textOf(words), country };
  }
  return { title: null, country: null };
}

/**
 * The title written after a name and a comma, where the parse did not make it an apposition ("Dr. S. Jaishankar,
 * External Affairs Minister of India, is …"): the title words, and a country among the words that follow them.
 */
function titleAfter(
  s: SentenceReading,
  end: number,
  apposed: { title: string | null; country: string | null },
): { title: string | null; country: string | null } {
  if (apposed.title || s.tokens[end]?.word !== ',') return apposed;
  const titles: Token[] = [];
  let country: string | null = null;
  for (let i = end + 1; i < Math.min(s.tokens.length, end + 12); i++) {
    const t = s.tokens[i]!;
    if (t.ner === 'TITLE') titles.push(t);
    else if (t.ner === 'COUNTRY' || t.ner === 'NATIONALITY') country ??= countryOf(t.word) ?? null;
    else if (!(titles.length === 0 && /^NNP/.test(t.pos)) && !/^(?:of|the|for|and)$/i.test(t.word)) break;
  }
  return titles.length > 0 ? { title: textOf(titles), country } : apposed;
}

/** The token of a mention the parse hangs it from: the one whose governor is outside the mention. */
function headOf(s: SentenceReading, begin: number, end: number): number {
  for (let i = end; i > begin; i--) {
    if (s.parse.parents(i).every((g) => g <= begin || g > end)) return i;
  }
  return end;
}

const near = (a: string, b: string) => a === b || (a.length >= 5 && b.length >= 5 && editDistance(a, b) <= 1 && jaroWinkler(a, b) >= 0.9);

/**
 * Whether a name can be a later mention of a person: the same name; a single word that is their surname, their
 * first word (family names first) or a surname one letter off; a longer or shorter form with the same surname and
 * the same or an initial given name ("Amjad Khan Niazi", "Muhammad Amjad Khan Niazi", "M. A. K. Niazi").
 */
function sameOfficial(person: ReportPerson, name: string): boolean {
  const words = nameKey(name).split(' ');
  for (const spelling of person.spellings) {
    const theirs = nameKey(spelling).split(' ');
    if (words.join(' ') === theirs.join(' ')) return true;
    if (words.length === 1) {
      if (near(theirs.at(-1)!, words[0]!) || (theirs.length > 1 && theirs[0] === words[0])) return true;
      continue;
    }
    // A headline's surname alone ("Brennock and Vos meet"), then the full name in the lead.
    if (theirs.length === 1) {
      if (near(theirs[0]!, words.at(-1)!)) return true;
      continue;
    }
    if (!near(theirs.at(-1)!, words.at(-1)!)) continue;
    const [mine, other] = [words.slice(0, -1), theirs.slice(0, -1)];
    const shorter = mine.length <= other.length ? mine : other;
    const longer = shorter === mine ? other : mine;
    if (shorter.every((w) => longer.some((l) => l === w || (w.length === 1 && l.startsWith(w)) || (l.length === 1 && w.startsWith(l)))))
      return true;
  }
  return false;
}

function noteTitle(person: ReportPerson, title: string | null): void {
  if (!title) return;
  person.title ??= title;
  const office = title.replace(RANKS, '').replace(/\s+/g, ' ').trim();
  if (office && !person.office) person.office = office;
}

/** The graph's people a name is looked up among: by name and alias, and by blocking keys for likely ones. */
class GraphPeople {
  private readonly byKey = new Map<string, Gazetteer['people'][number]>();
  private readonly blocks: BlockIndex<Gazetteer['people'][number]>;

  constructor(gazetteer: Gazetteer) {
    for (const p of gazetteer.people) for (const n of [p.name, ...p.aliases]) this.byKey.set(nameKey(n), p);
    this.blocks = new BlockIndex(gazetteer.people, PEOPLE_PER_BLOCK_KEY);
  }

  /** The graph's person of that name or alias; else the one the resolution score clearly prefers; else none. */
  link(name: string, country: string | null): { graph: Gazetteer['people'][number] | undefined; linking: ReportPerson['linking'] } {
    const exact = this.byKey.get(nameKey(name));
    if (exact) {
      const confidence = nameKey(exact.name) === nameKey(name) ? 1 : 0.95;
      return { graph: exact, linking: { basis: 'GRAPH_NAME', confidence, reasons: [`"${name}" is a name the graph knows`] } };
    }
    const none = { graph: undefined, linking: { basis: 'NEW' as const, confidence: 1, reasons: [] } };
    if (!name.includes(' ')) return none;
    const profile = { id: 'new', name, aliases: [] as string[], country, posts: [] };
    const best = this.blocks
      .partners(profile)
      .map((p) => ({ p, match: scorePair(profile, { id: p.id, name: p.name, aliases: p.aliases, country: p.country, posts: [] }) }))
      .filter((x) => x.match && x.match.score >= CANDIDATE_THRESHOLD)
      .sort((a, b) => b.match!.score - a.match!.score || a.p.id.localeCompare(b.p.id));
    if (!(best.length === 1 || (best.length > 1 && best[0]!.match!.score - best[1]!.match!.score >= 0.05))) return none;
    const { p, match } = best[0]!;
    return { graph: p, linking: { basis: 'GRAPH_CANDIDATE', confidence: match!.score, reasons: match!.reasons } };
  }
}

/** The report's person a name is: an earlier one it is a later form of, or someone new (linked to the graph if it can be). */
function introduce(
  people: ReportPerson[],
  graph: GraphPeople,
  name: string,
  title: string | null,
  country: string | null,
  paragraph: number,
): number {
  const earlier = [...people].reverse().find((p) => sameOfficial(p, name));
  if (earlier) {
    // A later surname spelled another way is an alias of the whole name ("Bakirov" → "Subhan Bakirov").
    const surnameOnly = !name.includes(' ') && !earlier.name.split(' ').includes(name);
    earlier.spellings.add(surnameOnly ? [...earlier.name.split(' ').slice(0, -1), name].join(' ') : name);
    if (nameKey(name).split(' ').length > nameKey(earlier.name).split(' ').length && !earlier.graphId) {
      earlier.spellings.delete(earlier.name);
      earlier.name = name;
    }
    earlier.paragraphs.add(paragraph);
    noteTitle(earlier, title);
    earlier.country ??= country;
    return earlier.index;
  }
  const linked = graph.link(name, country);
  const known = linked.graph;
  const person: ReportPerson = {
    index: people.length,
    name: known ? known.name : name,
    spellings: new Set(known && nameKey(known.name) !== nameKey(name) ? [known.name, name] : [name]),
    title: null,
    office: null,
    country: country ?? known?.country ?? null,
    graphId: known?.id ?? null,
    linking: linked.linking,
    paragraphs: new Set([paragraph]),
    spans: [],
  };
  noteTitle(person, title);
  people.push(person);
  return person.index;
}

/**
 * Notes who first held each title word, abbreviation and country: the one a later "the general", "the PM" or "the
 * Georgian diplomat" most often means is the report's protagonist, the first so titled.
 */
function rememberTitled(firstTitled: Map<string, number>, person: ReportPerson, title: string | null, written: string): void {
  for (const word of nameKey(title ?? '').split(' '))
    if (TITLE_WORDS.has(word) && !firstTitled.has(word)) firstTitled.set(word, person.index);
  // The words before the name hold its title as written, abbreviations included ("Chief of Army Staff (COAS) General").
  for (const [short, long] of ABBREVIATIONS)
    if ((written.includes(long) || written.split(' ').includes(nameKey(short))) && !firstTitled.has(short))
      firstTitled.set(short, person.index);
  if (person.country && title && !firstTitled.has(`country:${person.country}`)) firstTitled.set(`country:${person.country}`, person.index);
}

/**
 * Finds the report's people: PERSON mentions (bylines, credited outlets and places named after someone left out),
 * one person for every name that is a later form of an earlier one, pronouns and noun phrases CoreNLP's
 * coreference ties to a named person, and "the general" for the first person titled so. Each is linked to the
 * graph's person of that name or, by the resolution score, a likely one; or proposed as new.
 */
export function findPeople(reading: Reading, gazetteer: Gazetteer, publisher: string): PeopleOfReport {
  const people: ReportPerson[] = [];
  const byToken = new Map<string, number>();
  const graph = new GraphPeople(gazetteer);
  const firstTitled = new Map<string, number>();
  for (const s of reading.sentences) {
    for (const m of s.mentions) {
      if (m.ner !== 'PERSON') continue;
      const tokens = s.tokens.slice(m.tokenBegin, m.tokenEnd);
      if (tokens.every((t) => PRONOUN.test(t.pos))) continue;
      const name = nameOf(tokens, reading.original);
      if (!name || namesNoOfficial(s, m.tokenBegin, m.tokenEnd, publisher)) continue;
      const before = titleBefore(s, m.tokenBegin);
      const apposed = before.title
        ? { title: null, country: null }
        : titleAfter(s, m.tokenEnd, titleInApposition(s, headOf(s, m.tokenBegin, m.tokenEnd)));
      const title = before.title ?? apposed.title;
      const person = introduce(people, graph, name, title, before.country ?? apposed.country, s.paragraph);
      people[person]!.spans.push([m.characterOffsetBegin, m.characterOffsetEnd]);
      for (let t = m.tokenBegin + 1; t <= m.tokenEnd; t++) byToken.set(key(s, t), person);
      // A title written before the name belongs to the mention too: "Minister" in "Defence Minister Zakir Hasanov".
      for (let t = m.tokenBegin; t >= 1 && s.tokens[t - 1]!.ner === 'TITLE'; t--) byToken.set(key(s, t), person);
      rememberTitled(firstTitled, people[person]!, title, nameKey(textOf(s.tokens.slice(Math.max(0, m.tokenBegin - 10), m.tokenBegin))));
    }
    resolveTitleOnly(s, people, byToken, firstTitled);
  }
  resolveCoreference(reading, people, byToken);
  return { people, at: (sentence, token) => byToken.get(`${sentence}:${token}`) };
}

/** "The general", "the Pakistani minister": a title noun with an article and no name, for the last person so titled. */
function resolveTitleOnly(
  s: SentenceReading,
  people: ReportPerson[],
  byToken: Map<string, number>,
  firstTitled: Map<string, number>,
): void {
  for (const t of s.tokens) {
    // A title word heads the phrase as a noun; the tagger takes "the general" for an adjective now and then.
    if (byToken.has(key(s, t.index)) || !(/^NN/.test(t.pos) || (t.ner === 'TITLE' && /^JJ/.test(t.pos)))) continue;
    const short = ABBREVIATIONS.has(t.word) ? firstTitled.get(t.word) : undefined;
    if (short !== undefined) {
      byToken.set(key(s, t.index), short);
      people[short]!.spans.push([t.characterOffsetBegin, t.characterOffsetEnd]);
      continue;
    }
    const word = t.word.toLowerCase();
    if (!TITLE_WORDS.has(word) || word === 'counterpart') continue;
    const dets = s.parse.children(t.index, 'det').map((d) => s.tokens[d - 1]!.word.toLowerCase());
    if (!dets.includes('the')) continue;
    // A title heading a phrase that names its holder ("the minister, Jan Vos") or an office ("the minister of …") is not a back-reference.
    if (s.parse.children(t.index, 'appos', 'nmod:of', 'compound').some((c) => s.tokens[c - 1]!.ner === 'PERSON')) continue;
    if (s.parse.parents(t.index, 'compound').length > 0) continue;
    const demonym = s.parse
      .children(t.index, 'amod', 'compound')
      .map((c) => countryOf(s.tokens[c - 1]!.word))
      .find((c) => c !== undefined);
    const person = demonym ? firstTitled.get(`country:${demonym}`) : firstTitled.get(word);
    if (person === undefined) continue;
    byToken.set(key(s, t.index), person);
    people[person]!.spans.push([t.characterOffsetBegin, t.characterOffsetEnd]);
  }
}

/**
 * Pronouns and noun phrases of a coreference chain stand for the person named by the chain's proper mentions, when
 * they name one person only; a chain joining two named people is not trusted.
 */
function resolveCoreference(reading: Reading, people: ReportPerson[], byToken: Map<string, number>): void {
  const sentenceOf = new Map(reading.sentences.map((s) => [s.index, s]));
  const indexOf = (m: CorefMention) => m.sentNum - 1;
  for (const chain of Object.values(reading.annotation.corefs)) {
    const named = new Set<number>();
    for (const m of chain) {
      for (let t = m.startIndex; t < m.endIndex; t++) {
        const person = byToken.get(`${indexOf(m)}:${t}`);
        if (person !== undefined && m.type === 'PROPER') named.add(person);
      }
    }
    if (named.size !== 1) continue;
    const [person] = named;
    for (const m of chain) {
      if (m.type === 'PROPER' || m.type === 'LIST') continue;
      const s = sentenceOf.get(indexOf(m));
      if (!s) continue;
      // "His Majesty", "Her Excellency": a form of address, not a pronoun of the chain's person.
      if (m.type === 'PRONOMINAL' && /^(?:majesty|excellency|highness|royal)$/i.test(s.tokens[m.endIndex - 1]?.word ?? '')) continue;
      const at = `${s.index}:${m.headIndex}`;
      if (byToken.has(at)) continue;
      byToken.set(at, person!);
      const token = s.tokens[m.headIndex - 1];
      if (token) people[person!]!.spans.push([token.characterOffsetBegin, token.characterOffsetEnd]);
    }
  }
}

/** The people a phrase headed by a token names: the person it is, or the names apposed or compounded to it, and its conjuncts. */
export function peopleOfPhrase(s: SentenceReading, token: number, people: PeopleOfReport, depth = 0): number[] {
  const found: number[] = [];
  const own = people.at(s.index, token);
  if (own !== undefined) found.push(own);
  else if (depth < 3) {
    const titled = isTitle(s.tokens[token - 1]);
    // A title's of-modifier may be its holder ("Chief of Army Staff General …", "the ministers of A and B, X and Y").
    if (titled) for (const child of s.parse.children(token, 'nmod:of')) found.push(...peopleOfPhrase(s, child, people, depth + 1));
    for (const child of s.parse.children(token, 'appos', 'compound', 'flat', 'nmod:poss', 'dep')) {
      if (found.length > 0) break;
      const named = people.at(s.index, child);
      if (named !== undefined && s.parse.between(token, child).includes('nmod:poss') && s.tokens[token - 1]?.ner !== 'TITLE') continue;
      found.push(...peopleOfPhrase(s, child, people, depth + 1));
      if (found.length > 0) break;
    }
  }
  if (found.length === 0) {
    const named = nameAfterTitle(s, token, people);
    if (named !== undefined) found.push(named);
  }
  if (depth < 3) for (const conj of s.parse.children(token, 'conj:')) found.push(...peopleOfPhrase(s, conj, people, depth + 1));
  return [...new Set(found)];
}

const isTitle = (t: Token | undefined) => !!t && (t.ner === 'TITLE' || TITLE_WORDS.has(t.lemma.toLowerCase()));

/** Words a title phrase may hold between its head and the name it introduces ("Ambassador of Italy to Azerbaijan, …"). */
const TITLE_GLUE = /^(?:of|to|the|for|and|in|at|,|'s|’s|-)$/i;

/**
 * The person a title heading a phrase introduces, when the parse hangs the name elsewhere: the first name after
 * it with nothing but title words, countries, organisations and their glue between ("Chief of Army Staff General
 * Qamar Javed Bajwa").
 */
function nameAfterTitle(s: SentenceReading, token: number, people: PeopleOfReport): number | undefined {
  const head = s.tokens[token - 1];
  if (!isTitle(head)) return undefined;
  for (let t = token + 1; t <= Math.min(s.tokens.length, token + 15); t++) {
    const person = people.at(s.index, t);
    if (person !== undefined) return person;
    const next = s.tokens[t - 1]!;
    const glue =
      TITLE_GLUE.test(next.word) || /^(?:TITLE|COUNTRY|NATIONALITY|ORGANIZATION|LOCATION|CITY|STATE_OR_PROVINCE)$/.test(next.ner);
    if (!glue && !/^NNP/.test(next.pos)) return undefined;
  }
  return undefined;
}
