import { countryOf } from './countries.js';
import { type DraftDate, datesIn } from './dates.js';
import type { Frame } from './frames.js';
import { type PeopleOfReport, peopleOfPhrase } from './people.js';
import type { SentenceReading } from './reading.js';

/** Verbs that give the date a report was issued, never the date of the event. */
const REPORTING = new Set(['report', 'inform', 'announce', 'publish', 'write', 'release', 'quote', 'tweet', 'post']);
const TIME_RELATIONS = ['obl:on', 'obl:tmod', 'obl:in', 'obl:npmod', 'nmod:on', 'nmod:tmod', 'nmod:in', 'obl:at', 'obl', 'obl:during'];

/** The DATE mention a token is in, as written. */
function dateMentionAt(s: SentenceReading, token: number): string | undefined {
  const m = s.mentions.find((m) => m.ner === 'DATE' && m.tokenBegin < token && token <= m.tokenEnd);
  return m?.text;
}

/** A date the sentence gives a reporting verb ("the ministry reported on June 8"): the event was on or before it. */
export function reportingDateIn(s: SentenceReading, published: string | null): string | undefined {
  for (const t of s.tokens) {
    if (!REPORTING.has(t.lemma.toLowerCase())) continue;
    for (const child of s.parse.children(t.index, ...TIME_RELATIONS)) {
      const text = dateMentionAt(s, child);
      const date = text ? datesIn(`on ${text}`, published).event : undefined;
      if (date && date.value.length === 10) return date.value;
    }
  }
  return undefined;
}

/**
 * The event's date: a DATE attached to its trigger or the verbs it hangs from, read at the precision its words give
 * against the publication date (our rules: no day from a weekday without a publication date, the last such day on
 * or before publication, the year that puts a day and month on or before it). A date a reporting verb governs is not
 * the event's.
 */
export function eventDate(frame: Frame, published: string | null): DraftDate | undefined {
  const s = frame.sentence;
  for (const anchor of frame.anchors) {
    if (REPORTING.has(s.tokens[anchor - 1]?.lemma.toLowerCase() ?? '')) break;
    for (const child of s.parse.children(anchor, ...TIME_RELATIONS)) {
      const text = dateMentionAt(s, child);
      if (!text) continue;
      const date = datesIn(`on ${text}`, published).event;
      if (date) return date;
    }
  }
  return undefined;
}

/** Whether the event is told as before the publication year ("met in 2019" in a report of 2021). */
export function isEarlierYear(date: DraftDate | undefined, published: string | null): boolean {
  return !!date && !!published && date.value.length === 4 && date.value < published.slice(0, 4);
}

/** A country the text says the event took place in ("met in Pakistan"); never a city it does not tie to a state. */
export function eventCountry(frame: Frame): string | undefined {
  const s = frame.sentence;
  for (const anchor of frame.anchors.slice(0, 2)) {
    for (const child of s.parse.children(anchor, 'obl:in', 'nmod:in')) {
      const token = s.tokens[child - 1];
      if (token?.ner === 'COUNTRY') return countryOf(token.word);
    }
  }
  return undefined;
}

/** A visit a sentence states: who leads it and the country visited. */
export interface StatedVisit {
  leader: number;
  hostCountry: string;
  sentence: SentenceReading;
}

/**
 * "X is on an official visit to Y", "a visit to Y by the delegation led by X", "X paid a visit to Y", "X visited Y",
 * "X arrived in Y": the leader and the country, when both are named and the visit is not only planned.
 */
export function visitIn(s: SentenceReading, people: PeopleOfReport, held: (trigger: number) => boolean): StatedVisit | undefined {
  for (const t of s.tokens) {
    const l = t.lemma.toLowerCase();
    let country: string | undefined;
    let leaders: number[] = [];
    if (l === 'visit' && /^NN/.test(t.pos)) {
      for (const c of s.parse.children(t.index, 'nmod:to', 'nmod:in')) country ??= countryIn(s, c);
      leaders = [...s.parse.children(t.index, 'nsubj', 'nmod:poss', 'nmod:of')];
      for (const by of [t.index, ...s.parse.children(t.index, 'nmod:by')]) {
        if (by !== t.index) leaders.push(by);
        leaders.push(...s.parse.children(by, 'acl').flatMap((led) => s.parse.children(led, 'obl:agent', 'obl:by')));
      }
      const [up] = s.parse.parents(t.index);
      if (up !== undefined) leaders.push(...s.parse.children(up, 'nsubj'));
    } else if ((l === 'visit' || l === 'arrive' || l === 'tour') && /^VB/.test(t.pos)) {
      for (const c of s.parse.children(t.index, 'obj', 'obl:in', 'obl:to')) country ??= countryIn(s, c);
      leaders = s.parse.children(t.index, 'nsubj');
    } else continue;
    if (!country || !held(t.index)) continue;
    const leader = leaders.flatMap((token) => peopleOfPhrase(s, token, people))[0];
    if (leader !== undefined) return { leader, hostCountry: country, sentence: s };
  }
  return undefined;
}

function countryIn(s: SentenceReading, token: number): string | undefined {
  const t = s.tokens[token - 1];
  return t && (t.ner === 'COUNTRY' || t.ner === 'LOCATION') ? countryOf(t.word) : undefined;
}
