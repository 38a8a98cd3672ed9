import { Ajv2020 } from 'ajv/dist/2020.js';
import { parsePartialDate } from '../../domain/partial-date.js';
import type { Problem } from '../../domain/problem.js';

export const KEY_PERSON_ROLES = ['principal', 'attendee', 'welcomer', 'mentioned', 'author'] as const;
export const KEY_EVENT_KINDS = ['MEETING', 'CALL', 'VIDEO_CONFERENCE', 'MULTILATERAL', 'RECEPTION', 'WELCOME'] as const;
export const KEY_EVENT_STATUSES = ['HELD', 'FUTURE', 'INVITATION', 'CANCELLED', 'BACKGROUND'] as const;
export const KEY_DATE_BASES = ['stated', 'relative-to-publication', 'reporting-date-only', 'none'] as const;
export const KEY_PARTICIPANT_ROLES = ['HOST', 'GUEST', 'ATTENDEE', 'HEAD_OF_DELEGATION', 'WELCOMER'] as const;

export interface KeyPerson {
  /** The usual English spelling; pairs, participants and mentionedOnly name people by it. */
  name: string;
  /** The exact strings the text names the person by, titles and possessives included. */
  surfaceForms: string[];
  country: string | null;
  post: string | null;
  role: (typeof KEY_PERSON_ROLES)[number];
}

export interface KeyEvent {
  id: string;
  kind: (typeof KEY_EVENT_KINDS)[number];
  status: (typeof KEY_EVENT_STATUSES)[number];
  /** At the precision the text allows: YYYY, YYYY-MM or YYYY-MM-DD; null when it gives none. */
  date: string | null;
  dateBasis: (typeof KEY_DATE_BASES)[number];
  /** As the text states it; null when it states none. */
  place: string | null;
  participants: { name: string; role: (typeof KEY_PARTICIPANT_ROLES)[number] }[];
}

/**
 * The key of one published report, in our own words: who was there, what happened, which pairs met, and what a
 * naive reading gets wrong. The report's text is never kept; `query` fetches it again.
 */
export interface ReportKey {
  id: string;
  url: string;
  query: string;
  published: string | null;
  publisher: string;
  /** "complete", or where the stored text is cut: only what is visible is keyed. */
  coverage: string;
  people: KeyPerson[];
  events: KeyEvent[];
  corePairs: [string, string][];
  secondaryPairs: [string, string][];
  mentionedOnly: string[];
  traps: string[];
}

const text = { type: 'string', minLength: 1 } as const;
const textOrNull = { type: ['string', 'null'], minLength: 1 } as const;
const texts = { type: 'array', items: text } as const;
const pairs = { type: 'array', items: { type: 'array', prefixItems: [text, text], items: false, minItems: 2 } } as const;
const closed = (properties: Record<string, unknown>) => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

/** The JSON Schema of a key: its shape and vocabularies. {@link reportKeyProblems} adds what a schema cannot say. */
export const REPORT_KEY_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'The key of a published report',
  ...closed({
    id: { type: 'string', pattern: '^D\\d{2,}$' },
    url: { type: 'string', pattern: '^https?://\\S+$' },
    query: text,
    published: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    publisher: text,
    coverage: { type: 'string', pattern: '^(complete|cut)\\b' },
    people: {
      type: 'array',
      minItems: 1,
      items: closed({
        name: text,
        surfaceForms: { ...texts, minItems: 1 },
        country: { type: ['string', 'null'], pattern: '^[A-Z]{2}$' },
        post: textOrNull,
        role: { enum: KEY_PERSON_ROLES },
      }),
    },
    events: {
      type: 'array',
      items: closed({
        id: text,
        kind: { enum: KEY_EVENT_KINDS },
        status: { enum: KEY_EVENT_STATUSES },
        date: { type: ['string', 'null'], pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' },
        dateBasis: { enum: KEY_DATE_BASES },
        place: textOrNull,
        participants: { type: 'array', items: closed({ name: text, role: { enum: KEY_PARTICIPANT_ROLES } }) },
      }),
    },
    corePairs: pairs,
    secondaryPairs: pairs,
    mentionedOnly: texts,
    traps: texts,
  }),
} as const;

const validateShape = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile<ReportKey>(REPORT_KEY_SCHEMA);

/** Every name a key uses that its people[] lacks, every pair of one person, every date the calendar lacks. */
function referenceProblems(key: ReportKey, file: string): Problem[] {
  const problems: Problem[] = [];
  const problem = (path: string, message: string, expected?: string) =>
    problems.push({ file, path, message, ...(expected ? { expected } : {}) });
  const names = new Set(key.people.map((p) => p.name));
  const known = (name: string, path: string) => {
    if (!names.has(name)) problem(path, `names "${name}", who is not among the key's people`, 'a name of people[]');
  };
  key.people.forEach((p, i) => {
    if (key.people.findIndex((q) => q.name === p.name) < i) problem(`/people/${i}/name`, `repeats "${p.name}"`, 'one entry per person');
  });
  if (key.published !== null && !parsePartialDate(key.published)) problem('/published', 'is not a day of the calendar');
  // Which pairs met at a held event: a core pair must be one of them.
  const heldPairs = new Set<string>();
  key.events.forEach((e, i) => {
    if (key.events.findIndex((f) => f.id === e.id) < i) problem(`/events/${i}/id`, `repeats "${e.id}"`, 'one id per event');
    if (e.date !== null && !parsePartialDate(e.date)) problem(`/events/${i}/date`, 'is not a date of the calendar');
    const people = e.participants.map((p) => p.name);
    people.forEach((name, j) => {
      known(name, `/events/${i}/participants/${j}/name`);
      if (people.indexOf(name) < j) problem(`/events/${i}/participants/${j}/name`, `repeats "${name}"`, 'each participant once');
    });
    if (e.status === 'HELD') for (const a of people) for (const b of people) if (a !== b) heldPairs.add(pairKey(a, b));
  });
  for (const field of ['corePairs', 'secondaryPairs'] as const) {
    key[field].forEach(([a, b], i) => {
      known(a, `/${field}/${i}/0`);
      known(b, `/${field}/${i}/1`);
      if (a === b) problem(`/${field}/${i}`, `pairs "${a}" with themselves`, 'two different people');
      const at = key[field].findIndex(([c, d]) => pairKey(a, b) === pairKey(c, d));
      if (at < i) problem(`/${field}/${i}`, `repeats the pair at /${field}/${at}`);
    });
  }
  key.corePairs.forEach(([a, b], i) => {
    if (a !== b && names.has(a) && names.has(b) && !heldPairs.has(pairKey(a, b))) {
      problem(`/corePairs/${i}`, `pairs "${a}" and "${b}", who take part in no held event together`, 'two participants of one HELD event');
    }
    if (key.secondaryPairs.some(([c, d]) => pairKey(a, b) === pairKey(c, d))) problem(`/corePairs/${i}`, 'is also a secondary pair');
  });
  const heldParticipants = new Set(key.events.filter((e) => e.status === 'HELD').flatMap((e) => e.participants.map((p) => p.name)));
  key.mentionedOnly.forEach((name, i) => {
    known(name, `/mentionedOnly/${i}`);
    if (heldParticipants.has(name)) problem(`/mentionedOnly/${i}`, `names "${name}", a participant of a held event`);
  });
  return problems;
}

/** One text for an unordered pair, for sets and comparisons. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Every problem of a key, with its path: its shape by {@link REPORT_KEY_SCHEMA}, then names used but not among its
 * people, pairs of one person or repeated, core pairs that met at no held event, mentioned-only people who took part
 * in one, dates and publication days the calendar lacks. None: the key can be scored.
 */
export function reportKeyProblems(value: unknown, file: string): Problem[] {
  if (!validateShape(value)) {
    return (validateShape.errors ?? []).map((e) => ({
      file,
      path: e.instancePath || '/',
      message: e.message ?? 'is not as a key has it',
      ...(e.keyword === 'enum' ? { expected: `one of ${(e.params as { allowedValues: string[] }).allowedValues.join(', ')}` } : {}),
    }));
  }
  return referenceProblems(value, file);
}
