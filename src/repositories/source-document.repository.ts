import type { Db, Row, Tx } from '../db/run-query.js';
import { barredTextCypher } from '../domain/names.js';
import { ENTITY_LABELS, SUPPORTED_BY, type EntityLabel } from '../ingest/source-document.js';
import type { GraphLookup } from '../ingest/validate-document.js';
import { groupRelationships, type NodeRow, type WritePlan } from '../ingest/write-plan.js';

/** Rows per statement: large documents are written in slices so progress can be shown, still in one transaction. */
const SLICE = 1000;

const LOOKUP_BRANCHES = ENTITY_LABELS.map((label) =>
  label === 'Person'
    ? `MATCH (n:Person {id: id}) RETURN 'Person' AS label, n.id AS found
    UNION
    MATCH (n:Person) WHERE n.otherIdText CONTAINS '|' + id + '|' RETURN 'Person' AS label, n.id AS found`
    : `MATCH (n:${label} {id: id}) RETURN '${label}' AS label, n.id AS found`,
).join('\n    UNION\n    ');

export const FIND_ENTITIES_BY_IDS = `
UNWIND $ids AS id
CALL (id) {
    ${LOOKUP_BRANCHES}
}
RETURN id, label, found`;

export const FIND_PEOPLE_BY_NAME_KEYS = `
UNWIND $keys AS key
MATCH (p:Person) WHERE p.nameKeyText CONTAINS '|' + key + '|'
RETURN key, collect(p.id) AS ids`;

/**
 * Ingests run one at a time: each takes this node's write lock first, inside its transaction, and validates under
 * it. Otherwise two documents naming one new person under two ids would both see no match and create two people.
 * Setting the id to itself changes nothing, so a rejected batch leaves the graph as it was.
 */
export const TAKE_INGEST_LOCK = `MERGE (lock:IngestLock {id: 'ingest'}) SET lock.id = lock.id`;

/** Lookups for validation, run in the ingest's own transaction so they see what the lock protects. */
export function createGraphLookup(tx: Tx): GraphLookup {
  return {
    async findByIds(ids) {
      const found = new Map<string, { label: EntityLabel; id: string }>();
      if (ids.length === 0) return found;
      for (const row of await tx.run(FIND_ENTITIES_BY_IDS, { ids })) {
        found.set(row.id as string, { label: row.label as EntityLabel, id: row.found as string });
      }
      return found;
    },
    async findPeopleByNameKeys(keys) {
      const found = new Map<string, string[]>();
      if (keys.length === 0) return found;
      for (const row of await tx.run(FIND_PEOPLE_BY_NAME_KEYS, { keys })) found.set(row.key as string, row.ids as string[]);
      return found;
    },
  };
}

export const MERGE_SOURCES = `
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s += row.props
SET s.caption = s.publisher + ', ' + s.published`;

/**
 * Captions for Neo4j Browser, derived from what was written (a meeting's caption needs its place): never read
 * from documents, never exported.
 */
export const SET_CAPTIONS: Partial<Record<EntityLabel, string>> = {
  Organization: `MATCH (o:Organization) WHERE o.id IN [row IN $rows | row.id] SET o.caption = coalesce(o.shortName, o.name)`,
  Meeting: `
MATCH (m:Meeting) WHERE m.id IN [row IN $rows | row.id]
OPTIONAL MATCH (m)-[:HELD_IN]->(place)
WITH m, head(collect(place.name)) AS place
SET m.caption = coalesce(m.date, 'undated') + coalesce(' · ' + place, '')`,
  Tenure: `
MATCH (t:Tenure) WHERE t.id IN [row IN $rows | row.id]
SET t.caption = CASE WHEN t.start IS NULL AND t.end IS NULL THEN 'as of ' + t.attested
                     ELSE coalesce(t.start, '…') + '–' + coalesce(t.end, '') END`,
  TradeFigure: `MATCH (f:TradeFigure) WHERE f.id IN [row IN $rows | row.id] SET f.caption = toLower(f.flow) + ' ' + f.period`,
};

/** Labels and relationship types are interpolated only from the constant allowlists of source-document.ts. */
export function mergeNodesCypher(label: EntityLabel): string {
  if (label === 'Person') {
    return `
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
SET n += row.props
SET n.aliases = coalesce(n.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, []) AND a <> n.name],
    n.otherIds = coalesce(n.otherIds, []) + [i IN row.otherIds WHERE NOT i IN coalesce(n.otherIds, []) AND i <> n.id],
    n.nameKeys = coalesce(n.nameKeys, []) + [k IN row.nameKeys WHERE NOT k IN coalesce(n.nameKeys, [])]
SET n.nameKeyText = ${barredTextCypher('n.nameKeys')},
    n.otherIdText = ${barredTextCypher('n.otherIds')}`;
  }
  return `
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
SET n += row.props`;
}

export function mergeNodeEvidenceCypher(label: EntityLabel): string {
  return `
UNWIND $rows AS row
MATCH (n:${label} {id: row.id})
MATCH (s:Source {id: row.source})
MERGE (n)-[r:${SUPPORTED_BY} {paragraph: row.paragraph}]->(s)
SET r.note = row.note`;
}

/**
 * Relationships keep their evidence in three aligned lists (sourceIds, paragraphs, notes), since a relationship
 * cannot point at a Source. An entry for the same source and paragraph is replaced, never repeated.
 */
export function mergeRelationshipsCypher(fromLabel: string, type: string, toLabel: string): string {
  return `
UNWIND $rows AS row
MATCH (a:${fromLabel} {id: row.from})
MATCH (b:${toLabel} {id: row.to})
MERGE (a)-[r:${type}]->(b)
SET r += row.props
WITH r, row, [i IN range(0, size(coalesce(r.sourceIds, [])) - 1)
  WHERE NOT any(e IN row.evidence WHERE e.source = r.sourceIds[i] AND e.paragraph = r.paragraphs[i])] AS keep
SET r.sourceIds = [i IN keep | r.sourceIds[i]] + [e IN row.evidence | e.source],
    r.paragraphs = [i IN keep | r.paragraphs[i]] + [e IN row.evidence | e.paragraph],
    r.notes = [i IN keep | r.notes[i]] + [e IN row.evidence | e.note]`;
}

async function inSlices<T>(tx: Tx, cypher: string, rows: T[], progress: (n: number) => void): Promise<void> {
  for (let i = 0; i < rows.length; i += SLICE) {
    const slice = rows.slice(i, i + SLICE);
    await tx.run(cypher, { rows: slice });
    progress(slice.length);
  }
}

/** Writes a plan in the caller's transaction, in dependency order: sources, nodes, node evidence, relationships. */
export async function writePlan(tx: Tx, plan: WritePlan, progress: (n: number) => void = () => {}): Promise<void> {
  await inSlices(tx, MERGE_SOURCES, plan.sources, progress);
  for (const [label, rows] of plan.nodes) await inSlices(tx, mergeNodesCypher(label), rows, progress);
  for (const [label, rows] of plan.nodes) {
    const evidence = rows.flatMap((row: NodeRow) => row.evidence.map((e) => ({ id: row.id, ...e })));
    await inSlices(tx, mergeNodeEvidenceCypher(label), evidence, (n) => progress(n));
  }
  for (const { fromLabel, type, toLabel, rows } of groupRelationships(plan)) {
    await inSlices(tx, mergeRelationshipsCypher(fromLabel, type, toLabel), rows, progress);
  }
  for (const [label, rows] of plan.nodes) {
    const cypher = SET_CAPTIONS[label];
    if (cypher && rows.length > 0) await inSlices(tx, cypher, rows.map((r) => ({ id: r.id })), () => {});
  }
}

export const READ_SOURCES = `MATCH (s:Source) RETURN s.id AS id, properties(s) AS props ORDER BY s.id`;

/** Every supported node with its evidence and outgoing relationships (sources of a relationship travel with it). */
export function readEntitiesCypher(label: EntityLabel): string {
  return `
MATCH (n:${label})
RETURN n.id AS id, properties(n) AS props,
  [(n)-[e:${SUPPORTED_BY}]->(s:Source) | {source: s.id, paragraph: e.paragraph, note: e.note}] AS evidence,
  [(n)-[r]->(m) WHERE type(r) <> '${SUPPORTED_BY}' AND m.id IS NOT NULL |
     {type: type(r), target: m.id, out: true, props: properties(r)}] +
  [(m)-[r]->(n) WHERE type(r) <> '${SUPPORTED_BY}' AND NOT m:Source AND m.id IS NOT NULL |
     {type: type(r), target: m.id, out: false, props: properties(r)}] AS relationships
ORDER BY n.id`;
}

export const READ_PUBLISHERS = `MATCH (s:Source)-[r:PUBLISHED_BY]->(o:Organization) RETURN s.id AS source, o.id AS organization`;

/** Everything export needs, in one read per label. */
export async function readGraphForExport(db: Db): Promise<{ sources: Row[]; entities: Map<EntityLabel, Row[]>; publishers: Row[] }> {
  const entities = new Map<EntityLabel, Row[]>();
  for (const label of ENTITY_LABELS) entities.set(label, await db.read(readEntitiesCypher(label)));
  return { sources: await db.read(READ_SOURCES), entities, publishers: await db.read(READ_PUBLISHERS) };
}
