import type { Db } from '../db/run-query.js';
import { nodeEvidence, project, projectAny, relationshipEvidence } from './projections.js';

/**
 * One query per entity type that loads, for many ids at once, everything one hop away that the type's GraphQL
 * fields need. Field resolvers read from it through a per-request loader, so each level of a request costs one
 * query per entity type present at that level, whatever the list sizes.
 */
export const DETAILS_CYPHER = {
  Person: `
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, {
  country: head(COLLECT { MATCH (p)-[:CITIZEN_OF]->(c:Country) RETURN ${project('Country', 'c')} }),
  tenures: COLLECT { MATCH (p)-[:HELD]->(t:Tenure) RETURN ${project('Tenure', 't')} AS t ORDER BY coalesce(t.startFrom, t.attestedFrom, t.endFrom), t.id },
  meetings: COLLECT {
    MATCH (p)-[a:ATTENDED]->(m:Meeting)
    RETURN {meeting: ${project('Meeting', 'm')}, role: a.role,
            post: head(COLLECT { MATCH (x:Post {id: a.post}) RETURN ${project('Post', 'x')} }),
            evidence: ${relationshipEvidence('a')}} AS attendance
    ORDER BY m.dateFrom, m.id },
  evidence: ${nodeEvidence('p')}
} AS details`,
  Country: `
UNWIND $ids AS id
MATCH (c:Country {id: id})
RETURN id, {evidence: ${nodeEvidence('c')}} AS details`,
  Place: `
UNWIND $ids AS id
MATCH (pl:Place {id: id})
RETURN id, {
  country: head(COLLECT { MATCH (pl)-[:IN_COUNTRY]->(c:Country) RETURN ${project('Country', 'c')} }),
  evidence: ${nodeEvidence('pl')}
} AS details`,
  Organization: `
UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN id, {
  country: head(COLLECT { MATCH (o)-[:IN_COUNTRY]->(c:Country) RETURN ${project('Country', 'c')} }),
  parent: head(COLLECT { MATCH (o)-[:PART_OF]->(x:Organization) RETURN ${project('Organization', 'x')} }),
  posts: COLLECT { MATCH (x:Post)-[:IN_ORGANIZATION]->(o) RETURN ${project('Post', 'x')} AS post ORDER BY x.title },
  evidence: ${nodeEvidence('o')}
} AS details`,
  Post: `
UNWIND $ids AS id
MATCH (po:Post {id: id})
RETURN id, {
  organization: head(COLLECT { MATCH (po)-[:IN_ORGANIZATION]->(o:Organization) RETURN ${project('Organization', 'o')} }),
  evidence: ${nodeEvidence('po')}
} AS details`,
  Tenure: `
UNWIND $ids AS id
MATCH (t:Tenure {id: id})
RETURN id, {
  person: head(COLLECT { MATCH (x:Person)-[:HELD]->(t) RETURN ${project('Person', 'x')} }),
  post: head(COLLECT { MATCH (t)-[:OF_POST]->(x:Post) RETURN ${project('Post', 'x')} }),
  evidence: ${nodeEvidence('t')}
} AS details`,
  Visit: `
UNWIND $ids AS id
MATCH (v:Visit {id: id})
RETURN id, {
  leader: head(COLLECT { MATCH (x:Person)-[:LED]->(v) RETURN ${project('Person', 'x')} }),
  delegationOf: head(COLLECT { MATCH (v)-[:DELEGATION_OF]->(x:Country) RETURN ${project('Country', 'x')} }),
  hostCountry: head(COLLECT { MATCH (v)-[:HOSTED_BY]->(x:Country) RETURN ${project('Country', 'x')} }),
  evidence: ${nodeEvidence('v')}
} AS details`,
  Meeting: `
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
RETURN id, {
  place: head(COLLECT { MATCH (m)-[:HELD_IN]->(x) RETURN ${projectAny(['Place', 'Country'], 'x')} }),
  visit: head(COLLECT { MATCH (m)-[:PART_OF]->(x:Visit) RETURN ${project('Visit', 'x')} }),
  participants: COLLECT {
    MATCH (x:Person)-[a:ATTENDED]->(m)
    RETURN {person: ${project('Person', 'x')}, role: a.role,
            post: head(COLLECT { MATCH (y:Post {id: a.post}) RETURN ${project('Post', 'y')} }),
            evidence: ${relationshipEvidence('a')}} AS participant
    ORDER BY a.role DESC, x.name },
  statements: COLLECT { MATCH (s:Statement)-[:MADE_AT]->(m) RETURN ${project('Statement', 's')} AS s ORDER BY s.id },
  evidence: ${nodeEvidence('m')}
} AS details`,
  Statement: `
UNWIND $ids AS id
MATCH (st:Statement {id: id})
RETURN id, {
  speaker: head(COLLECT { MATCH (x:Person)-[:MADE]->(st) RETURN ${project('Person', 'x')} }),
  onBehalfOf: head(COLLECT { MATCH (st)-[:ON_BEHALF_OF]->(x:Person) RETURN ${project('Person', 'x')} }),
  addressedTo: head(COLLECT { MATCH (st)-[:ADDRESSED_TO]->(x) RETURN ${projectAny(['Person', 'Country', 'Organization'], 'x')} }),
  about: COLLECT { MATCH (st)-[:ABOUT]->(x) RETURN ${projectAny(['Person', 'Country', 'Organization'], 'x')} AS x ORDER BY x.id },
  evidence: ${nodeEvidence('st')}
} AS details`,
} as const;

export type DetailedLabel = keyof typeof DETAILS_CYPHER;

/** Details of many entities of one type in one query; entries are null for ids not in the graph. */
export async function loadDetails(db: Db, label: DetailedLabel, ids: readonly string[]): Promise<(Record<string, unknown> | null)[]> {
  const rows = await db.read(DETAILS_CYPHER[label], { ids: [...ids] });
  const byId = new Map(rows.map((row) => [row.id as string, row.details as Record<string, unknown>]));
  return ids.map((id) => byId.get(id) ?? null);
}
