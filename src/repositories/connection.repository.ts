import type { Db } from '../db/run-query.js';
import { type ConnectionKindCode, connectionTypes, ENTITY_LABELS } from '../domain/registry/index.js';
import { AppError, ErrorCode } from '../errors.js';
import type { RawPathModel, SourceModel } from './models.js';
import { project, projectAny } from './projections.js';

const ENDPOINT = (param: string) =>
  ['Person', 'Organization', 'Country'].map((label) => `MATCH (n:${label} {id: $${param}}) RETURN n`).join(' UNION ');

/**
 * Up to k shortest paths between two entities through the allowed relationship types, undirected, shortest first;
 * up to `candidates` of the fewest hops when more are wanted to rank them.
 * First the paths of the fewest hops, by Neo4j's bidirectional breadth-first search (allShortestPaths), which
 * stays fast next to a hub. Only when those are fewer than k and longer paths are allowed does SHORTEST k look
 * further; it searches from one end, so it starts from the end with fewer relationships (from a minister with
 * thousands of meetings it took seconds) and the path is turned back to read from `from` to `to`.
 * Every node is projected and every relationship's evidence lists come along, plus the sources those lists name.
 * k and the hop limit are validated integers and the types come from the registry, so nothing from the
 * request is spliced in raw.
 */
export function connectionsCypher(kinds: readonly ConnectionKindCode[], maxHops: number, k: number, candidates = k): string {
  const types = [...new Set(kinds.flatMap((kind) => connectionTypes(kind)))].join('|');
  return `
CALL () { ${ENDPOINT('from')} } WITH collect(n) AS froms
CALL () { ${ENDPOINT('to')} } WITH froms, collect(n) AS tos
CALL (froms, tos) {
  UNWIND froms AS a
  UNWIND tos AS b
  WITH a, b WHERE a <> b
  CALL (a, b) {
    MATCH p = allShortestPaths((a)-[:${types}*1..${maxHops}]-(b))
    RETURN p LIMIT ${candidates}
  }
  WITH p ORDER BY length(p) LIMIT ${candidates}
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
    nodes: [x IN p.ns | ${projectAny(ENTITY_LABELS, 'x')}],
    relationships: [r IN p.rs | {type: type(r), start: startNode(r).id, end: endNode(r).id, role: r.role,
                                 sourceIds: coalesce(r.sourceIds, []), paragraphs: coalesce(r.paragraphs, []),
                                 notes: coalesce(r.notes, [])}]
  }] AS paths,
  COLLECT { MATCH (s:Source) WHERE s.id IN sourceIds RETURN ${project('Source', 's')} AS source } AS sources`;
}

/** Paths as the graph holds them, with the sources their relationships cite; the presenter puts them in words. */
export async function findConnections(
  db: Db,
  from: string,
  to: string,
  options: { kinds: readonly ConnectionKindCode[]; maxHops: number; first: number; candidates?: number },
): Promise<{ paths: RawPathModel[]; sources: SourceModel[] }> {
  const [row] = await db.read(connectionsCypher(options.kinds, options.maxHops, options.first, options.candidates), { from, to });
  for (const [found, id, argument] of [
    [row?.fromFound, from, 'from'],
    [row?.toFound, to, 'to'],
  ] as const) {
    if (!found) throw new AppError(ErrorCode.NOT_FOUND, `No person, organization or country has the id "${id}"`, { argument });
  }
  return { paths: row!.paths as RawPathModel[], sources: row!.sources as SourceModel[] };
}
