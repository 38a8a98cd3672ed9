import { readRules } from './lexicon.js';
import { type PeopleOfReport, peopleOfPhrase as peopleOf } from './people.js';
import type { SentenceReading } from './reading.js';

/** A trigger: the lemmas that name an event, its format, the roles of its sides, its CAMEO code and prior. */
export interface TriggerRule {
  id: string;
  lemmas: string[];
  format: string;
  roles?: { subject: string; object: string };
  needsWith?: boolean;
  pairedSubject?: boolean;
  personObject?: boolean;
  cameo: string;
  prior: number;
  note: string;
}

interface TriggerRules {
  verbs: TriggerRule[];
  nouns: TriggerRule[];
  callWhen: string[];
  inPersonWhen: string[];
  holdVerbs: string[];
  speechVerbs: string[];
}

interface ModalityRules {
  futureAuxiliaries: string[];
  intentVerbs: string[];
  intentModifiers: string[];
  cancelVerbs: string[];
  backgroundWords: string[];
  negations: string[];
  welcomePlaces: string[];
}

export const TRIGGERS = readRules<TriggerRules>('triggers.json');
const MODALITY = readRules<ModalityRules>('modality.json');
const VERB_BY_LEMMA = new Map(TRIGGERS.verbs.flatMap((r) => r.lemmas.map((l) => [l, r] as const)));
const NOUN_BY_LEMMA = new Map(TRIGGERS.nouns.flatMap((r) => r.lemmas.map((l) => [l, r] as const)));
const CALL_WHEN = new Set(TRIGGERS.callWhen);
const IN_PERSON_WHEN = new Set(TRIGGERS.inPersonWhen);
const HOLD = new Set(TRIGGERS.holdVerbs);
const SPEECH = new Set(TRIGGERS.speechVerbs);
const ATTEND = new Set(['attend', 'join', 'accompany']);
const FUTURE = new Set(MODALITY.futureAuxiliaries);
const INTENT = new Set(MODALITY.intentVerbs);
const INTENT_MODIFIERS = new Set(MODALITY.intentModifiers);
const CANCEL = new Set(MODALITY.cancelVerbs);
const BACKGROUND = new Set(MODALITY.backgroundWords);
const NEGATION = new Set(MODALITY.negations);
const WELCOME_PLACES = new Set(MODALITY.welcomePlaces);

export type Status = 'HELD' | 'INTENT' | 'CANCELLED' | 'BACKGROUND' | 'NEGATED' | 'WELCOME';

/** One event a sentence states: its trigger, the people on each side with their roles, and how it is stated. */
export interface Frame {
  rule: TriggerRule;
  sentence: SentenceReading;
  /** The trigger's token (CoreNLP's number, from 1). */
  trigger: number;
  participants: Map<number, string>;
  format: string;
  status: Status;
  /** Tokens whose dates and places belong to the event: the trigger and the verbs it hangs from. */
  anchors: number[];
  /** A noun trigger with an article and no one named ("during the meeting"): the event under way. */
  backReference: boolean;
  /**
   * The one person on the subject side when the other side lists several ("A met B, C and D"): one meeting with
   * each, as the genre tells a round of talks, unless the trigger says they met together (trilateral, between, of).
   */
  lead?: number;
}

const TOGETHER = new Set([
  'trilateral',
  'quadrilateral',
  'multilateral',
  'tripartite',
  'joint',
  'four-way',
  'three-way',
  'together',
  'summit',
]);

/**
 * The people a list goes on to name after the other side's last person, when the parse loses them among the
 * appositions ("met A, Minister of X, and B, Director of Y, C, …"): every person named before the clause's next verb.
 */
function listGoesOn(
  s: SentenceReading,
  trigger: number,
  people: PeopleOfReport,
  participants: Map<number, string>,
  otherSide: Set<number>,
): void {
  // The end of the first mention of the other side after the trigger: where the list would go on.
  let last = 0;
  for (let t = trigger + 1; t <= s.tokens.length; t++) {
    const named = otherSide.has(people.at(s.index, t) ?? -1);
    if (named) last = t;
    else if (last > 0) break;
  }
  if (last === 0) return;
  for (let t = last + 1; t <= s.tokens.length; t++) {
    const token = s.tokens[t - 1]!;
    if (/^VB/.test(token.pos) || /^(?:[;.”"]|''|who|which|where)$/i.test(token.word)) return;
    const person = people.at(s.index, t);
    if (person === undefined || participants.has(person)) continue;
    const role = participants.get([...otherSide][0]!) ?? 'ATTENDEE';
    participants.set(person, role);
    otherSide.add(person);
  }
}

/** The lead of a frame whose subject side is one person and whose other side is several. */
function leadOf(s: SentenceReading, trigger: number, subjectSide: Set<number>, otherSide: Set<number>): number | undefined {
  if (subjectSide.size !== 1 || otherSide.size < 2) return undefined;
  const words = [trigger, ...s.parse.children(trigger, 'amod', 'advmod', 'compound')].map((t) => word(s, t));
  return words.some((w) => TOGETHER.has(w)) ? undefined : [...subjectSide][0];
}

const lemma = (s: SentenceReading, t: number) => s.tokens[t - 1]?.lemma.toLowerCase() ?? '';
const word = (s: SentenceReading, t: number) => s.tokens[t - 1]?.word.toLowerCase() ?? '';
const isVerb = (s: SentenceReading, t: number) => /^VB/.test(s.tokens[t - 1]?.pos ?? '');
/** A title noun ("the ambassador", "his counterpart"): an object that stands for a person the parse did not name. */
const isTitle = (s: SentenceReading, t: number) => s.tokens[t - 1]?.ner === 'TITLE';

/**
 * A verb's subjects; a participle or infinitive without one takes the subject of the verb it depends on ("Speaking
 * with B, A stressed …", "A went on to meet B").
 */
function subjectsOf(s: SentenceReading, verb: number): number[] {
  let at = verb;
  for (let depth = 0; depth < 3; depth++) {
    const own = s.parse.children(at, 'nsubj', 'nsubj:xsubj');
    if (own.length > 0) return own;
    const [up] = s.parse.parents(at, 'advcl', 'advcl:', 'xcomp', 'conj:', 'acl');
    if (up === undefined) return [];
    at = up;
  }
  return [];
}

/** The trigger and the verbs above it, up to the first that is not a light or speech verb of it. */
function anchorsOf(s: SentenceReading, trigger: number): number[] {
  const anchors = [trigger];
  let at = trigger;
  for (let depth = 0; depth < 3; depth++) {
    const up = s.parse.parents(at)[0];
    if (!up) break;
    anchors.push(up);
    at = up;
  }
  return anchors;
}

function statusOf(s: SentenceReading, trigger: number, anchors: number[]): Status {
  for (const t of anchors) {
    const l = lemma(s, t);
    if (CANCEL.has(l)) return 'CANCELLED';
  }
  if (isVerb(s, trigger) && s.parse.children(trigger, 'obl:at', 'obl:on', 'obl:in').some((c) => WELCOME_PLACES.has(lemma(s, c))))
    return 'WELCOME';
  const triggerWords = [...s.parse.children(trigger, 'amod', 'advmod', 'compound', 'obl:npmod')].map((c) => word(s, c));
  if (triggerWords.some((w) => CANCEL.has(w))) return 'CANCELLED';
  if (triggerWords.some((w) => BACKGROUND.has(w))) return 'BACKGROUND';
  if (triggerWords.some((w) => INTENT_MODIFIERS.has(w))) return 'INTENT';
  // "arrived in Ghana to meet the president": a purpose, not yet an event.
  if (isVerb(s, trigger) && s.parse.children(trigger, 'mark').some((c) => word(s, c) === 'to')) return 'INTENT';
  for (const [i, t] of anchors.entries()) {
    const aux = s.parse.children(t, 'aux', 'aux:pass', 'mark').map((c) => word(s, c));
    if (aux.some((a) => FUTURE.has(a))) return 'INTENT';
    if (s.parse.children(t, 'advmod', 'neg').some((c) => NEGATION.has(word(s, c)))) return 'NEGATED';
    if (i > 0 && (isVerb(s, t) || /^JJ/.test(s.tokens[t - 1]?.pos ?? '')) && INTENT.has(lemma(s, t))) return 'INTENT';
    if (i > 0 && isVerb(s, t) && s.parse.children(t, 'mark').some((c) => word(s, c) === 'to')) return 'INTENT';
    if (i > 0 && !isVerb(s, t)) break;
  }
  return 'HELD';
}

function formatOf(s: SentenceReading, trigger: number, anchors: number[], rule: TriggerRule): string {
  const around = [
    trigger,
    ...anchors,
    ...anchors.flatMap((a) =>
      s.parse.children(a, 'amod', 'compound', 'obl:by', 'obl:over', 'obl:via', 'nmod:by', 'nmod:over', 'obl:on', 'nmod:via'),
    ),
  ];
  const words = new Set(around.map((t) => word(s, t)));
  if ([...words].some((w) => IN_PERSON_WHEN.has(w))) return 'BILATERAL';
  if ([...words].some((w) => CALL_WHEN.has(w))) return 'CALL';
  return rule.format;
}

/** The people on each side of a trigger, as the parse names them, with their roles. */
class Sides {
  readonly participants = new Map<number, string>();
  /** The side a round of talks is told from: the subject, or in the passive the one received or called on. */
  readonly subject = new Set<number>();
  readonly other = new Set<number>();

  constructor(
    private readonly s: SentenceReading,
    private readonly people: PeopleOfReport,
  ) {}

  add(tokens: number[], role: string, side: Set<number>): void {
    for (const token of tokens)
      for (const p of peopleOf(this.s, token, this.people)) {
        if (!this.participants.has(p)) this.participants.set(p, role);
        side.add(p);
      }
  }

  /** Whether any of the tokens names someone. */
  names(tokens: number[]): boolean {
    return tokens.some((t) => peopleOf(this.s, t, this.people).length > 0);
  }
}

/** A frame of a trigger whose sides are known: its anchors, status and format, and the lead of a round of talks. */
function frameOf(
  s: SentenceReading,
  t: number,
  rule: TriggerRule,
  sides: Sides,
  how: { format?: string; together?: boolean; backReference?: boolean; head?: number },
): Frame {
  const anchors = anchorsOf(s, how.head ?? t);
  return {
    rule,
    sentence: s,
    trigger: t,
    participants: sides.participants,
    format: how.format ?? formatOf(s, t, anchors, rule),
    status: statusOf(s, t, anchors),
    anchors,
    backReference: how.backReference ?? false,
    lead: how.together ? undefined : leadOf(s, t, sides.subject, sides.other),
  };
}

/** "X called on B": a courtesy call in person, which needs the caller named. */
function callOnFrame(s: SentenceReading, t: number, rule: TriggerRule, people: PeopleOfReport): Frame | null {
  const on = s.parse.children(t, 'obl:on');
  const subjects = subjectsOf(s, t);
  const sides = new Sides(s, people);
  if (!sides.names(on) || !sides.names(subjects)) return null;
  sides.add(subjects, 'GUEST', sides.subject);
  sides.add(on, 'HOST', sides.other);
  if (sides.subject.size === 1) listGoesOn(s, t, people, sides.participants, sides.other);
  return frameOf(s, t, rule, sides, { format: 'BILATERAL' });
}

function verbFrame(s: SentenceReading, t: number, rule: TriggerRule, people: PeopleOfReport): Frame | null {
  const roles = rule.roles ?? { subject: 'ATTENDEE', object: 'ATTENDEE' };
  const sides = new Sides(s, people);
  const withs = s.parse.children(t, 'obl:with', 'nmod:with', 'obl:between', 'obl:among');
  const subjects = subjectsOf(s, t);
  const paired = rule.pairedSubject && new Set(subjects.flatMap((x) => peopleOf(s, x, people))).size >= 2;
  if (rule.needsWith && !paired && !sides.names(withs)) return null;
  const objects = s.parse.children(t, 'obj', 'iobj');
  const passive = s.parse.children(t, 'nsubj:pass').length > 0;
  // "received a letter", "hosted a dinner": a verb whose object names no one is no meeting of anyone.
  const objectNamesNoOne =
    objects.length > 0 && objects.every((o) => !sides.names([o]) && !isTitle(s, o) && /^NNS?$/.test(s.tokens[o - 1]?.pos ?? ''));
  if (rule.roles?.object === 'GUEST' && objectNamesNoOne && !passive) return null;
  if (rule.personObject) {
    const called = callOnFrame(s, t, rule, people);
    if (called) return called;
    if (!sides.names([...objects, ...s.parse.children(t, 'obl:agent')])) return null;
  }
  // In the passive the agents (with any object the parser added to them) are the other side: "X was called on by A,
  // B and C" is told from X.
  sides.add(subjects, roles.subject, sides.subject);
  sides.add(s.parse.children(t, 'obl:agent', 'obl:by'), roles.subject, passive ? sides.other : sides.subject);
  sides.add(s.parse.children(t, 'nsubj:pass'), roles.object, sides.subject);
  sides.add(objects, roles.object, sides.other);
  sides.add(withs, 'ATTENDEE', sides.other);
  if (sides.participants.size === 0) return null;
  if (sides.subject.size <= 1) listGoesOn(s, t, people, sides.participants, sides.other);
  const inPerson = s.parse.children(t, 'compound:prt').some((c) => word(s, c) === 'on');
  return frameOf(s, t, rule, sides, { ...(inPerson ? { format: 'BILATERAL' } : {}), together: paired });
}

/**
 * The verb a noun trigger hangs from, and how: "A held talks with B" (object of a light verb), "a meeting was held
 * between A and B", "A said during his meeting with B"; "On June 4 at a meeting with B, A said" hangs the noun from
 * the date and the date from the verb.
 */
function governorOf(s: SentenceReading, head: number): { up: number | undefined; relation: string } {
  let [up] = s.parse.parents(head);
  let relation = up === undefined ? '' : (s.parse.between(up, head)[0] ?? '');
  if (up !== undefined && relation.startsWith('nmod:') && s.tokens[up - 1]?.ner === 'DATE') {
    const [above] = s.parse.parents(up);
    if (above !== undefined) {
      relation = s.parse.between(above, up)[0] ?? '';
      up = above;
    }
  }
  return { up, relation };
}

/** The people the verb governing a noun trigger adds to it; whether they met together ("between A and B"). */
function governorSides(s: SentenceReading, up: number, relation: string, sides: Sides): boolean {
  if (!((relation === 'obj' && HOLD.has(lemma(s, up))) || relation.startsWith('obl:') || relation === 'nsubj:pass' || relation === 'nsubj'))
    return false;
  if (relation !== 'nsubj') sides.add(subjectsOf(s, up), 'ATTENDEE', sides.subject);
  if (relation.startsWith('obl:') && SPEECH.has(lemma(s, up))) sides.add(s.parse.children(up, 'obj', 'iobj'), 'ATTENDEE', sides.other);
  sides.add(s.parse.children(up, 'obl:with', 'nmod:with', 'obl:agent', 'obl:on'), 'ATTENDEE', sides.other);
  // "At the invitation of X, A travelled to Y for talks": the one who invited is the host of what followed.
  for (const invitation of s.parse.children(up, 'obl:at', 'obl:upon', 'obl:on')) {
    if (lemma(s, invitation) === 'invitation') sides.add(s.parse.children(invitation, 'nmod:of'), 'ATTENDEE', sides.other);
  }
  const between = s.parse.children(up, 'obl:between', 'obl:among');
  sides.add(between, 'ATTENDEE', sides.other);
  return sides.names(between);
}

function nounFrame(s: SentenceReading, t: number, rule: TriggerRule, people: PeopleOfReport): Frame {
  const sides = new Sides(s, people);
  // "the official meeting ceremony with X": the arguments hang from the noun the trigger qualifies.
  const [qualified] = s.parse.parents(t, 'compound');
  const head = qualified ?? t;
  sides.add(s.parse.children(head, 'nmod:poss'), 'ATTENDEE', sides.subject);
  sides.add(s.parse.children(head, 'nmod:with', 'nmod:to', 'nmod:on', 'acl'), 'ATTENDEE', sides.other);
  const jointly = s.parse.children(head, 'nmod:between', 'nmod:of', 'nmod:among');
  let together = sides.names(jointly);
  sides.add(jointly, 'ATTENDEE', sides.other);
  const { up, relation } = governorOf(s, head);
  if (up !== undefined) together = governorSides(s, up, relation, sides) || together;
  if (sides.subject.size === 1 && !together) listGoesOn(s, t, people, sides.participants, sides.other);
  // "The meeting was attended by …": who else was there, not another meeting.
  const attendance = up !== undefined && ATTEND.has(lemma(s, up)) && relation === 'nsubj:pass';
  const dets = s.parse.children(t, 'det', 'nmod:poss').map((d) => word(s, d));
  const backReference = attendance || (sides.participants.size === 0 && dets.some((d) => ['the', 'this', 'that', 'their'].includes(d)));
  return frameOf(s, t, rule, sides, { together, backReference, head });
}

/** Every event a sentence states, in the order of its triggers; a noun a light verb holds is read with that verb. */
export function framesIn(s: SentenceReading, people: PeopleOfReport): Frame[] {
  const frames: Frame[] = [];
  for (const token of s.tokens) {
    const l = token.lemma.toLowerCase();
    if (/^VB/.test(token.pos)) {
      const rule = VERB_BY_LEMMA.get(l);
      const frame = rule && verbFrame(s, token.index, rule, people);
      if (frame) frames.push(frame);
    } else if (/^NN/.test(token.pos)) {
      const rule = NOUN_BY_LEMMA.get(l) ?? NOUN_BY_LEMMA.get(token.word.toLowerCase());
      if (!rule) continue;
      // "a meeting of the commission", "talks" as a subject of "focused" keep their participants from the parse.
      frames.push(nounFrame(s, token.index, rule, people));
    }
  }
  return frames;
}

/** Whether an event or a visit a token names is told as held, planned, cancelled, earlier or denied. */
export function statusAt(s: SentenceReading, token: number): Status {
  return statusOf(s, token, anchorsOf(s, token));
}
