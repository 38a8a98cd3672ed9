import type { Db } from '../db/run-query.js';
import { type BoundedField, PLACE_CHAIN } from '../list-bounds.js';
import type {
  AttendanceModel,
  AttestationModel,
  CountryModel,
  CountryRelationModel,
  EvidenceModel,
  OrganizationModel,
  ParticipantModel,
  PersonModel,
  PlaceModel,
  PostModel,
  StatementModel,
  StatementPartModel,
  TenureModel,
  TradeFigureModel,
  VisitModel,
} from './models.js';
import { periodCondition } from './period.js';
import {
  asks,
  attendedPost,
  itemsOf,
  nodeEvidence,
  partialDate,
  project,
  projectAny,
  relationshipEvidence,
  type Selection,
  selectionKey,
} from './projections.js';

type Party = PersonModel | CountryModel | OrganizationModel;

/** What each details field holds, per entity type: the field resolvers are typed by these. */
export interface DetailsModels {
  Person: {
    country: CountryModel | null;
    tenures: TenureModel[];
    meetings: AttendanceModel[];
    statements: StatementPartModel[];
    evidence: EvidenceModel[];
  };
  Country: {
    relations: CountryRelationModel[];
    tradeFigures: TradeFigureModel[];
    organizations: OrganizationModel[];
    evidence: EvidenceModel[];
  };
  CountryRelation: { holder: CountryModel; towards: CountryModel; evidence: EvidenceModel[] };
  TradeFigure: { reporter: CountryModel; partner: CountryModel; evidence: EvidenceModel[] };
  Place: { country: CountryModel; parent: PlaceModel | null; within: PlaceModel[]; evidence: EvidenceModel[] };
  Organization: { country: CountryModel | null; parent: OrganizationModel | null; posts: PostModel[]; evidence: EvidenceModel[] };
  Post: { organization: OrganizationModel; evidence: EvidenceModel[] };
  Tenure: { person: PersonModel; post: PostModel; attestations: AttestationModel[]; evidence: EvidenceModel[] };
  Visit: { leader: PersonModel; delegationOf: CountryModel; hostCountry: CountryModel; evidence: EvidenceModel[] };
  Meeting: {
    place: PlaceModel | CountryModel | null;
    visit: VisitModel | null;
    participants: ParticipantModel[];
    statements: StatementModel[];
    evidence: EvidenceModel[];
  };
  Statement: { speaker: PersonModel; onBehalfOf: PersonModel | null; addressedTo: Party | null; about: Party[]; evidence: EvidenceModel[] };
}

/**
 * A details field's expression: fixed; a list read up to its `first` (its items the same whatever is asked of them),
 * kept by the field's arguments when it takes some (a country's relations by kind), each named by `argument` as a
 * parameter; or compiled from what the request asks of the field's value (a participant's person by id and name
 * need not carry evidence and its sources), its lists up to their `first`.
 */
type FieldExpression =
  | string
  | { readonly upTo: (items: number, argument: (name: string) => string) => string; readonly arguments?: readonly string[] }
  | ((selection?: Selection) => string);

type DetailsQueries = { [L in keyof DetailsModels]: { variable: string; fields: Record<keyof DetailsModels[L], FieldExpression> } };

/** Evidence of the node bound to `v`, read up to its `first`. */
const evidenceOf = (v: string): FieldExpression => ({ upTo: (items) => nodeEvidence(v, items) });

/**
 * Per entity type, what its GraphQL fields need from one hop away, one expression per field. A request's loads of
 * one type at one level go out as one query for many ids, holding only the fields asked for: a person's country
 * must not cost the thousands of meetings a minister attended, and the meetings come no more than `first` at a
 * time. Labels and field names come from this constant.
 */
export const DETAILS = {
  Person: {
    variable: 'p',
    fields: {
      country: (sel) => `head(COLLECT { MATCH (p)-[:CITIZEN_OF]->(c:Country) RETURN ${project('Country', 'c', sel)} })`,
      tenures: (sel) => `COLLECT {
        MATCH (p)-[:HELD]->(t:Tenure)
        RETURN ${project('Tenure', 't', sel)} AS t ORDER BY coalesce(t.startFrom, t.attestedFrom, t.endFrom), t.id
        LIMIT ${itemsOf('Person.tenures', sel)} }`,
      meetings: (sel) => `COLLECT {
        MATCH (p)-[a:ATTENDED]->(m:Meeting)
        RETURN {meeting: ${project('Meeting', 'm', sel?.meeting)}, role: a.role,
                post: ${asks(sel, 'post') ? attendedPost('a', 'x', sel?.post) : 'null'},
                evidence: ${asks(sel, 'evidence') ? relationshipEvidence('a', 'Attendance.evidence', sel?.evidence) : '[]'}} AS attendance
        ORDER BY m.dateFrom, m.id
        LIMIT ${itemsOf('Person.meetings', sel)} }`,
      statements: {
        upTo: (items) => `COLLECT {
        MATCH (p)-[r:MADE|ON_BEHALF_OF|ADDRESSED_TO|ABOUT]-(s:Statement)
        OPTIONAL MATCH (s)-[:MADE_AT]->(m:Meeting)
        RETURN {statement: ${project('Statement', 's')},
                role: CASE type(r) WHEN 'MADE' THEN 'SPEAKER' WHEN 'ON_BEHALF_OF' THEN 'ON_WHOSE_BEHALF'
                                   WHEN 'ADDRESSED_TO' THEN 'ADDRESSEE' ELSE 'SUBJECT' END} AS part
        ORDER BY coalesce(s.dateFrom, m.dateFrom), s.id, part.role
        LIMIT ${items} }`,
      },
      evidence: evidenceOf('p'),
    },
  },
  Country: {
    variable: 'c',
    fields: {
      relations: {
        arguments: ['kind', 'towards'],
        upTo: (items, argument) => `COLLECT {
        MATCH (c)-[:HOLDS]->(r:CountryRelation)-[:TOWARDS]->(o:Country)
        WHERE (${argument('kind')} IS NULL OR r.kind = ${argument('kind')})
          AND (${argument('towards')} IS NULL OR o.id = ${argument('towards')})
        RETURN ${project('CountryRelation', 'r')} AS relation ORDER BY r.dateFrom, r.kind, o.id
        LIMIT ${items} }`,
      },
      tradeFigures: {
        arguments: ['partner', 'from', 'to', 'within'],
        upTo: (items, argument) => `COLLECT {
        MATCH (f:TradeFigure)-[:REPORTED_BY]->(c)
        MATCH (f)-[:WITH_PARTNER]->(o:Country)
        WHERE (${argument('partner')} IS NULL OR o.id = ${argument('partner')})
          AND CASE WHEN ${argument('within')}
                   THEN ${periodCondition('f.periodFrom', 'f.periodTo', { within: true }, argument('from'), argument('to'))}
                   ELSE ${periodCondition('f.periodFrom', 'f.periodTo', { within: false }, argument('from'), argument('to'))} END
        RETURN ${project('TradeFigure', 'f')} AS figure ORDER BY f.periodFrom, f.periodTo, o.id, f.flow
        LIMIT ${items} }`,
      },
      organizations: {
        upTo: (items) => `COLLECT {
        MATCH (o:Organization)-[:IN_COUNTRY]->(c) RETURN ${project('Organization', 'o')} AS o ORDER BY o.name, o.id LIMIT ${items} }`,
      },
      evidence: evidenceOf('c'),
    },
  },
  CountryRelation: {
    variable: 'r',
    fields: {
      holder: `head(COLLECT { MATCH (x:Country)-[:HOLDS]->(r) RETURN ${project('Country', 'x')} })`,
      towards: `head(COLLECT { MATCH (r)-[:TOWARDS]->(x:Country) RETURN ${project('Country', 'x')} })`,
      evidence: evidenceOf('r'),
    },
  },
  TradeFigure: {
    variable: 'f',
    fields: {
      reporter: `head(COLLECT { MATCH (f)-[:REPORTED_BY]->(x:Country) RETURN ${project('Country', 'x')} })`,
      partner: `head(COLLECT { MATCH (f)-[:WITH_PARTNER]->(x:Country) RETURN ${project('Country', 'x')} })`,
      evidence: evidenceOf('f'),
    },
  },
  Place: {
    variable: 'pl',
    fields: {
      country: `head(COLLECT { MATCH (pl)-[:IN_COUNTRY]->(c:Country) RETURN ${project('Country', 'c')} })`,
      parent: `head(COLLECT { MATCH (pl)-[:PART_OF]->(x:Place) RETURN ${project('Place', 'x')} })`,
      within: `COLLECT {
        MATCH chain = (pl)-[:PART_OF${PLACE_CHAIN}]->(x:Place) RETURN ${project('Place', 'x')} AS x ORDER BY length(chain) }`,
      evidence: evidenceOf('pl'),
    },
  },
  Organization: {
    variable: 'o',
    fields: {
      country: `head(COLLECT { MATCH (o)-[:IN_COUNTRY]->(c:Country) RETURN ${project('Country', 'c')} })`,
      parent: `head(COLLECT { MATCH (o)-[:PART_OF]->(x:Organization) RETURN ${project('Organization', 'x')} })`,
      posts: {
        upTo: (items) =>
          `COLLECT { MATCH (x:Post)-[:IN_ORGANIZATION]->(o) RETURN ${project('Post', 'x')} AS post ORDER BY x.title LIMIT ${items} }`,
      },
      evidence: evidenceOf('o'),
    },
  },
  Post: {
    variable: 'po',
    fields: {
      organization: (sel) =>
        `head(COLLECT { MATCH (po)-[:IN_ORGANIZATION]->(o:Organization) RETURN ${project('Organization', 'o', sel)} })`,
      evidence: evidenceOf('po'),
    },
  },
  Tenure: {
    variable: 't',
    fields: {
      person: (sel) => `head(COLLECT { MATCH (x:Person)-[:HELD]->(t) RETURN ${project('Person', 'x', sel)} })`,
      post: (sel) => `head(COLLECT { MATCH (t)-[:OF_POST]->(x:Post) RETURN ${project('Post', 'x', sel)} })`,
      attestations: {
        upTo: (items) => `COLLECT {
        MATCH (t)-[e:SUPPORTED_BY]->(s:Source) WHERE e.attested IS NOT NULL
        RETURN {date: ${partialDate('e', 'attested')},
                evidence: {source: ${project('Source', 's')}, paragraph: e.paragraph, note: e.note}} AS a
        ORDER BY e.attestedFrom, s.id, e.paragraph
        LIMIT ${items} }`,
      },
      evidence: evidenceOf('t'),
    },
  },
  Visit: {
    variable: 'v',
    fields: {
      leader: `head(COLLECT { MATCH (x:Person)-[:LED]->(v) RETURN ${project('Person', 'x')} })`,
      delegationOf: `head(COLLECT { MATCH (v)-[:DELEGATION_OF]->(x:Country) RETURN ${project('Country', 'x')} })`,
      hostCountry: `head(COLLECT { MATCH (v)-[:HOSTED_BY]->(x:Country) RETURN ${project('Country', 'x')} })`,
      evidence: evidenceOf('v'),
    },
  },
  Meeting: {
    variable: 'm',
    fields: {
      place: `head(COLLECT { MATCH (m)-[:HELD_IN]->(x) RETURN ${projectAny(['Place', 'Country'], 'x')} })`,
      visit: `head(COLLECT { MATCH (m)-[:PART_OF]->(x:Visit) RETURN ${project('Visit', 'x')} })`,
      participants: (sel) => `COLLECT {
        MATCH (x:Person)-[a:ATTENDED]->(m)
        RETURN {person: ${project('Person', 'x', sel?.person)}, role: a.role,
                post: ${asks(sel, 'post') ? attendedPost('a', 'y', sel?.post) : 'null'},
                evidence: ${asks(sel, 'evidence') ? relationshipEvidence('a', 'Participant.evidence', sel?.evidence) : '[]'}} AS participant
        ORDER BY a.role DESC, x.name
        LIMIT ${itemsOf('Meeting.participants', sel)} }`,
      statements: {
        upTo: (items) =>
          `COLLECT { MATCH (s:Statement)-[:MADE_AT]->(m) RETURN ${project('Statement', 's')} AS s ORDER BY s.id LIMIT ${items} }`,
      },
      evidence: evidenceOf('m'),
    },
  },
  Statement: {
    variable: 'st',
    fields: {
      speaker: `head(COLLECT { MATCH (x:Person)-[:MADE]->(st) RETURN ${project('Person', 'x')} })`,
      onBehalfOf: `head(COLLECT { MATCH (st)-[:ON_BEHALF_OF]->(x:Person) RETURN ${project('Person', 'x')} })`,
      addressedTo: `head(COLLECT { MATCH (st)-[:ADDRESSED_TO]->(x) RETURN ${projectAny(['Person', 'Country', 'Organization'], 'x')} })`,
      about: {
        upTo: (items) =>
          `COLLECT { MATCH (st)-[:ABOUT]->(x)
            RETURN ${projectAny(['Person', 'Country', 'Organization'], 'x')} AS x ORDER BY x.id LIMIT ${items} }`,
      },
      evidence: evidenceOf('st'),
    },
  },
} as const satisfies DetailsQueries;

export type DetailedLabel = keyof DetailsModels;

/** The values of a details field's arguments (a country's relations of one kind), sent as parameters. */
export type DetailArguments = Readonly<Record<string, string | boolean | null>>;

/** One details field asked for, with what the request asks of its value and its arguments; `as` names it in the answer. */
export interface DetailRequest {
  field: string;
  selection?: Selection;
  arguments?: DetailArguments;
  as: string;
}

function fieldExpression(label: DetailedLabel, field: string): FieldExpression {
  const expression = (DETAILS[label].fields as Record<string, FieldExpression>)[field];
  if (expression === undefined) throw new Error(`no details field ${field} for ${label}`);
  return expression;
}

/** The parameter that carries an argument of one request in a details statement. */
const argumentParameter = (request: DetailRequest, name: string) => `${request.as}_${name}`;

function expressionOf(label: DetailedLabel, request: DetailRequest): string {
  const expression = fieldExpression(label, request.field);
  if (typeof expression === 'string') return expression;
  if (typeof expression === 'function') return expression(request.selection);
  const items = itemsOf(`${label}.${request.field}` as BoundedField, request.selection);
  const missing = (expression.arguments ?? []).filter((name) => !(name in (request.arguments ?? {})));
  if (missing.length > 0) throw new Error(`${label}.${request.field} needs its arguments ${missing.join(', ')}`);
  return expression.upTo(items, (name) => `$${argumentParameter(request, name)}`);
}

/** The parameters a details statement's requests carry: each argument of each request, under its own name. */
function argumentParameters(requests: readonly DetailRequest[]): Record<string, unknown> {
  return Object.fromEntries(
    requests.flatMap((request) =>
      Object.entries(request.arguments ?? {}).map(([name, value]) => [argumentParameter(request, name), value]),
    ),
  );
}

/**
 * What a load of a field asks, as a key: loads with one key share one answer. A fixed field is one answer whatever
 * is asked of it, a list read up to its `first` one per `first` and set of arguments, a compiled field one per
 * selection.
 */
export function askedOf(label: DetailedLabel, field: string, selection: Selection | undefined, args?: DetailArguments): string {
  const expression = fieldExpression(label, field);
  if (typeof expression === 'string') return `${field}\u0000*`;
  if (typeof expression === 'function') return `${field}\u0000${selectionKey(selection)}`;
  return `${field}\u0000${itemsOf(`${label}.${field}` as BoundedField, selection)}\u0000${JSON.stringify(args ?? {})}`;
}

/**
 * The details fields a selection of a `label` names, each with its own selection: what a question folds in. A field
 * kept by its arguments is left to its resolver, which knows them.
 */
export function detailsAsked(label: DetailedLabel, selection: Selection): DetailRequest[] {
  return Object.keys(selection)
    .filter((field) => {
      const expression = (DETAILS[label].fields as Record<string, FieldExpression>)[field];
      return expression !== undefined && !(typeof expression === 'object' && expression.arguments);
    })
    .map((field) => ({ field, selection: selection[field], as: field }));
}

/** The variable a label's details expressions are written against: a statement folding them in binds it. */
export function detailsVariable(label: DetailedLabel): string {
  return DETAILS[label].variable;
}

/**
 * The asked details of the `label` node bound to its details variable, as one map expression: in a question's own
 * statement, its first level of details then needs no second statement.
 */
export function detailsMap(label: DetailedLabel, requests: readonly DetailRequest[]): string {
  return `{${requests.map((r) => `${r.as}: ${expressionOf(label, r)}`).join(',\n  ')}}`;
}

/** A question's answers, with the first level of details its own statement computed for each, by id. */
export interface Folded<T> {
  answers: T[];
  label: DetailedLabel;
  requests: DetailRequest[];
  details: Map<string, Record<string, unknown>>;
  /** What the question's id arguments name, when its statement also asked (an empty answer needs it). */
  kinds?: Map<string, string>;
}

/**
 * The details a selection of a `label` asks for, and the map expression (against the label's details variable)
 * that computes them in a question's own statement; null when it asks for none.
 */
export function foldDetails(label: DetailedLabel, selection: Selection | undefined): { requests: DetailRequest[]; map: string | null } {
  const requests = selection ? detailsAsked(label, selection) : [];
  return { requests, map: requests.length ? detailsMap(label, requests) : null };
}

/** Rows of a folding statement as answers and their details. */
export function folded<T extends { id: string }>(
  label: DetailedLabel,
  requests: DetailRequest[],
  rows: { answer: T; details?: unknown }[],
): Folded<T> {
  return {
    answers: rows.map((row) => row.answer),
    label,
    requests,
    details: new Map(rows.map((row) => [row.answer.id, (row.details ?? {}) as Record<string, unknown>])),
  };
}

/** The query for some details of many entities of one type; a field this module does not know is a programming error. */
export function detailsCypher(label: DetailedLabel, requests: readonly DetailRequest[]): string {
  return `
UNWIND $ids AS id
MATCH (${DETAILS[label].variable}:${label} {id: id})
RETURN id, ${detailsMap(label, requests)} AS details`;
}

/** The asked-for details of many entities of one type in one query, by id and `as`; ids not in the graph are absent. */
export async function loadDetails(
  db: Db,
  label: DetailedLabel,
  ids: readonly string[],
  requests: readonly DetailRequest[],
): Promise<Map<string, Record<string, unknown>>> {
  const rows = await db.read(detailsCypher(label, requests), { ids: [...ids], ...argumentParameters(requests) });
  return new Map(rows.map((row) => [row.id as string, row.details as Record<string, unknown>]));
}
