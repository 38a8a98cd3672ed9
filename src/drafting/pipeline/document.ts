import anyAscii from 'any-ascii';
import { nameKey } from '../../domain/names.js';
import { DOCUMENT_FORMAT } from '../../domain/registry/index.js';
import { countryName as worldCountryName } from './countries.js';
import type { DraftDate } from './dates.js';
import type { DraftMeeting, DraftVisit, EventsOfReport } from './events.js';
import type { Gazetteer, ReportPerson } from './people.js';
import type { Paragraph } from './reading.js';

/** How a report was published, as the draft is told. */
export interface DraftOptions {
  published: string | null;
  publisher: string;
  url?: string | null;
}

const slug = (text: string) =>
  anyAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

const TOOL = { name: 'officials-graph draft', version: 2 };

export interface AssembleInput extends EventsOfReport {
  options: DraftOptions;
  published: string | null;
  paragraphs: Paragraph[];
  people: ReportPerson[];
  gazetteer: Gazetteer;
  warnings: string[];
}

const ev = (paragraph: number, note: string) => ({ paragraph, note });
const personId = (p: ReportPerson) => p.graphId ?? `person-${slug(p.name)}`;
const capitalised = (note: string) => `${note.charAt(0).toUpperCase()}${note.slice(1)}.`;

function sourceEntry({ options, published, paragraphs }: AssembleInput) {
  const headline = slug(paragraphs[0]!.text || paragraphs[1]?.text || 'report').slice(0, 40);
  return {
    id: `${slug(options.publisher)}-${published ?? 'undated'}-${headline}`,
    kind: 'NEWS_REPORT',
    publisher: options.publisher,
    title: (paragraphs[0]!.text || paragraphs[1]?.text || 'Untitled report').slice(0, 200),
    ...(published ? { published } : { published: new Date().toISOString().slice(0, 4) }),
    language: 'en',
    ...(options.url ? { url: options.url } : {}),
    paragraphs: paragraphs.length - 1,
  };
}

/** The countries the draft names that the graph does not hold yet. */
function countryEntries({ people, visits, meetings, gazetteer }: AssembleInput) {
  const graphCountries = new Set(gazetteer.countries.map((c) => c.id));
  const countryIds = new Set<string>([
    ...people.flatMap((p) => (p.country ? [p.country] : [])),
    ...visits.map((v) => v.hostCountry),
    ...meetings.flatMap((m) => (m.place ? [m.place] : [])),
  ]);
  return [...countryIds]
    .filter((id) => !graphCountries.has(id))
    .map((id) => ({ id, name: worldCountryName(id), evidence: [ev(firstParagraph(people, id, visits), 'A country the report names.')] }));
}

function personEntry(p: ReportPerson) {
  const name = p.graphId ? [...p.spellings][0]! : p.name;
  return {
    id: personId(p),
    name,
    ...(p.spellings.size > 1 ? { aliases: [...p.spellings].filter((s) => s !== name) } : {}),
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
  };
}

function visitEntries({ visits, people, published, gazetteer }: AssembleInput) {
  return visits
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
}

function meetingEntry(
  m: DraftMeeting,
  id: string,
  input: AssembleInput,
  visitIds: (string | undefined)[],
  postHeld: (string | undefined)[],
) {
  const { people, visits } = input;
  const dated = (d: DraftDate | null) => (d ? { date: d.value } : {});
  return {
    id,
    ...dated(m.date),
    ...(m.visit !== null && visitIds[m.visit] ? { visit: visitIds[m.visit] } : {}),
    ...(m.place ? { place: m.place } : {}),
    format: m.format,
    topics: [...m.topics],
    summary: `${m.format === 'CALL' ? 'A call' : 'A meeting'} of ${[...m.participants.keys()].map((p) => people[p]!.name).join(', ')}.`,
    participants: [...m.participants].map(([p, role]) => {
      const post = postHeld[p];
      return { person: personId(people[p]!), role: roleOf(role, p, m, visits), ...(post ? { post } : {}) };
    }),
    evidence: [...m.paragraphs].sort((a, b) => a - b).map((n) => ev(n, capitalised(m.rule.note))),
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
  };
}

function statementEntries({ statements, meetings, people }: AssembleInput, meetingIds: string[]) {
  return statements.map((s, i) => {
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
      evidence: [ev(s.paragraph, capitalised(s.note))],
      draft: { confidence: 0.8, rule: s.rule },
    };
  });
}

/**
 * The source document a draft proposes: source, countries, people, visits, meetings and statements, each with its
 * evidence (paragraph, a note in the program's words) and a `draft` block (confidence, rule, spans), and the header's
 * `draft` block (paragraphs, what was not proposed, incomplete meetings, warnings).
 */
export function assembleDocument(input: AssembleInput): Record<string, unknown> {
  const { options, published, paragraphs, people, meetings, gazetteer } = input;
  const posts = postsByCountry(gazetteer);
  const postHeld = people.map((p) => postOf(p, posts));
  const countries = countryEntries(input);
  const visits = visitEntries(input);
  const meetingIds = meetings.map(
    (m) =>
      `meeting-${m.date?.value ?? 'undated'}-${[...m.participants.keys()].map((p) => slug(people[p]!.name.split(' ').at(-1)!)).join('-')}`,
  );
  const statements = statementEntries(input, meetingIds);
  return {
    format: DOCUMENT_FORMAT,
    sources: [sourceEntry(input)],
    ...(countries.length > 0 ? { countries } : {}),
    people: people.map(personEntry),
    ...(visits.length > 0 ? { visits } : {}),
    meetings: meetings.map((m, i) =>
      meetingEntry(
        m,
        meetingIds[i]!,
        input,
        visits.map((v) => v.id),
        postHeld,
      ),
    ),
    ...(statements.length > 0 ? { statements } : {}),
    draft: {
      tool: TOOL,
      published: published ? { value: published, from: options.published ? 'option' : 'dateline' } : null,
      paragraphs: paragraphs.map((p) => ({ index: p.index, words: p.text.split(/\s+/).filter(Boolean).length })),
      notProposed: input.notProposed,
      incompleteMeetings: input.incompleteMeetings,
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
