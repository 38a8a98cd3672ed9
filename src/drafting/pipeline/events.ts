import { type DraftDate, reportingMonth } from './dates.js';
import { eventCountry, eventDate, isEarlierYear, reportingDateIn, visitIn } from './event-facts.js';
import { type Frame, framesIn, statusAt, type TriggerRule } from './frames.js';
import { lexicon } from './lexicon.js';
import type { PeopleOfReport } from './people.js';
import type { Reading, SentenceReading } from './reading.js';
import { statementsIn } from './statements.js';

/** A meeting the report tells, as the frames of its sentences gave it. */
export interface DraftMeeting {
  participants: Map<number, string>;
  format: string;
  topics: Set<string>;
  date: DraftDate | null;
  paragraphs: Set<number>;
  rule: TriggerRule;
  sentence: [number, number];
  visit: number | null;
  place: string | null;
  spans: [number, number][];
}

export interface DraftVisit {
  leader: number;
  hostCountry: string;
  paragraphs: Set<number>;
  rule: string;
}

export interface DraftStatement {
  kind: string;
  speaker: number;
  onBehalfOf: number | null;
  meeting: number | null;
  paragraph: number;
  rule: string;
  note: string;
}

/** What the report tells: meetings, visits, statements, and what was read but not proposed. */
export interface EventsOfReport {
  meetings: DraftMeeting[];
  visits: DraftVisit[];
  statements: DraftStatement[];
  notProposed: { paragraph: number; reason: string; rule: string; span: [number, number] }[];
  incompleteMeetings: { paragraph: number; rule: string; participants: string[] }[];
}

/** Whether a sentence goes on about the meeting under way: the sides, the meeting itself. */
const ABOUT_THE_MEETING = new RegExp(
  [
    '\\b(?:the|both) (?:sides|parties|two sides|officials|ministers|delegations)\\b',
    '\\b(?:during|at|in the course of) the (?:meeting|talks|conversation|call)\\b',
    '^(?:the|their) (?:meeting|talks|conversation|call)\\b',
  ].join('|'),
  'i',
);

/** A frame whose lead met several people one by one, as one frame a meeting. */
function dyads(frame: Frame): Frame[] {
  if (frame.lead === undefined) return [frame];
  const lead = frame.lead;
  return [...frame.participants]
    .filter(([p]) => p !== lead)
    .map(([p, role]) => ({
      ...frame,
      lead: undefined,
      participants: new Map([
        [lead, frame.participants.get(lead)!],
        [p, role],
      ]),
    }));
}

/**
 * The report's one event when no sentence ties its principals to a trigger: most reports tell one meeting whose
 * principals the headline and lead name. The officials (a title or a country known) named there, in order, at most
 * three, met; the first held trigger gives the rule and format.
 */
function leadFrame(reading: Reading, named: number[], held: Frame[]): DraftMeeting | undefined {
  if (named.length < 2) return undefined;
  const lead = reading.sentences.filter((s) => s.paragraph <= 1);
  const [first] = held;
  const call = held.find((f) => f.format === 'CALL');
  const rule = { ...first!.rule, id: 'document/lead', prior: 0.6, note: 'the headline and lead name them as the principals of the event' };
  return {
    participants: new Map(named.slice(0, 3).map((p) => [p, 'ATTENDEE'])),
    format: call ? 'CALL' : named.length > 2 ? 'MULTILATERAL' : 'BILATERAL',
    topics: new Set(),
    date: null,
    paragraphs: new Set(lead.map((s) => s.paragraph)),
    rule,
    sentence: [first!.sentence.paragraph, first!.sentence.inParagraph],
    visit: null,
    place: null,
    spans: held.map(spanOf),
  };
}

/** The people a sentence names, each once, in the order it first names them. */
function peopleNamedIn(s: SentenceReading, people: PeopleOfReport): number[] {
  return [...new Set(s.tokens.map((t) => people.at(s.index, t.index)))].filter((p): p is number => p !== undefined);
}

/** The officials (a title or a country known) the headline and lead name, in order: the first is the protagonist. */
function leadOfficials(reading: Reading, people: PeopleOfReport): number[] {
  const named = reading.sentences.filter((s) => s.paragraph <= 1).flatMap((s) => peopleNamedIn(s, people));
  return [...new Set(named)].filter((p) => people.people[p]!.title || people.people[p]!.country);
}

/** The two people a headline names beside a trigger it gives no participants ("statement by A and B after the meeting"). */
function namedIn(s: SentenceReading, people: PeopleOfReport, frame: Frame): Map<number, string> {
  const named = peopleNamedIn(s, people);
  return named.length === 2 ? new Map(named.map((p) => [p, 'ATTENDEE'])) : frame.participants;
}

/** How many sides a multilateral word names. */
const MULTILATERAL_SIZE: Record<string, number> = { trilateral: 3, tripartite: 3, 'three-way': 3, quadrilateral: 4, 'four-way': 4 };

/** The sides a trigger ("trilateral") or its modifier ("a trilateral meeting") says met. */
function multilateralSize(frame: Frame): number | undefined {
  const s = frame.sentence;
  for (const c of [frame.trigger, ...s.parse.children(frame.trigger, 'amod', 'compound')]) {
    const size = MULTILATERAL_SIZE[s.tokens[c - 1]!.lemma.toLowerCase()];
    if (size) return size;
  }
  return undefined;
}

/** Verbs whose subject tells of the event rather than taking part in it. */
const REPORTERS = new Set(['say', 'tweet', 'tell', 'report', 'add', 'note', 'state', 'write', 'quote', 'post', 'announce', 'confirm']);

const sameSet = (a: Map<number, string>, b: Map<number, string>) => a.size === b.size && [...a.keys()].every((k) => b.has(k));
const sentenceText = (tokens: { originalText: string; after: string }[]) => tokens.map((t) => t.originalText + t.after).join('');

const spanOf = (frame: Frame): [number, number] => {
  const token = frame.sentence.tokens[frame.trigger - 1]!;
  return [token.characterOffsetBegin, token.characterOffsetEnd];
};

/**
 * Reads the report's events sentence by sentence: the frames of each (one meeting with each of a round of talks),
 * held ones becoming meetings (the same people again on no other day are the same meeting), the others listed as not
 * proposed; visits that group meetings; statements; the headline's frames adding evidence; the lead's event when no
 * sentence gives one; the reporting month for meetings the text gives no date.
 */
export function readEvents(reading: Reading, people: PeopleOfReport, published: string | null): EventsOfReport {
  const events = new EventReader(reading, people, published);
  for (const s of reading.sentences) events.read(s);
  return events.finish();
}

class EventReader {
  private readonly events: EventsOfReport = { meetings: [], visits: [], statements: [], notProposed: [], incompleteMeetings: [] };
  private readonly headlineFrames: Frame[] = [];
  private readonly heldTriggers: Frame[] = [];
  private readonly lastMeeting = new Map<number, number>();
  private readonly formats = lexicon().formats.map((rule) => ({ rule, regex: new RegExp(rule.pattern, 'iu') }));
  private readonly topics = lexicon().topics.map((rule) => ({ rule, regex: new RegExp(rule.pattern, 'iu') }));
  private reporting: string | undefined;
  private current: number | null = null;
  private currentVisit: number | null = null;
  private paragraphDate: { paragraph: number; date: DraftDate } | undefined;
  private officials: number[] | undefined;

  constructor(
    private readonly reading: Reading,
    private readonly people: PeopleOfReport,
    private readonly published: string | null,
  ) {}

  read(s: SentenceReading): void {
    const body = s.paragraph > 0;
    this.reporting ??= reportingDateIn(s, this.published);
    this.noteVisit(s);
    const statements = body ? statementsIn(s, this.people) : [];
    // Someone a statement is made on behalf of is spoken for, not present.
    const behalf = new Set(statements.flatMap((st) => (st.onBehalfOf === null ? [] : [st.onBehalfOf])));
    let touched = false;
    for (const frame of framesIn(s, this.people).flatMap(dyads)) touched = this.frame(s, frame, body, behalf) || touched;
    if (!body) return;
    this.aboutCurrent(s, touched);
    for (const stated of statements) {
      this.events.statements.push({ ...stated, meeting: this.lastMeeting.get(stated.speaker) ?? null, paragraph: s.paragraph });
    }
  }

  private noteVisit(s: SentenceReading): void {
    const visit = visitIn(s, this.people, (t) => statusAt(s, t) === 'HELD');
    if (!visit) return;
    const { visits } = this.events;
    const known = visits.findIndex((v) => v.leader === visit.leader && v.hostCountry === visit.hostCountry);
    if (known >= 0) visits[known]!.paragraphs.add(s.paragraph);
    else visits.push({ leader: visit.leader, hostCountry: visit.hostCountry, paragraphs: new Set([s.paragraph]), rule: 'visit/stated' });
    this.currentVisit = known >= 0 ? known : visits.length - 1;
  }

  /** One frame of a sentence: a meeting, evidence for one, or something not proposed. Whether it gave a meeting. */
  private frame(s: SentenceReading, frame: Frame, body: boolean, behalf: ReadonlySet<number>): boolean {
    if (frame.status === 'HELD' && !frame.backReference) this.heldTriggers.push(frame);
    const date = eventDate(frame, this.published);
    if (date && this.paragraphDate?.paragraph !== s.paragraph) this.paragraphDate = { paragraph: s.paragraph, date };
    const status = isEarlierYear(date, this.published) && frame.status === 'HELD' ? 'BACKGROUND' : frame.status;
    if (status !== 'HELD') {
      this.events.notProposed.push({
        paragraph: s.paragraph,
        reason: status === 'NEGATED' ? 'CANCELLED' : status,
        rule: frame.rule.id,
        span: spanOf(frame),
      });
      return false;
    }
    if (!body) {
      this.headlineFrames.push(frame.backReference ? { ...frame, participants: namedIn(s, this.people, frame) } : frame);
      return false;
    }
    // "at the end of the meeting" with no meeting told before: the meeting of the people the sentence names.
    if (frame.backReference && this.current !== null) return false;
    const participants = this.participantsOf(s, frame, behalf);
    if (participants.size < 2) {
      if (participants.size === 1) {
        const names = [...participants.keys()].map((p) => this.people.people[p]!.name);
        this.events.incompleteMeetings.push({ paragraph: s.paragraph, rule: frame.rule.id, participants: names });
      }
      return false;
    }
    this.meet(s, frame, participants, date);
    return true;
  }

  /**
   * The frame's participants, completed where the parse gave too few: a noun with one side gets the visit's leader,
   * the meeting under way's first participant or the report's first official; a trigger with fewer than two, the
   * sentence's two named people (or as many as "trilateral" says), not those who only report or are spoken for.
   */
  private participantsOf(s: SentenceReading, frame: Frame, behalf: ReadonlySet<number>): Map<number, string> {
    const participants = new Map(frame.participants);
    const { meetings, visits } = this.events;
    if (participants.size === 1 && frame.rule.id.endsWith('/noun')) {
      const other =
        this.currentVisit !== null
          ? visits[this.currentVisit]!.leader
          : this.current !== null
            ? [...meetings[this.current]!.participants.keys()][0]
            : this.leadOfficials()[0];
      if (other !== undefined && !participants.has(other)) participants.set(other, 'ATTENDEE');
    }
    if (participants.size >= 2 || frame.backReference) return participants;
    // A spokesman who tweeted, an agency's reporter who said: the subjects of reporting verbs took no part.
    const reporters = new Set(
      s.tokens
        .filter((t) => REPORTERS.has(t.lemma.toLowerCase()))
        .flatMap((t) => s.parse.children(t.index, 'nsubj'))
        .map((t) => this.people.at(s.index, t)),
    );
    const named = peopleNamedIn(s, this.people).filter((p) => !behalf.has(p) && (!reporters.has(p) || participants.has(p)));
    const wanted = multilateralSize(frame);
    if (named.length === 2 || named.length === wanted) for (const p of named) if (!participants.has(p)) participants.set(p, 'ATTENDEE');
    return participants;
  }

  /**
   * A held frame with its people: the same people again, on no other day, are the meeting told before; a call stays
   * apart from an in-person meeting only when both are stated as such (a plain "talked with" takes the call's format).
   */
  private meet(s: SentenceReading, frame: Frame, participants: Map<number, string>, date: DraftDate | undefined): void {
    const { meetings, visits } = this.events;
    const same = meetings.findIndex(
      (m) =>
        sameSet(m.participants, participants) &&
        (!date || !m.date || m.date.value === date.value) &&
        (m.format === frame.format || m.rule.format === 'BILATERAL' || frame.rule.format === 'BILATERAL'),
    );
    if (same >= 0) {
      const meeting = meetings[same]!;
      meeting.paragraphs.add(s.paragraph);
      meeting.spans.push(spanOf(frame));
      meeting.date ??= date ?? null;
      if (frame.format === 'CALL') meeting.format = 'CALL';
      this.current = same;
    } else {
      const inVisit = this.currentVisit !== null && participants.has(visits[this.currentVisit]!.leader) ? this.currentVisit : null;
      meetings.push({
        participants,
        format: participants.size > 2 && frame.format !== 'CALL' ? 'MULTILATERAL' : frame.format,
        topics: new Set(),
        date: date ?? (this.paragraphDate?.paragraph === s.paragraph ? this.paragraphDate.date : null),
        paragraphs: new Set([s.paragraph]),
        rule: frame.rule,
        sentence: [s.paragraph, s.inParagraph],
        visit: inVisit,
        place: eventCountry(frame) ?? null,
        spans: [spanOf(frame)],
      });
      this.current = meetings.length - 1;
    }
    for (const person of participants.keys()) this.lastMeeting.set(person, this.current);
  }

  /** A sentence that goes on about the meeting under way adds its paragraph, format and topics to it. */
  private aboutCurrent(s: SentenceReading, touched: boolean): void {
    if (this.current === null) return;
    const meeting = this.events.meetings[this.current]!;
    const words = sentenceText(s.tokens);
    const namesOne = s.tokens.some((t) => meeting.participants.has(this.people.at(s.index, t.index) ?? -1));
    if (!(touched || namesOne || ABOUT_THE_MEETING.test(words))) return;
    meeting.paragraphs.add(s.paragraph);
    for (const { rule, regex } of this.formats) if (regex.test(words) && meeting.format === 'BILATERAL') meeting.format = rule.format;
    for (const { rule, regex } of this.topics) if (regex.test(words)) meeting.topics.add(rule.code);
  }

  /** Worked out once, when a frame first needs the protagonist. */
  private leadOfficials(): number[] {
    this.officials ??= leadOfficials(this.reading, this.people);
    return this.officials;
  }

  finish(): EventsOfReport {
    const { meetings, notProposed } = this.events;
    // The headline tells the lead's event again: it adds evidence to a meeting of the same people, or stands for it
    // when the body names no such meeting.
    for (const frame of this.headlineFrames) {
      if (frame.participants.size < 2) continue;
      const known = meetings.find((m) => [...frame.participants.keys()].filter((p) => m.participants.has(p)).length >= 2);
      if (known) known.paragraphs.add(0);
      else
        meetings.push({
          participants: new Map(frame.participants),
          format: frame.format,
          topics: new Set(),
          date: eventDate(frame, this.published) ?? null,
          paragraphs: new Set([0]),
          rule: frame.rule,
          sentence: [0, frame.sentence.inParagraph],
          visit: null,
          place: null,
          spans: [spanOf(frame)],
        });
    }
    const leadHeld = this.heldTriggers.filter((f) => f.sentence.paragraph <= 1);
    if (meetings.length === 0 && leadHeld.length > 0 && !notProposed.some((n) => n.paragraph <= 1)) {
      const lead = leadFrame(this.reading, this.leadOfficials(), leadHeld);
      if (lead) meetings.push(lead);
    }
    const reporting = this.reporting;
    if (reporting) for (const meeting of meetings) meeting.date ??= reportingMonth(reporting);
    return this.events;
  }
}
