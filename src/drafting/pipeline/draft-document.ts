import anyAscii from 'any-ascii';
import { nameKey } from '../../domain/names.js';
import { DOCUMENT_FORMAT } from '../../domain/registry/index.js';
import { type DraftDate, datesIn, reportingMonth } from './dates.js';
import { compilePattern, type EventRule, lexicon } from './lexicon.js';
import { type Gazetteer, MentionFinder, type ReportPerson } from './mentions.js';
import type { Steps } from './steps.js';
import { type Paragraph, splitParagraphs, splitSentences } from './text.js';

export interface DraftOptions {
  published: string | null;
  publisher: string;
  url?: string | null;
  /** Counts the passes' steps, for tests that hold them linear. */
  steps?: Steps;
}

interface DraftMeeting {
  participants: Map<number, string>;
  format: string;
  topics: Set<string>;
  date: DraftDate | null;
  paragraphs: Set<number>;
  rule: EventRule;
  sentence: [number, number];
  visit: number | null;
  place: string | null;
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

const ids = (match: RegExpExecArray, group: string) => {
  const value = match.groups?.[group];
  return value === undefined ? undefined : Number(/\d+/.exec(value)![0]);
};

const TOOL = { name: 'officials-graph draft', version: 1 };

/**
 * Proposes a source document from a report's text: paragraphs (0 for headline, byline and dateline), people linked
 * to the graph or new, meetings and calls with participants, roles, dates at the precision the text gives and
 * places only where stated, visits that group meetings, statements, topics. Every item has evidence (paragraph,
 * a note in the program's words) and a `draft` block: confidence and the rule that proposed it. Pure.
 */
export function draftDocument(text: string, options: DraftOptions, gazetteer: Gazetteer): Record<string, unknown> {
  const lex = lexicon();
  const paragraphs = splitParagraphs(text);
  const published = options.published ?? datelineDate(paragraphs[0]!);
  const finder = new MentionFinder(gazetteer, options.steps);
  const meetings: DraftMeeting[] = [];
  const visits: DraftVisit[] = [];
  const statements: DraftStatement[] = [];
  const notProposed: { paragraph: number; reason: string; rule: string }[] = [];
  const incomplete: { paragraph: number; rule: string; participants: string[] }[] = [];
  const warnings: string[] = [];
  let reporting: string | undefined;
  let current: number | null = null;
  let currentVisit: number | null = null;
  /** Each person's latest meeting, which a statement of theirs belongs to. */
  const lastMeeting = new Map<number, number>();

  const events = lex.events.map((rule) => ({ rule, regex: compilePattern(rule.pattern) }));
  const skip = lex.notProposed.map((rule) => ({ rule, regex: new RegExp(rule.pattern, 'iu') }));
  const context = lex.context.map((rule) => ({ rule, regex: compilePattern(rule.pattern) }));
  const formats = lex.formats.map((rule) => ({ rule, regex: new RegExp(rule.pattern, 'iu') }));
  const sayings = lex.statements.map((rule) => ({ rule, regex: compilePattern(rule.pattern) }));
  const topics = lex.topics.map((rule) => ({ rule, regex: new RegExp(rule.pattern, 'iu') }));

  for (const paragraph of paragraphs.slice(1)) {
    let paragraphDate: DraftDate | undefined;
    for (const sentence of splitSentences(paragraph, options.steps)) {
      const mentions = finder.find(sentence.text, paragraph.index);
      let masked = '';
      let at = 0;
      for (const m of mentions) {
        masked += `${sentence.text.slice(at, m.start)}@P${m.person}@`;
        at = m.end;
      }
      masked += sentence.text.slice(at);
      const dates = datesIn(sentence.text, published);
      if (dates.reporting) reporting ??= dates.reporting;
      if (dates.event) paragraphDate = dates.event;

      for (const { rule, regex } of context) {
        const match = regex.exec(masked);
        const leader = match && ids(match, 'A');
        const host = match?.groups?.country && countryIn(match.groups.country, finder);
        if (leader !== undefined && leader !== null && host) {
          visits.push({ leader, hostCountry: host, paragraphs: new Set([paragraph.index]), rule: rule.id });
          currentVisit = visits.length - 1;
        }
      }
      const refusal = skip.find(({ regex }) => regex.test(masked));
      if (refusal) {
        notProposed.push({ paragraph: paragraph.index, reason: refusal.rule.reason, rule: refusal.rule.id });
      } else {
        for (const { rule, regex } of events) {
          const match = regex.exec(masked);
          if (!match) continue;
          const participants = new Map<number, string>();
          if (rule.everyone) for (const m of mentions) participants.set(m.person, 'ATTENDEE');
          for (const side of ['A', 'B'] as const) {
            const person = ids(match, side);
            if (person !== undefined) participants.set(person, rule.roles[side] ?? 'ATTENDEE');
          }
          if (rule.withContext) {
            const other =
              currentVisit !== null
                ? visits[currentVisit]!.leader
                : current !== null
                  ? [...meetings[current]!.participants.keys()][0]
                  : undefined;
            if (other !== undefined && !participants.has(other)) participants.set(other, 'ATTENDEE');
          }
          if (participants.size < 2) {
            incomplete.push({
              paragraph: paragraph.index,
              rule: rule.id,
              participants: [...participants.keys()].map((p) => finder.people[p]!.name),
            });
            break;
          }
          const visit = currentVisit !== null && participants.has(visits[currentVisit]!.leader) ? currentVisit : null;
          const same = current !== null && sameSet(meetings[current]!.participants, participants) && !dates.event;
          if (same) {
            meetings[current!]!.paragraphs.add(paragraph.index);
          } else {
            meetings.push({
              participants,
              format: rule.format,
              topics: new Set(),
              date: dates.event ?? paragraphDate ?? null,
              paragraphs: new Set([paragraph.index]),
              rule,
              sentence: [paragraph.index, sentence.index],
              visit,
              place: visit !== null ? visits[visit]!.hostCountry : null,
            });
            current = meetings.length - 1;
            for (const person of participants.keys()) lastMeeting.set(person, current);
          }
          break;
        }
      }
      if (current !== null) {
        const meeting = meetings[current]!;
        const aboutIt = mentions.some((m) => meeting.participants.has(m.person)) || ABOUT_THE_MEETING.test(sentence.text);
        if (aboutIt) {
          meeting.paragraphs.add(paragraph.index);
          for (const { rule, regex } of formats)
            if (regex.test(sentence.text) && meeting.format === 'BILATERAL') meeting.format = rule.format;
          for (const { rule, regex } of topics) if (regex.test(sentence.text)) meeting.topics.add(rule.code);
        }
      }
      for (const { rule, regex } of sayings) {
        const match = regex.exec(masked);
        const speaker = match ? ids(match, 'A') : undefined;
        if (speaker === undefined) continue;
        statements.push({
          kind: rule.kind,
          speaker,
          onBehalfOf: ids(match!, 'X') ?? null,
          meeting: lastMeeting.get(speaker) ?? null,
          paragraph: paragraph.index,
          rule: rule.id,
          note: rule.note,
        });
      }
    }
  }
  if (!published) warnings.push('No publication date: weekdays and day-and-month dates are left undated.');
  for (const meeting of meetings) {
    if (!meeting.date && reporting) meeting.date = reportingMonth(reporting);
  }
  return assemble({
    options,
    published,
    paragraphs,
    people: finder.people,
    meetings,
    visits,
    statements,
    gazetteer,
    notProposed,
    incomplete,
    warnings,
  });
}

/** The country a captured phrase begins with: "Pakistan by the" is Pakistan, "Saudi Arabia" is one country. */
function countryIn(phrase: string, finder: MentionFinder): string | undefined {
  const words = phrase.split(/\s+/);
  for (let n = words.length; n > 0; n--) {
    const country = finder.countryOf(words.slice(0, n).join(' '));
    if (country) return country;
  }
  return undefined;
}

/** Whether a sentence goes on about the meeting under way: a participant named, the sides, the meeting itself. */
const ABOUT_THE_MEETING = new RegExp(
  [
    '\\b(?:the|both) (?:sides|parties|two sides|officials|ministers|delegations)\\b',
    '\\b(?:during|at|in the course of) the (?:meeting|talks|conversation|call)\\b',
    '^(?:the|their) (?:meeting|talks|conversation|call)\\b',
  ].join('|'),
  'i',
);

function sameSet(a: Map<number, string>, b: Map<number, string>): boolean {
  return a.size === b.size && [...a.keys()].every((k) => b.has(k));
}

function datelineDate(front: Paragraph): string | null {
  return /\b(\d{4}-\d{2}-\d{2})\b/.exec(front.text)?.[1] ?? null;
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
  notProposed: { paragraph: number; reason: string; rule: string }[];
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
  const countryIds = new Set<string>([...people.flatMap((p) => (p.country ? [p.country] : [])), ...visits.map((v) => v.hostCountry)]);
  const countries = [...countryIds]
    .filter((id) => !graphCountries.has(id))
    .map((id) => ({
      id,
      name: lexicon().countries.find((c) => c.id === id)?.name ?? id,
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
      evidence: [...m.paragraphs].sort((a, b) => a - b).map((n) => ev(n, m.rule.note.charAt(0).toUpperCase() + m.rule.note.slice(1))),
      draft: {
        confidence: round(
          m.rule.prior * Math.min(...[...m.participants.keys()].map((p) => people[p]!.linking.confidence)) * (m.date?.factor ?? 1),
        ),
        rule: m.rule.id,
        sentence: m.sentence,
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
  return gazetteer.countries.find((c) => c.id === id)?.name ?? lexicon().countries.find((c) => c.id === id)?.name ?? id;
}

function firstParagraph(people: ReportPerson[], country: string, visits: DraftVisit[]): number {
  const person = people.find((p) => p.country === country);
  if (person) return Math.min(...person.paragraphs);
  return Math.min(...visits.filter((v) => v.hostCountry === country).flatMap((v) => [...v.paragraphs]), 1);
}

/** Kinds of statement made to the other side of the meeting; a congratulation is often to a people or country. */
const ADDRESSED = new Set(['GREETINGS', 'SUPPORT', 'POSITION']);

const round = (n: number) => Math.round(n * 100) / 100;
