import type { Db } from '../db/run-query.js';
import type {
  AttendanceModel,
  AttestationModel,
  CountryModel,
  EvidenceModel,
  HeldRelationModel,
  OrganizationModel,
  ParticipantModel,
  PersonModel,
  PlaceModel,
  PostModel,
  ReportedFigureModel,
  StatementModel,
  StatementPartModel,
  TenureModel,
  VisitModel,
} from './models.js';
import { nodeEvidence, partialDate, project, projectAny, relationshipEvidence } from './projections.js';

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
    relations: HeldRelationModel[];
    tradeFigures: ReportedFigureModel[];
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

type DetailsQueries = { [L in keyof DetailsModels]: { match: string; fields: Record<keyof DetailsModels[L], string> } };

/**
 * Per entity type, what its GraphQL fields need from one hop away, one expression per field. A request's loads of
 * one type at one level go out as one query for many ids, holding only the fields asked for: a person's country
 * must not cost the thousands of meetings a minister attended. Labels and field names come from this constant.
 */
export const DETAILS = {
  Person: {
    match: 'MATCH (p:Person {id: id})',
    fields: {
      country: `head(COLLECT { MATCH (p)-[:CITIZEN_OF]->(c:Country) RETURN ${project('Country', 'c')} })`,
      tenures: `COLLECT {
        MATCH (p)-[:HELD]->(t:Tenure)
        RETURN ${project('Tenure', 't')} AS t ORDER BY coalesce(t.startFrom, t.attestedFrom, t.endFrom), t.id }`,
      meetings: `COLLECT {
        MATCH (p)-[a:ATTENDED]->(m:Meeting)
        RETURN {meeting: ${project('Meeting', 'm')}, role: a.role,
                post: head(COLLECT { MATCH (x:Post {id: a.post}) RETURN ${project('Post', 'x')} }),
                evidence: ${relationshipEvidence('a')}} AS attendance
        ORDER BY m.dateFrom, m.id }`,
      statements: `COLLECT {
        MATCH (p)-[r:MADE|ON_BEHALF_OF|ADDRESSED_TO|ABOUT]-(s:Statement)
        OPTIONAL MATCH (s)-[:MADE_AT]->(m:Meeting)
        RETURN {statement: ${project('Statement', 's')},
                role: CASE type(r) WHEN 'MADE' THEN 'SPEAKER' WHEN 'ON_BEHALF_OF' THEN 'ON_WHOSE_BEHALF'
                                   WHEN 'ADDRESSED_TO' THEN 'ADDRESSEE' ELSE 'SUBJECT' END} AS part
        ORDER BY coalesce(s.dateFrom, m.dateFrom), s.id, part.role }`,
      evidence: nodeEvidence('p'),
    },
  },
  Country: {
    match: 'MATCH (c:Country {id: id})',
    fields: {
      relations: `COLLECT {
        MATCH (c)-[:HOLDS]->(r:CountryRelation)-[:TOWARDS]->(o:Country)
        RETURN {relation: ${project('CountryRelation', 'r')}, towards: o.id} AS held ORDER BY r.dateFrom, r.kind, o.id }`,
      tradeFigures: `COLLECT {
        MATCH (f:TradeFigure)-[:REPORTED_BY]->(c)
        MATCH (f)-[:WITH_PARTNER]->(o:Country)
        RETURN {figure: ${project('TradeFigure', 'f')}, partner: o.id} AS reported ORDER BY f.periodFrom, f.periodTo, o.id, f.flow }`,
      organizations: `COLLECT {
        MATCH (o:Organization)-[:IN_COUNTRY]->(c) RETURN ${project('Organization', 'o')} AS o ORDER BY o.name, o.id }`,
      evidence: nodeEvidence('c'),
    },
  },
  CountryRelation: {
    match: 'MATCH (r:CountryRelation {id: id})',
    fields: {
      holder: `head(COLLECT { MATCH (x:Country)-[:HOLDS]->(r) RETURN ${project('Country', 'x')} })`,
      towards: `head(COLLECT { MATCH (r)-[:TOWARDS]->(x:Country) RETURN ${project('Country', 'x')} })`,
      evidence: nodeEvidence('r'),
    },
  },
  TradeFigure: {
    match: 'MATCH (f:TradeFigure {id: id})',
    fields: {
      reporter: `head(COLLECT { MATCH (f)-[:REPORTED_BY]->(x:Country) RETURN ${project('Country', 'x')} })`,
      partner: `head(COLLECT { MATCH (f)-[:WITH_PARTNER]->(x:Country) RETURN ${project('Country', 'x')} })`,
      evidence: nodeEvidence('f'),
    },
  },
  Place: {
    match: 'MATCH (pl:Place {id: id})',
    fields: {
      country: `head(COLLECT { MATCH (pl)-[:IN_COUNTRY]->(c:Country) RETURN ${project('Country', 'c')} })`,
      parent: `head(COLLECT { MATCH (pl)-[:PART_OF]->(x:Place) RETURN ${project('Place', 'x')} })`,
      within: `COLLECT { MATCH chain = (pl)-[:PART_OF*1..6]->(x:Place) RETURN ${project('Place', 'x')} AS x ORDER BY length(chain) }`,
      evidence: nodeEvidence('pl'),
    },
  },
  Organization: {
    match: 'MATCH (o:Organization {id: id})',
    fields: {
      country: `head(COLLECT { MATCH (o)-[:IN_COUNTRY]->(c:Country) RETURN ${project('Country', 'c')} })`,
      parent: `head(COLLECT { MATCH (o)-[:PART_OF]->(x:Organization) RETURN ${project('Organization', 'x')} })`,
      posts: `COLLECT { MATCH (x:Post)-[:IN_ORGANIZATION]->(o) RETURN ${project('Post', 'x')} AS post ORDER BY x.title }`,
      evidence: nodeEvidence('o'),
    },
  },
  Post: {
    match: 'MATCH (po:Post {id: id})',
    fields: {
      organization: `head(COLLECT { MATCH (po)-[:IN_ORGANIZATION]->(o:Organization) RETURN ${project('Organization', 'o')} })`,
      evidence: nodeEvidence('po'),
    },
  },
  Tenure: {
    match: 'MATCH (t:Tenure {id: id})',
    fields: {
      person: `head(COLLECT { MATCH (x:Person)-[:HELD]->(t) RETURN ${project('Person', 'x')} })`,
      post: `head(COLLECT { MATCH (t)-[:OF_POST]->(x:Post) RETURN ${project('Post', 'x')} })`,
      attestations: `COLLECT {
        MATCH (t)-[e:SUPPORTED_BY]->(s:Source) WHERE e.attested IS NOT NULL
        RETURN {date: ${partialDate('e', 'attested')},
                evidence: {source: ${project('Source', 's')}, paragraph: e.paragraph, note: e.note}} AS a
        ORDER BY e.attestedFrom, s.id, e.paragraph }`,
      evidence: nodeEvidence('t'),
    },
  },
  Visit: {
    match: 'MATCH (v:Visit {id: id})',
    fields: {
      leader: `head(COLLECT { MATCH (x:Person)-[:LED]->(v) RETURN ${project('Person', 'x')} })`,
      delegationOf: `head(COLLECT { MATCH (v)-[:DELEGATION_OF]->(x:Country) RETURN ${project('Country', 'x')} })`,
      hostCountry: `head(COLLECT { MATCH (v)-[:HOSTED_BY]->(x:Country) RETURN ${project('Country', 'x')} })`,
      evidence: nodeEvidence('v'),
    },
  },
  Meeting: {
    match: 'MATCH (m:Meeting {id: id})',
    fields: {
      place: `head(COLLECT { MATCH (m)-[:HELD_IN]->(x) RETURN ${projectAny(['Place', 'Country'], 'x')} })`,
      visit: `head(COLLECT { MATCH (m)-[:PART_OF]->(x:Visit) RETURN ${project('Visit', 'x')} })`,
      participants: `COLLECT {
        MATCH (x:Person)-[a:ATTENDED]->(m)
        RETURN {person: ${project('Person', 'x')}, role: a.role,
                post: head(COLLECT { MATCH (y:Post {id: a.post}) RETURN ${project('Post', 'y')} }),
                evidence: ${relationshipEvidence('a')}} AS participant
        ORDER BY a.role DESC, x.name }`,
      statements: `COLLECT { MATCH (s:Statement)-[:MADE_AT]->(m) RETURN ${project('Statement', 's')} AS s ORDER BY s.id }`,
      evidence: nodeEvidence('m'),
    },
  },
  Statement: {
    match: 'MATCH (st:Statement {id: id})',
    fields: {
      speaker: `head(COLLECT { MATCH (x:Person)-[:MADE]->(st) RETURN ${project('Person', 'x')} })`,
      onBehalfOf: `head(COLLECT { MATCH (st)-[:ON_BEHALF_OF]->(x:Person) RETURN ${project('Person', 'x')} })`,
      addressedTo: `head(COLLECT { MATCH (st)-[:ADDRESSED_TO]->(x) RETURN ${projectAny(['Person', 'Country', 'Organization'], 'x')} })`,
      about: `COLLECT { MATCH (st)-[:ABOUT]->(x) RETURN ${projectAny(['Person', 'Country', 'Organization'], 'x')} AS x ORDER BY x.id }`,
      evidence: nodeEvidence('st'),
    },
  },
} as const satisfies DetailsQueries;

export type DetailedLabel = keyof DetailsModels;

/** The query for some fields of many entities of one type; a field this module does not know is a programming error. */
export function detailsCypher(label: DetailedLabel, fields: readonly string[]): string {
  const known: Record<string, string> = DETAILS[label].fields;
  const unknown = fields.filter((field) => !(field in known));
  if (unknown.length > 0) throw new Error(`no details field ${unknown.join(', ')} for ${label}`);
  return `
UNWIND $ids AS id
${DETAILS[label].match}
RETURN id, {
  ${fields.map((field) => `${field}: ${known[field]}`).join(',\n  ')}
} AS details`;
}

/** The asked-for fields of many entities of one type in one query, by id; ids not in the graph are absent. */
export async function loadDetails<L extends DetailedLabel>(
  db: Db,
  label: L,
  ids: readonly string[],
  fields: readonly string[],
): Promise<Map<string, Partial<DetailsModels[L]>>> {
  const rows = await db.read(detailsCypher(label, fields), { ids: [...ids] });
  return new Map(rows.map((row) => [row.id as string, row.details as Partial<DetailsModels[L]>]));
}
