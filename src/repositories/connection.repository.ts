import type { Db } from '../db/run-query.js';
import { type ConnectionKindCode, connectionTypes, ENTITY_LABELS, ID_SPACE_LABEL } from '../domain/registry/index.js';
import { AppError, ErrorCode } from '../errors.js';
import { MAX_FIRST } from '../list-bounds.js';
import { personNamedBy } from './current-person.js';
import type { RawPathModel, SourceModel } from './models.js';
import { itemsOf, project, projectAny, type Selection } from './projections.js';

/**
 * The entity an end names, null when none: an organization or a country by its id, else the person the id names now
 * (by id, or by an id the person had before a merge). An expression, so an unknown end never drops the other's row.
 */
const ENDPOINT = (param: string) => `coalesce(
  head(COLLECT { MATCH (endpoint:${ID_SPACE_LABEL} {id: $${param}}) WHERE endpoint:Organization OR endpoint:Country RETURN endpoint }),
  ${personNamedBy(`$${param}`)})`;

/**
 * Up to k shortest paths between two entities through the allowed relationship types, undirected, shortest first;
 * up to `candidates` of the fewest hops when more are wanted to rank them.
 * First the paths of the fewest hops, by Neo4j's bidirectional breadth-first search (allShortestPaths), which
 * stays fast next to a hub. Only when those are fewer than k and longer paths are allowed does SHORTEST k look
 * further; it searches from one end, so it starts from the end with fewer relationships (from a minister with
 * thousands of meetings it took seconds) and the path is turned back to read from `from` to `to`.
 * Every node is projected and the first `evidence` items of each relationship's evidence lists come along, plus
 * the sources those name. k, the hop limit and the evidence are validated integers and the types come from the
 * registry, so nothing from the request is spliced in raw.
 */
export function connectionsCypher(
  kinds: readonly ConnectionKindCode[],
  maxHops: number,
  k: number,
  candidates = k,
  evidence: number = MAX_FIRST['Hop.evidence'],
): string {
  const types = [...new Set(kinds.flatMap((kind) => connectionTypes(kind)))].join('|');
  return `
WITH ${ENDPOINT('from')} AS a, ${ENDPOINT('to')} AS b
CALL (a, b) {
  WITH a, b WHERE a <> b
  CALL (a, b) {
    MATCH p = allShortestPaths((a)-[:${types}*1..${maxHops}]-(b))
    RETURN p LIMIT ${candidates}
  }
  WITH p ORDER BY length(p) LIMIT ${candidates}
  RETURN collect({ns: nodes(p), rs: relationships(p)}) AS shortest
}
WITH a, b, shortest, size(shortest) > 0 AND size(shortest) < ${k} AND size(shortest[0].rs) < ${maxHops} AS lookFurther
CALL (a, b, lookFurther) {
  WITH a, b WHERE lookFurther
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
WITH a, b, CASE WHEN lookFurther THEN more ELSE shortest END AS paths
WITH a, b, paths,
     reduce(ids = [], p IN paths | ids + reduce(x = [], r IN p.rs | x + coalesce(r.sourceIds, [])[..${evidence}])) AS sourceIds
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
  [p IN paths | {
    nodes: [x IN p.ns | ${projectAny(ENTITY_LABELS, 'x')}],
    relationships: [r IN p.rs | {type: type(r), start: startNode(r).id, end: endNode(r).id, role: r.role,
                                 sourceIds: coalesce(r.sourceIds, [])[..${evidence}], paragraphs: coalesce(r.paragraphs, [])[..${evidence}],
                                 notes: coalesce(r.notes, [])[..${evidence}]}]
  }] AS paths,
  COLLECT { MATCH (s:Source) WHERE s.id IN sourceIds RETURN ${project('Source', 's')} AS source } AS sources`;
}

/** Paths as the graph holds them, with the sources their relationships cite; the presenter puts them in words. */
export async function findConnections(
  db: Db,
  from: string,
  to: string,
  options: { kinds: readonly ConnectionKindCode[]; maxHops: number; first: number; candidates?: number; evidence?: Selection },
): Promise<{ paths: RawPathModel[]; sources: SourceModel[] }> {
  const cypher = connectionsCypher(
    options.kinds,
    options.maxHops,
    options.first,
    options.candidates,
    itemsOf('Hop.evidence', options.evidence),
  );
  const [row] = await db.read(cypher, { from, to });
  const unknown = [...(row!.fromFound ? [] : [{ argument: 'from', id: from }]), ...(row!.toFound ? [] : [{ argument: 'to', id: to }])];
  if (unknown.length > 0) {
    const ids = unknown.map((u) => (unknown.length > 1 ? `"${u.id}" (${u.argument})` : `"${u.id}"`)).join(' or ');
    throw new AppError(ErrorCode.NOT_FOUND, `No person, organization or country has the id ${ids}`, {
      argument: unknown[0]!.argument,
      arguments: unknown.map((u) => u.argument),
    });
  }
  return { paths: row!.paths as RawPathModel[], sources: row!.sources as SourceModel[] };
}
