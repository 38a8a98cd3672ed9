import type { Db } from '../db/run-query.js';
import { ENTITY_LABELS, type EntityLabel, REFERENCE_FIELDS, type ReferenceField } from '../domain/registry/index.js';
import { type BoundedField, MAX_FIRST, PLACE_CHAIN } from '../list-bounds.js';
import type {
  AttendanceModel,
  AttestationModel,
  CountryRelationModel,
  EvidenceModel,
  LabelSpecOf,
  ModelOf,
  OrganizationModel,
  ParticipantModel,
  PlaceModel,
  PostModel,
  StatementModel,
  StatementPartModel,
  TenureModel,
  TradeFigureModel,
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

/** The model one reference field holds: its target's own fields, a list of them, or null when it may be absent. */
type ReferenceModel<F> = F extends { kind: 'ref'; targets: readonly (infer T extends EntityLabel)[] }
  ? F extends { many: true }
    ? ModelOf<T>[]
    : F extends { required: true }
      ? ModelOf<T>
      : ModelOf<T> | null
  : never;

type FieldsOf<L extends EntityLabel> = LabelSpecOf<L>['fields'];

/** The API name of a reference field: its own, or the one the registry gives it. */
type ApiNameOf<K, F> = F extends { apiName: infer A extends string } ? A : K;

/** The details every reference field of a label answers, under its API name: the part compiled from the registry. */
type ReferenceModels<L extends EntityLabel> = {
  -readonly [K in keyof FieldsOf<L> as FieldsOf<L>[K] extends { kind: 'ref' } ? ApiNameOf<K, FieldsOf<L>[K]> : never]: ReferenceModel<
    FieldsOf<L>[K]
  >;
};

/** What the hand-written details fields hold (see HAND_WRITTEN). */
interface HandWrittenModels {
  Person: { tenures: TenureModel[]; meetings: AttendanceModel[]; statements: StatementPartModel[] };
  Country: { relations: CountryRelationModel[]; tradeFigures: TradeFigureModel[]; organizations: OrganizationModel[] };
  Place: { within: PlaceModel[] };
  Organization: { posts: PostModel[] };
  Tenure: { attestations: AttestationModel[] };
  Meeting: { participants: ParticipantModel[]; statements: StatementModel[] };
}

type Flat<T> = { [K in keyof T]: T[K] };

/** What each details field holds, per entity type: the field resolvers are typed by these. */
export type DetailsModels = {
  [L in EntityLabel]: Flat<
    ReferenceModels<L> & { evidence: EvidenceModel[] } & (L extends keyof HandWrittenModels ? HandWrittenModels[L] : unknown)
  >;
};

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

interface LabelDetails {
  /** The variable the expressions are written against. */
  readonly variable: string;
  readonly fields: Readonly<Record<string, FieldExpression>>;
}

/**
 * The details fields written by hand, per entity type: each sorts, filters or computes, which the registry does
 * not say. Every other details field (a reference, the evidence) is compiled from the registry below.
 */
const HAND_WRITTEN = {
  Person: {
    variable: 'p',
    fields: {
      // The inverse of a tenure's person, sorted by when the tenure began (or was attested, or ended).
      tenures: (sel) => `COLLECT {
        MATCH (p)-[:HELD]->(t:Tenure)
        RETURN ${project('Tenure', 't', sel)} AS t ORDER BY coalesce(t.startFrom, t.attestedFrom, t.endFrom), t.id
        LIMIT ${itemsOf('Person.tenures', sel)} }`,
      // The inverse of a meeting's participants, with the properties of each link, sorted by date.
      meetings: (sel) => `COLLECT {
        MATCH (p)-[a:ATTENDED]->(m:Meeting)
        RETURN {meeting: ${project('Meeting', 'm', sel?.meeting)}, role: a.role,
                post: ${asks(sel, 'post') ? attendedPost('a', 'x', sel?.post) : 'null'},
                evidence: ${asks(sel, 'evidence') ? relationshipEvidence('a', 'Attendance.evidence', sel?.evidence) : '[]'}} AS attendance
        ORDER BY m.dateFrom, m.id
        LIMIT ${itemsOf('Person.meetings', sel)} }`,
      // Four relationship types in one list, each computed into the person's role; dated by the statement or its meeting.
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
    },
  },
  Country: {
    variable: 'c',
    fields: {
      // Two hops, kept by kind and by the other country.
      relations: {
        arguments: ['kind', 'towards'],
        upTo: (items, argument) => `COLLECT {
        MATCH (c)-[:HOLDS]->(r:CountryRelation)-[:TOWARDS]->(o:Country)
        WHERE (${argument('kind')} IS NULL OR r.kind = ${argument('kind')})
          AND (${argument('towards')} IS NULL OR o.id = ${argument('towards')})
        RETURN ${project('CountryRelation', 'r')} AS relation ORDER BY r.dateFrom, r.kind, o.id
        LIMIT ${items} }`,
      },
      // Kept by partner and period.
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
      // The inverse of an organization's country, sorted by name.
      organizations: {
        upTo: (items) => `COLLECT {
        MATCH (o:Organization)-[:IN_COUNTRY]->(c) RETURN ${project('Organization', 'o')} AS o ORDER BY o.name, o.id LIMIT ${items} }`,
      },
    },
  },
  Place: {
    variable: 'pl',
    fields: {
      // A walk up the chain of parents, nearest first.
      within: `COLLECT {
        MATCH chain = (pl)-[:PART_OF${PLACE_CHAIN}]->(x:Place) RETURN ${project('Place', 'x')} AS x ORDER BY length(chain) }`,
    },
  },
  Organization: {
    variable: 'o',
    fields: {
      // The inverse of a post's organization, sorted by title.
      posts: {
        upTo: (items) =>
          `COLLECT { MATCH (x:Post)-[:IN_ORGANIZATION]->(o) RETURN ${project('Post', 'x')} AS post ORDER BY x.title LIMIT ${items} }`,
      },
    },
  },
  Tenure: {
    variable: 't',
    fields: {
      // Computed from the evidence links that carry each source's own date, earliest first.
      attestations: {
        upTo: (items) => `COLLECT {
        MATCH (t)-[e:SUPPORTED_BY]->(s:Source) WHERE e.attested IS NOT NULL
        RETURN {date: ${partialDate('e', 'attested')},
                evidence: {source: ${project('Source', 's')}, paragraph: e.paragraph, note: e.note}} AS a
        ORDER BY e.attestedFrom, s.id, e.paragraph
        LIMIT ${items} }`,
      },
    },
  },
  Meeting: {
    variable: 'm',
    fields: {
      // Links with their own properties and evidence, hosts first, then by name.
      participants: (sel) => `COLLECT {
        MATCH (x:Person)-[a:ATTENDED]->(m)
        RETURN {person: ${project('Person', 'x', sel?.person)}, role: a.role,
                post: ${asks(sel, 'post') ? attendedPost('a', 'y', sel?.post) : 'null'},
                evidence: ${asks(sel, 'evidence') ? relationshipEvidence('a', 'Participant.evidence', sel?.evidence) : '[]'}} AS participant
        ORDER BY a.role DESC, x.name
        LIMIT ${itemsOf('Meeting.participants', sel)} }`,
      // The inverse of a statement's meeting.
      statements: {
        upTo: (items) =>
          `COLLECT { MATCH (s:Statement)-[:MADE_AT]->(m) RETURN ${project('Statement', 's')} AS s ORDER BY s.id LIMIT ${items} }`,
      },
    },
  },
} as const satisfies { [L in keyof HandWrittenModels]: { variable: string; fields: Record<keyof HandWrittenModels[L], FieldExpression> } };

/** The variable of a label without hand-written fields: its name, lower-cased (a new label needs no entry). */
const variableOf = (label: EntityLabel): string =>
  label in HAND_WRITTEN ? HAND_WRITTEN[label as keyof typeof HAND_WRITTEN].variable : label[0]!.toLowerCase() + label.slice(1);

/**
 * One hop along a reference field, compiled from the registry: its relationship type and direction, its target
 * label (none in the pattern when it may name several), one value or a list by id read up to its `first`, each
 * value projected as the request asks. Its variable is named after the field, so it never captures a variable of
 * a statement the details are folded into.
 */
function referenceExpression(ref: ReferenceField, name: string, v: string): FieldExpression {
  const x = `${v}_${name}`;
  const [only] = ref.targets.length === 1 ? ref.targets : [];
  const node = only ? `${x}:${only}` : x;
  const hop = ref.direction === 'out' ? `(${v})-[:${ref.type}]->(${node})` : `(${node})-[:${ref.type}]->(${v})`;
  const value = (sel?: Selection) => (only ? project(only, x, sel) : projectAny(ref.targets, x, sel));
  if (!ref.many) return (sel) => `head(COLLECT { MATCH ${hop} RETURN ${value(sel)} })`;
  const list = `${ref.label}.${name}`;
  if (!(list in MAX_FIRST)) throw new Error(`the list ${list} has no maximum in MAX_FIRST`);
  return (sel) => `COLLECT { MATCH ${hop} RETURN ${value(sel)} AS ${x} ORDER BY ${x}.id LIMIT ${itemsOf(list as BoundedField, sel)} }`;
}

/** Evidence of the node bound to `v`, read up to its `first`. */
const evidenceOf = (v: string): FieldExpression => ({ upTo: (items) => nodeEvidence(v, items) });

/**
 * Per entity type, what its GraphQL fields need from one hop away, one expression per field: its references and
 * its evidence compiled from the registry, its hand-written fields beside them. A request's loads of one type at
 * one level go out as one query for many ids, holding only the fields asked for: a person's country must not cost
 * the thousands of meetings a minister attended, and the meetings come no more than `first` at a time. Labels and
 * field names come from the registry and this module, never from a request.
 */
const DETAILS: Readonly<Record<EntityLabel, LabelDetails>> = Object.fromEntries(
  ENTITY_LABELS.map((label) => {
    const v = variableOf(label);
    const references = REFERENCE_FIELDS.filter((ref) => ref.label === label).map((ref) => {
      const name = ref.apiName ?? ref.field;
      return [name, referenceExpression(ref, name, v)] as const;
    });
    const handWritten = label in HAND_WRITTEN ? HAND_WRITTEN[label as keyof typeof HAND_WRITTEN].fields : {};
    const details: LabelDetails = { variable: v, fields: { ...Object.fromEntries(references), evidence: evidenceOf(v), ...handWritten } };
    return [label, details];
  }),
) as Record<EntityLabel, LabelDetails>;

/** The details fields of a label a resolver can read without arguments of its own: what the API derives resolvers for. */
export function detailsFields(label: EntityLabel): string[] {
  return Object.entries(DETAILS[label].fields)
    .filter(([, expression]) => !(typeof expression === 'object' && expression.arguments))
    .map(([field]) => field);
}

export type DetailedLabel = EntityLabel;

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
  const expression = Object.hasOwn(DETAILS[label].fields, field) ? DETAILS[label].fields[field] : undefined;
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
      const expression = Object.hasOwn(DETAILS[label].fields, field) ? DETAILS[label].fields[field] : undefined;
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
