import type { ConnectionKind } from '../__generated__/graphql.js';
import type { Db } from '../db/run-query.js';
import { AppError, ErrorCode } from '../errors.js';
import type { EntityModel, EvidenceModel, SourceModel } from './models.js';
import { ENTITY_PROJECTION_LABELS, project, projectAny } from './projections.js';

/** Relationship types each kind of connection may run through; the only source of types in the path query. */
export const CONNECTION_TYPES: Record<ConnectionKind, readonly string[]> = {
  MEETINGS: ['ATTENDED'],
  STATEMENTS: ['MADE', 'MADE_AT', 'ON_BEHALF_OF', 'ADDRESSED_TO', 'ABOUT'],
  POSTS: ['HELD', 'OF_POST', 'IN_ORGANIZATION', 'PART_OF'],
  COUNTRIES: ['CITIZEN_OF', 'IN_COUNTRY'],
  VISITS: ['LED', 'PART_OF', 'DELEGATION_OF', 'HOSTED_BY'],
  COUNTRY_RELATIONS: ['HOLDS', 'TOWARDS'],
};

const ENDPOINT = (param: string) =>
  ['Person', 'Organization', 'Country'].map((label) => `MATCH (n:${label} {id: $${param}}) RETURN n`).join(' UNION ');

/**
 * Up to k shortest paths between two entities through the allowed relationship types, undirected, shortest first.
 * First the paths of the fewest hops, by Neo4j's bidirectional breadth-first search (allShortestPaths), which
 * stays fast next to a hub. Only when those are fewer than k and longer paths are allowed does SHORTEST k look
 * further; it searches from one end, so it starts from the end with fewer relationships (from a minister with
 * thousands of meetings it took seconds) and the path is turned back to read from `from` to `to`.
 * Every node is projected and every relationship's evidence lists come along, plus the sources those lists name.
 * k and the hop limit are validated integers and the types come from CONNECTION_TYPES, so nothing from the
 * request is spliced in raw.
 */
export function connectionsCypher(kinds: readonly ConnectionKind[], maxHops: number, k: number): string {
  const types = [...new Set(kinds.flatMap((kind) => CONNECTION_TYPES[kind]))].join('|');
  return `
CALL { ${ENDPOINT('from')} } WITH collect(n) AS froms
CALL { ${ENDPOINT('to')} } WITH froms, collect(n) AS tos
CALL (froms, tos) {
  UNWIND froms AS a
  UNWIND tos AS b
  WITH a, b WHERE a <> b
  CALL (a, b) {
    MATCH p = allShortestPaths((a)-[:${types}*1..${maxHops}]-(b))
    RETURN p LIMIT ${k}
  }
  WITH p ORDER BY length(p) LIMIT ${k}
  RETURN collect({ns: nodes(p), rs: relationships(p)}) AS shortest
}
WITH froms, tos, shortest, size(shortest) > 0 AND size(shortest) < ${k} AND size(shortest[0].rs) < ${maxHops} AS lookFurther
CALL (froms, tos, lookFurther) {
  WITH froms, tos WHERE lookFurther
  UNWIND froms AS a
  UNWIND tos AS b
  WITH a, b WHERE a <> b
  WITH a, b, COUNT { (a)--() } <= COUNT { (b)--() } AS fromA
  CALL (a, b, fromA) {
    WITH fromA, CASE WHEN fromA THEN a ELSE b END AS x, CASE WHEN fromA THEN b ELSE a END AS y
    MATCH p = SHORTEST ${k} (x)-[:${types}]-{1,${maxHops}}(y)
    RETURN CASE WHEN fromA THEN nodes(p) ELSE reverse(nodes(p)) END AS ns,
           CASE WHEN fromA THEN relationships(p) ELSE reverse(relationships(p)) END AS rs
  }
  WITH ns, rs ORDER BY size(rs) LIMIT ${k}
  RETURN collect({ns: ns, rs: rs}) AS more
}
WITH froms, tos, CASE WHEN lookFurther THEN more ELSE shortest END AS paths
WITH froms, tos, paths, reduce(ids = [], p IN paths | ids + reduce(x = [], r IN p.rs | x + coalesce(r.sourceIds, []))) AS sourceIds
RETURN size(froms) > 0 AS fromFound, size(tos) > 0 AS toFound,
  [p IN paths | {
    nodes: [x IN p.ns | ${projectAny(ENTITY_PROJECTION_LABELS, 'x')}],
    relationships: [r IN p.rs | {type: type(r), start: startNode(r).id, end: endNode(r).id, role: r.role,
                                 sourceIds: coalesce(r.sourceIds, []), paragraphs: coalesce(r.paragraphs, []), notes: coalesce(r.notes, [])}]
  }] AS paths,
  COLLECT { MATCH (s:Source) WHERE s.id IN sourceIds RETURN ${project('Source', 's')} AS source } AS sources`;
}

type Entity = EntityModel;

export interface HopModel {
  from: Entity;
  to: Entity;
  relationship: string;
  explanation: string;
  evidence: EvidenceModel[];
}

export interface ConnectionModel {
  length: number;
  path: Entity[];
  hops: HopModel[];
}

const ROLE_WORDS: Record<string, string> = {
  HOST: 'host',
  HEAD_OF_VISITING_DELEGATION: 'head of the visiting delegation',
  VISITING_DELEGATION: 'member of the visiting delegation',
  ATTENDEE: 'participant',
};

/** How an entity is named in an explanation. */
export function describeEntity(e: Entity): string {
  switch (e.__typename) {
    case 'Post':
      return `the post of ${e.title}`;
    case 'Tenure':
      return `a term of office${e.start ? ` from ${e.start.value}` : ''}`;
    case 'Visit':
      return `the visit "${e.title}"`;
    case 'Meeting':
      return `the ${e.format.toLowerCase().replace(/_/g, ' ')} meeting${e.date ? ` of ${e.date.value}` : ''}`;
    case 'Statement':
      return `the statement "${e.summary}"`;
    case 'CountryRelation':
      return `the relation "${e.summary}"`;
    case 'TradeFigure':
      return `the ${e.flow.toLowerCase()} figure for ${e.period.value}`;
    default:
      return e.name;
  }
}

const PHRASES: Record<string, (start: string, end: string, role: string | null) => string> = {
  ATTENDED: (s, e, role) => `${s} attended ${e}${role ? ` as ${ROLE_WORDS[role] ?? role.toLowerCase()}` : ''}`,
  MADE: (s, e) => `${s} made ${e}`,
  MADE_AT: (s, e) => `${s} was made at ${e}`,
  ON_BEHALF_OF: (s, e) => `${s} was made on behalf of ${e}`,
  ADDRESSED_TO: (s, e) => `${s} was addressed to ${e}`,
  ABOUT: (s, e) => `${s} concerns ${e}`,
  HELD: (s, e) => `${s} held ${e}`,
  OF_POST: (s, e) => `${s} was in ${e}`,
  IN_ORGANIZATION: (s, e) => `${s} belongs to ${e}`,
  PART_OF: (s, e) => `${s} is part of ${e}`,
  CITIZEN_OF: (s, e) => `${s} is a citizen of ${e}`,
  IN_COUNTRY: (s, e) => `${s} is in ${e}`,
  LED: (s, e) => `${s} led ${e}`,
  DELEGATION_OF: (s, e) => `${s} was made by a delegation of ${e}`,
  HOSTED_BY: (s, e) => `${s} was hosted by ${e}`,
  HOLDS: (s, e) => `${s} holds ${e}`,
  TOWARDS: (s, e) => `${s} is towards ${e}`,
};

interface RawPath {
  nodes: Entity[];
  relationships: { type: string; start: string; end: string; role: string | null; sourceIds: string[]; paragraphs: number[]; notes: string[] }[];
}

/** Turns raw paths into hops in path order, each explained along the relationship's own direction. Pure. */
export function explainPaths(paths: RawPath[], sources: SourceModel[]): ConnectionModel[] {
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  return paths.map(({ nodes, relationships }) => ({
    length: relationships.length,
    path: nodes,
    hops: relationships.map((r, i) => {
      const from = nodes[i]!;
      const to = nodes[i + 1]!;
      const [start, end] = r.start === from.id ? [from, to] : [to, from];
      const phrase = PHRASES[r.type] ?? ((s: string, e: string) => `${s} is linked (${r.type}) to ${e}`);
      return {
        from,
        to,
        relationship: r.type,
        explanation: phrase(describeEntity(start), describeEntity(end), r.role),
        evidence: r.sourceIds.flatMap((id, j) => {
          const source = sourceById.get(id);
          return source ? [{ source, paragraph: r.paragraphs[j]!, note: r.notes[j]! }] : [];
        }),
      };
    }),
  }));
}

export async function findConnections(
  db: Db,
  from: string,
  to: string,
  options: { kinds: readonly ConnectionKind[]; maxHops: number; first: number },
): Promise<ConnectionModel[]> {
  const [row] = await db.read(connectionsCypher(options.kinds, options.maxHops, options.first), { from, to });
  for (const [found, id, argument] of [[row?.fromFound, from, 'from'], [row?.toFound, to, 'to']] as const) {
    if (!found) throw new AppError(ErrorCode.NOT_FOUND, `No person, organization or country has the id "${id}"`, { argument });
  }
  return explainPaths(row!.paths as RawPath[], row!.sources as SourceModel[]);
}
