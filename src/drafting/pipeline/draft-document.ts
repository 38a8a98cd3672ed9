import anyAscii from 'any-ascii';
import { nameKey } from '../../domain/names.js';
import { DOCUMENT_FORMAT } from '../../domain/registry/index.js';
import type { Annotation } from '../../nlp/annotation.js';
import { countryName as worldCountryName } from './countries.js';
import { type DraftDate, reportingMonth } from './dates.js';
import { eventCountry, eventDate, isEarlierYear, reportingDateIn, visitIn } from './event-facts.js';
import { type Frame, framesIn, statusAt, type TriggerRule } from './frames.js';
import { lexicon } from './lexicon.js';
import { findPeople, type Gazetteer, type PeopleOfReport, type ReportPerson } from './people.js';
import { type Paragraph, publicationDate, type Reading, readReport, type SentenceReading } from './reading.js';
import { statementsIn } from './statements.js';

export interface DraftOptions {
  published: string | null;
  publisher: string;
  url?: string | null;
}

interface DraftMeeting {
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

interface DraftVisit {
  leader: number;
  hostCountry: string;
  paragraphs: Set<number>;
  rule: string;
}

interface DraftStatement {
  kind: string;
  speaker: number;
  onBehalfOf: number | null;
  meeting: number | null;
  paragraph: number;
  rule: string;
  note: string;
}

const slug = (text: string) =>
  anyAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

const TOOL = { name: 'officials-graph draft', version: 2 };

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
function leadFrame(reading: Reading, people: PeopleOfReport, held: Frame[]): DraftMeeting | undefined {
  const lead = reading.sentences.filter((s) => s.paragraph <= 1);
  const named: number[] = [];
  for (const s of lead)
    for (const t of s.tokens) {
      const p = people.at(s.index, t.index);
      const person = p === undefined ? undefined : people.people[p]!;
      if (person && (person.title || person.country) && !named.includes(p!)) named.push(p!);
    }
  if (named.length < 2) return undefined;
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
    spans: held.map((f) => [f.sentence.tokens[f.trigger - 1]!.characterOffsetBegin, f.sentence.tokens[f.trigger - 1]!.characterOffsetEnd]),
  };
}

/** The two people a headline names beside a trigger it gives no participants ("statement by A and B after the meeting"). */
function namedIn(s: SentenceReading, people: PeopleOfReport, frame: Frame): Map<number, string> {
  const named = [...new Set(s.tokens.map((t) => people.at(s.index, t.index)))].filter((p): p is number => p !== undefined);
  return named.length === 2 ? new Map(named.map((p) => [p, 'ATTENDEE'])) : frame.participants;
}

/** How many sides a multilateral word names. */
const MULTILATERAL_SIZE: Record<string, number> = { trilateral: 3, tripartite: 3, 'three-way': 3, quadrilateral: 4, 'four-way': 4 };

function multilateralSize(frame: Frame): number | undefined {
  const s = frame.sentence;
  for (const c of s.parse.children(frame.trigger, 'amod', 'compound')) {
    const size = MULTILATERAL_SIZE[s.tokens[c - 1]!.lemma.toLowerCase()];
    if (size) return size;
  }
  return undefined;
}

/** The first official (a title or a country known) the headline and lead name. */
function protagonist(reading: Reading, people: PeopleOfReport): number | undefined {
  for (const s of reading.sentences) {
    if (s.paragraph > 1) break;
    for (const t of s.tokens) {
      const p = people.at(s.index, t.index);
      if (p !== undefined && (people.people[p]!.title || people.people[p]!.country)) return p;
    }
  }
  return undefined;
}

/** Verbs whose subject tells of the event rather than taking part in it. */
const REPORTERS = new Set(['say', 'tweet', 'tell', 'report', 'add', 'note', 'state', 'write', 'quote', 'post', 'announce', 'confirm']);

const sameSet = (a: Map<number, string>, b: Map<number, string>) => a.size === b.size && [...a.keys()].every((k) => b.has(k));
const sentenceText = (tokens: { originalText: string; after: string }[]) => tokens.map((t) => t.originalText + t.after).join('');

/**
 * Proposes a source document from a report's text and CoreNLP's annotation of it: paragraphs (0 for headline,
 * byline and dateline), people linked to the graph or new, meetings and calls read as event frames from the parse
 * with participants, roles, dates at the precision the text gives and places only where attached, visits that
 * group meetings, statements, topics. Every item has evidence (paragraph, a note in the program's words) and a
 * `draft` block: confidence, the rule that proposed it, and its character spans. Pure.
 */
export function draftDocument(text: string, annotation: Annotation, options: DraftOptions, gazetteer: Gazetteer): Record<string, unknown> {
  const lex = lexicon();
  const reading = readReport(text, annotation);
  const { paragraphs } = reading;
  const published = publicationDate(reading.text, options.published);
  const people = findPeople(reading, gazetteer, options.publisher);
  const meetings: DraftMeeting[] = [];
  const headlineFrames: Frame[] = [];
  const heldTriggers: Frame[] = [];
  const visits: DraftVisit[] = [];
  const statements: DraftStatement[] = [];
  const notProposed: { paragraph: number; reason: string; rule: string; span: [number, number] }[] = [];
  const incomplete: { paragraph: number; rule: string; participants: string[] }[] = [];
  const warnings: string[] = [];
  let reporting: string | undefined;
  let current: number | null = null;
  let currentVisit: number | null = null;
  const lastMeeting = new Map<number, number>();
  const formats = lex.formats.map((rule) => ({ rule, regex: new RegExp(rule.pattern, 'iu') }));
  const topics = lex.topics.map((rule) => ({ rule, regex: new RegExp(rule.pattern, 'iu') }));
  let paragraphDate: { paragraph: number; date: DraftDate } | undefined;

  for (const s of reading.sentences) {
    const body = s.paragraph > 0;
    reporting ??= reportingDateIn(s, published);
    const visit = visitIn(s, people, (t) => statusAt(s, t) === 'HELD');
    if (visit) {
      const known = visits.findIndex((v) => v.leader === visit.leader && v.hostCountry === visit.hostCountry);
      if (known >= 0) visits[known]!.paragraphs.add(s.paragraph);
      else visits.push({ leader: visit.leader, hostCountry: visit.hostCountry, paragraphs: new Set([s.paragraph]), rule: 'visit/stated' });
      currentVisit = known >= 0 ? known : visits.length - 1;
    }
    let touched = false;
    for (const frame of framesIn(s, people).flatMap(dyads)) {
      if (frame.status === 'HELD' && !frame.backReference) heldTriggers.push(frame);
      const span: [number, number] = [s.tokens[frame.trigger - 1]!.characterOffsetBegin, s.tokens[frame.trigger - 1]!.characterOffsetEnd];
      const date = eventDate(frame, published);
      if (date && paragraphDate?.paragraph !== s.paragraph) paragraphDate = { paragraph: s.paragraph, date };
      const status = isEarlierYear(date, published) && frame.status === 'HELD' ? 'BACKGROUND' : frame.status;
      if (status !== 'HELD') {
        notProposed.push({ paragraph: s.paragraph, reason: status === 'NEGATED' ? 'CANCELLED' : status, rule: frame.rule.id, span });
        continue;
      }
      if (!body) {
        headlineFrames.push(frame.backReference ? { ...frame, participants: namedIn(s, people, frame) } : frame);
        continue;
      }
      // "at the end of the meeting" with no meeting told before: the meeting of the people the sentence names.
      if (frame.backReference && current !== null) continue;
      const participants = new Map(frame.participants);
      if (participants.size === 1 && frame.rule.id.endsWith('/noun')) {
        // The other side is the visit's leader, the meeting under way's first participant, or else the report's
        // protagonist: the first official its headline and lead name.
        const other =
          currentVisit !== null
            ? visits[currentVisit]!.leader
            : current !== null
              ? [...meetings[current]!.participants.keys()][0]
              : protagonist(reading, people);
        if (other !== undefined && !participants.has(other)) participants.set(other, 'ATTENDEE');
      }
      if (participants.size < 2 && !frame.backReference) {
        // The parse did not tie the people to the trigger: the sentence's named people, when it names a few.
        const behalf = new Set(statementsIn(s, people).flatMap((st) => (st.onBehalfOf === null ? [] : [st.onBehalfOf])));
        // A spokesman who tweeted, an agency's reporter who said: the subjects of reporting verbs took no part.
        const reporters = new Set(
          s.tokens
            .filter((t) => REPORTERS.has(t.lemma.toLowerCase()))
            .flatMap((t) => s.parse.children(t.index, 'nsubj'))
            .map((t) => people.at(s.index, t)),
        );
        const named = [...new Set(s.tokens.map((t) => people.at(s.index, t.index)))].filter(
          (p): p is number => p !== undefined && !behalf.has(p) && (!reporters.has(p) || participants.has(p)),
        );
        // Two people, or as many as a trilateral or quadrilateral trigger says met.
        const wanted = MULTILATERAL_SIZE[frame.sentence.tokens[frame.trigger - 1]!.lemma.toLowerCase()] ?? multilateralSize(frame);
        if (named.length === 2 || named.length === wanted) for (const p of named) if (!participants.has(p)) participants.set(p, 'ATTENDEE');
      }
      if (participants.size < 2) {
        if (participants.size === 1)
          incomplete.push({
            paragraph: s.paragraph,
            rule: frame.rule.id,
            participants: [...participants.keys()].map((p) => people.people[p]!.name),
          });
        continue;
      }
      const inVisit = currentVisit !== null && participants.has(visits[currentVisit]!.leader) ? currentVisit : null;
      // The same people again, on no other day, is the same meeting; a call stays apart from an in-person meeting
      // only when both are stated as such (a plain "talked with" takes the call's format).
      const same = meetings.findIndex(
        (m) =>
          sameSet(m.participants, participants) &&
          (!date || !m.date || m.date.value === date.value) &&
          (m.format === frame.format || m.rule.format === 'BILATERAL' || frame.rule.format === 'BILATERAL'),
      );
      if (same >= 0) {
        const meeting = meetings[same]!;
        meeting.paragraphs.add(s.paragraph);
        meeting.spans.push(span);
        meeting.date ??= date ?? null;
        if (frame.format === 'CALL') meeting.format = 'CALL';
        current = same;
      } else {
        meetings.push({
          participants,
          format: participants.size > 2 && frame.format !== 'CALL' ? 'MULTILATERAL' : frame.format,
          topics: new Set(),
          date: date ?? (paragraphDate?.paragraph === s.paragraph ? paragraphDate.date : null),
          paragraphs: new Set([s.paragraph]),
          rule: frame.rule,
          sentence: [s.paragraph, s.inParagraph],
          visit: inVisit,
          place: eventCountry(frame) ?? null,
          spans: [span],
        });
        current = meetings.length - 1;
      }
      for (const person of participants.keys()) lastMeeting.set(person, current);
      touched = true;
    }
    if (current !== null && body) {
      const meeting = meetings[current]!;
      const words = sentenceText(s.tokens);
      const namesOne = s.tokens.some((t) => meeting.participants.has(people.at(s.index, t.index) ?? -1));
      if (touched || namesOne || ABOUT_THE_MEETING.test(words)) {
        meeting.paragraphs.add(s.paragraph);
        for (const { rule, regex } of formats) if (regex.test(words) && meeting.format === 'BILATERAL') meeting.format = rule.format;
        for (const { rule, regex } of topics) if (regex.test(words)) meeting.topics.add(rule.code);
      }
    }
    if (body)
      for (const stated of statementsIn(s, people)) {
        statements.push({ ...stated, meeting: lastMeeting.get(stated.speaker) ?? null, paragraph: s.paragraph });
      }
  }
  // The headline tells the lead's event again: it adds evidence to a meeting of the same people, or stands for it
  // when the body names no such meeting.
  for (const frame of headlineFrames) {
    if (frame.participants.size < 2) continue;
    const known = meetings.find((m) => [...frame.participants.keys()].filter((p) => m.participants.has(p)).length >= 2);
    if (known) known.paragraphs.add(0);
    else
      meetings.push({
        participants: new Map(frame.participants),
        format: frame.format,
        topics: new Set(),
        date: eventDate(frame, published) ?? null,
        paragraphs: new Set([0]),
        rule: frame.rule,
        sentence: [0, frame.sentence.inParagraph],
        visit: null,
        place: null,
        spans: [
          [frame.sentence.tokens[frame.trigger - 1]!.characterOffsetBegin, frame.sentence.tokens[frame.trigger - 1]!.characterOffsetEnd],
        ],
      });
  }
  const leadHeld = heldTriggers.filter((f) => f.sentence.paragraph <= 1);
  if (meetings.length === 0 && leadHeld.length > 0 && !notProposed.some((n) => n.paragraph <= 1)) {
    const lead = leadFrame(reading, people, leadHeld);
    if (lead) meetings.push(lead);
  }
  if (!published) warnings.push('No publication date: weekdays and day-and-month dates are left undated.');
  for (const meeting of meetings) {
    if (!meeting.date && reporting) meeting.date = reportingMonth(reporting);
  }
  // A person who is neither a participant nor a speaker is kept only where a statement names them.
  return assemble({
    options,
    published,
    paragraphs,
    people: people.people,
    meetings,
    visits,
    statements,
    gazetteer,
    notProposed,
    incomplete,
    warnings,
  });
}

interface AssembleInput {
  options: DraftOptions;
  published: string | null;
  paragraphs: Paragraph[];
  people: ReportPerson[];
  meetings: DraftMeeting[];
  visits: DraftVisit[];
  statements: DraftStatement[];
  gazetteer: Gazetteer;
  notProposed: { paragraph: number; reason: string; rule: string; span: [number, number] }[];
  incomplete: { paragraph: number; rule: string; participants: string[] }[];
  warnings: string[];
}

function assemble(input: AssembleInput): Record<string, unknown> {
  const { options, published, paragraphs, people, meetings, visits, statements, gazetteer } = input;
  const headline = slug(paragraphs[0]!.text || paragraphs[1]?.text || 'report').slice(0, 40);
  const sourceId = `${slug(options.publisher)}-${published ?? 'undated'}-${headline}`;
  const ev = (paragraph: number, note: string) => ({ paragraph, note });
  const personId = (p: ReportPerson) => p.graphId ?? `person-${slug(p.name)}`;
  const posts = postsByCountry(gazetteer);
  const postHeld = people.map((p) => postOf(p, posts));
  const graphCountries = new Set(gazetteer.countries.map((c) => c.id));
  const countryIds = new Set<string>([
    ...people.flatMap((p) => (p.country ? [p.country] : [])),
    ...visits.map((v) => v.hostCountry),
    ...meetings.flatMap((m) => (m.place ? [m.place] : [])),
  ]);
  const countries = [...countryIds]
    .filter((id) => !graphCountries.has(id))
    .map((id) => ({
      id,
      name: worldCountryName(id),
      evidence: [ev(firstParagraph(people, id, visits), 'A country the report names.')],
    }));
  const dateOf = (d: DraftDate | null) => (d ? { date: d.value } : {});
  const meetingIds = meetings.map(
    (m) =>
      `meeting-${m.date?.value ?? 'undated'}-${[...m.participants.keys()].map((p) => slug(people[p]!.name.split(' ').at(-1)!)).join('-')}`,
  );
  const visitEntries = visits
    .filter((v) => people[v.leader]!.country)
    .map((v, i) => ({
      id: `visit-${published ?? 'undated'}-${slug(people[v.leader]!.name.split(' ').at(-1)!)}-${i + 1}`,
      title: `Visit of ${people[v.leader]!.name} to ${countryName(v.hostCountry, gazetteer)}`,
      leader: personId(people[v.leader]!),
      delegationOf: people[v.leader]!.country!,
      hostCountry: v.hostCountry,
      summary: `A visit led by ${people[v.leader]!.name}, as the report states.`,
      evidence: [...v.paragraphs].map((p) => ev(p, 'The report states the visit and who led it.')),
      draft: { confidence: 0.9, rule: v.rule },
    }));
  return {
    format: DOCUMENT_FORMAT,
    sources: [
      {
        id: sourceId,
        kind: 'NEWS_REPORT',
        publisher: options.publisher,
        title: (paragraphs[0]!.text || paragraphs[1]?.text || 'Untitled report').slice(0, 200),
        ...(published ? { published } : { published: new Date().toISOString().slice(0, 4) }),
        language: 'en',
        ...(options.url ? { url: options.url } : {}),
        paragraphs: paragraphs.length - 1,
      },
    ],
    ...(countries.length > 0 ? { countries } : {}),
    people: people.map((p) => ({
      id: personId(p),
      name: p.graphId ? [...p.spellings][0]! : p.name,
      ...(p.spellings.size > 1 ? { aliases: [...p.spellings].filter((s) => s !== (p.graphId ? [...p.spellings][0] : p.name)) } : {}),
      ...(p.country ? { country: p.country } : {}),
      evidence: [...p.paragraphs]
        .sort((a, b) => a - b)
        .map((n) => ev(n, p.title ? `Named with the title ${p.title}.` : 'Named in the report.')),
      draft: {
        confidence: p.linking.confidence,
        spans: p.spans,
        rule: `person/${p.linking.basis.toLowerCase()}`,
        linkedTo: p.graphId,
        reasons: p.linking.reasons,
      },
    })),
    ...(visitEntries.length > 0 ? { visits: visitEntries } : {}),
    meetings: meetings.map((m, i) => ({
      id: meetingIds[i],
      ...dateOf(m.date),
      ...(m.visit !== null && visitEntries[m.visit] ? { visit: visitEntries[m.visit]!.id } : {}),
      ...(m.place ? { place: m.place } : {}),
      format: m.format,
      topics: [...m.topics],
      summary: `${m.format === 'CALL' ? 'A call' : 'A meeting'} of ${[...m.participants.keys()].map((p) => people[p]!.name).join(', ')}.`,
      participants: [...m.participants].map(([p, role]) => {
        const post = postHeld[p];
        return { person: personId(people[p]!), role: roleOf(role, p, m, visits), ...(post ? { post } : {}) };
      }),
      evidence: [...m.paragraphs].sort((a, b) => a - b).map((n) => ev(n, `${m.rule.note.charAt(0).toUpperCase()}${m.rule.note.slice(1)}.`)),
      draft: {
        confidence: round(
          m.rule.prior * Math.min(...[...m.participants.keys()].map((p) => people[p]!.linking.confidence)) * (m.date?.factor ?? 1),
        ),
        rule: m.rule.id,
        sentence: m.sentence,
        cameo: m.rule.cameo,
        spans: m.spans,
        ...(m.date ? { dateBasis: m.date.basis, ...(m.date.notAfter ? { notAfter: m.date.notAfter } : {}) } : {}),
      },
    })),
    ...(statements.length > 0
      ? {
          statements: statements.map((s, i) => {
            const meeting = s.meeting !== null ? meetings[s.meeting]! : null;
            const other = meeting ? [...meeting.participants.keys()].find((p) => p !== s.speaker) : undefined;
            return {
              id: `statement-${slug(people[s.speaker]!.name.split(' ').at(-1)!)}-${s.kind.toLowerCase()}-${i + 1}`,
              kind: s.kind,
              speaker: personId(people[s.speaker]!),
              ...(meeting ? { meeting: meetingIds[s.meeting!] } : {}),
              ...(meeting?.date ? { date: meeting.date.value } : {}),
              ...(s.onBehalfOf !== null ? { onBehalfOf: personId(people[s.onBehalfOf]!) } : {}),
              ...(other !== undefined && ADDRESSED.has(s.kind) ? { addressedTo: personId(people[other]!) } : {}),
              summary: `${people[s.speaker]!.name}: ${s.note}.`,
              evidence: [ev(s.paragraph, `${s.note.charAt(0).toUpperCase()}${s.note.slice(1)}.`)],
              draft: { confidence: 0.8, rule: s.rule },
            };
          }),
        }
      : {}),
    draft: {
      tool: TOOL,
      published: published ? { value: published, from: options.published ? 'option' : 'dateline' } : null,
      paragraphs: paragraphs.map((p) => ({ index: p.index, words: p.text.split(/\s+/).filter(Boolean).length })),
      notProposed: input.notProposed,
      incompleteMeetings: input.incomplete,
      warnings: input.warnings,
    },
  };
}

const TITLE_NOISE = new Set(['of', 'the', 'and', 'for']);
const titleWords = (title: string) =>
  new Set(
    nameKey(title.replace(/defense/gi, 'defence'))
      .split(' ')
      .filter((w) => w.length > 1 && !TITLE_NOISE.has(w)),
  );

/** The graph's posts by country, each with the words of its title, worked out once per draft. */
type PostsByCountry = Map<string, { id: string; words: Set<string> }[]>;

function postsByCountry(gazetteer: Gazetteer): PostsByCountry {
  const byCountry: PostsByCountry = new Map();
  for (const post of gazetteer.posts) {
    if (!post.country) continue;
    byCountry.set(post.country, [...(byCountry.get(post.country) ?? []), { id: post.id, words: titleWords(post.title) }]);
  }
  return byCountry;
}

/** The graph's post a titled person held: same country, and every word of the title in the post's title. */
function postOf(person: ReportPerson, posts: PostsByCountry): string | undefined {
  if (!person.office || !person.country) return undefined;
  const words = titleWords(person.office);
  if (words.size === 0) return undefined;
  const held = (posts.get(person.country) ?? []).filter((post) => [...words].every((w) => post.words.has(w)));
  return held.length === 1 ? held[0]!.id : undefined;
}

function roleOf(role: string, person: number, meeting: DraftMeeting, visits: DraftVisit[]): string {
  if (meeting.visit !== null) return visits[meeting.visit]!.leader === person ? 'HEAD_OF_VISITING_DELEGATION' : 'HOST';
  return role === 'GUEST' ? 'ATTENDEE' : role;
}

function countryName(id: string, gazetteer: Gazetteer): string {
  return gazetteer.countries.find((c) => c.id === id)?.name ?? worldCountryName(id);
}

function firstParagraph(people: ReportPerson[], country: string, visits: DraftVisit[]): number {
  const person = people.find((p) => p.country === country);
  if (person) return Math.min(...person.paragraphs);
  return Math.min(...visits.filter((v) => v.hostCountry === country).flatMap((v) => [...v.paragraphs]), 1);
}

/** Kinds of statement made to the other side of the meeting; a congratulation is often to a people or country. */
const ADDRESSED = new Set(['GREETINGS', 'SUPPORT', 'POSITION']);

const round = (n: number) => Math.round(n * 100) / 100;
