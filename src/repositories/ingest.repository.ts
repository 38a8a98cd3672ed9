import type { Row, Tx } from '../db/run-query.js';
import { barredTextCypher } from '../domain/names.js';
import {
  DOCUMENT_LABELS,
  ENTITY_LABELS,
  type EntityLabel,
  ID_SPACE_LABEL,
  kindOf,
  SOURCE_LABEL,
  SUPPORTED_BY,
} from '../domain/registry/index.js';
import type { SourceState } from '../domain/source-metadata.js';
import { groupRelationships, type NodeRow, type WritePlan } from '../domain/write-plan-rows.js';
import { personNamedBy } from './current-person.js';
import { MERGE_TERMS, termLinkStatements } from './vocabulary.repository.js';

/** Rows per statement: large documents are written in slices so progress can be shown, still in one transaction. */
const SLICE = 1000;

/** What each id names: the entity whose id it is, else the person who had it before; ids that name nothing are left out. */
export const FIND_ENTITIES_BY_IDS = `
UNWIND $ids AS id
OPTIONAL MATCH (n:${ID_SPACE_LABEL} {id: id}) WHERE ${ENTITY_LABELS.map((label) => `n:${label}`).join(' OR ')}
WITH id, coalesce(n, ${personNamedBy('id')}) AS named
WITH id, named WHERE named IS NOT NULL
RETURN id, ${kindOf('named')} AS label, named.id AS found`;

/**
 * Ids a batch declares that the graph already gives to an entity of another kind: by id (one id space, kept by the
 * Entity constraint), or as the former id of a merged person. An entity that holds the id as its own keeps it: a
 * graph written before otherIds were checked may give a country's id to a person as well, and lookups prefer the id.
 */
export const FIND_ID_CLASHES = `
UNWIND $rows AS row
CALL (row) {
    MATCH (n:${ID_SPACE_LABEL} {id: row.id}) WHERE NOT row.label IN labels(n)
    RETURN ${kindOf('n')} AS label
    UNION
    WITH row WHERE row.label <> 'Person' AND NOT EXISTS { (:${ID_SPACE_LABEL} {id: row.id}) }
    WITH row, ${personNamedBy('row.id')} AS person WHERE person IS NOT NULL
    RETURN 'Person' AS label
}
RETURN row.id AS id, row.label AS declaredAs, label`;

export const FIND_SOURCES = `
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s.id AS id, coalesce(s.revision, 1) AS revision, s.metadataKey AS metadataKey, s.paragraphs AS paragraphs`;

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

/** Label and current id of each id, in the caller's transaction (a merged person's former id answers with its new id). */
export async function findEntitiesByIds(tx: Tx, ids: string[]): Promise<Map<string, { label: EntityLabel; id: string }>> {
  const found = new Map<string, { label: EntityLabel; id: string }>();
  if (ids.length === 0) return found;
  for (const row of await tx.run(FIND_ENTITIES_BY_IDS, { ids }))
    found.set(row.id as string, { label: row.label as EntityLabel, id: row.found as string });
  return found;
}

/** For each declared id the graph gives to another kind of entity, that kind. */
export async function findIdClashes(tx: Tx, rows: { id: string; label: string }[]): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  return new Map((await tx.run(FIND_ID_CLASHES, { rows })).map((row) => [row.id as string, row.label as string]));
}

/** What the graph holds of each source: its revision, its metadata as declared, its paragraph count. */
export async function findSources(tx: Tx, ids: string[]): Promise<Map<string, SourceState>> {
  if (ids.length === 0) return new Map();
  return new Map(
    (await tx.run(FIND_SOURCES, { ids })).map((row) => [
      row.id as string,
      {
        revision: row.revision as number,
        metadataKey: (row.metadataKey as string | null) ?? undefined,
        paragraphs: row.paragraphs as number,
      },
    ]),
  );
}

/** Ids of the people whose name or alias has each key, in the caller's transaction. */
export async function findPeopleByNameKeys(tx: Tx, keys: string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (keys.length === 0) return found;
  for (const row of await tx.run(FIND_PEOPLE_BY_NAME_KEYS, { keys })) found.set(row.key as string, row.ids as string[]);
  return found;
}

export const MERGE_SOURCES = `
UNWIND $rows AS row
MERGE (n:Source {id: row.id})
SET n:${ID_SPACE_LABEL}
SET n += row.props
SET n.caption = ${SOURCE_LABEL.caption}`;

/**
 * The Browser caption of each label that has one, from the registry, set from what was written (a meeting's
 * caption needs its place): never read from documents, never exported.
 */
export function setCaptionCypher(label: string): string | undefined {
  const caption = DOCUMENT_LABELS.find((s) => s.label === label)?.caption;
  return caption && `MATCH (n:${label}) WHERE n.id IN [row IN $rows | row.id] SET n.caption = ${caption}`;
}

/** Labels and relationship types are interpolated only from the registry's constant lists. */
export function mergeNodesCypher(label: EntityLabel): string {
  if (label === 'Person') {
    return `
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
SET n:${ID_SPACE_LABEL}
SET n += row.props
SET n.aliases = coalesce(n.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, []) AND a <> n.name],
    n.otherIds = coalesce(n.otherIds, []) + [i IN row.otherIds WHERE NOT i IN coalesce(n.otherIds, []) AND i <> n.id],
    n.nameKeys = coalesce(n.nameKeys, []) + [k IN row.nameKeys WHERE NOT k IN coalesce(n.nameKeys, [])],
    n.blockKeys = coalesce(n.blockKeys, []) + [k IN row.blockKeys WHERE NOT k IN coalesce(n.blockKeys, [])]
SET n.nameKeyText = ${barredTextCypher('n.nameKeys')},
    n.otherIdText = ${barredTextCypher('n.otherIds')},
    n.blockKeyText = ${barredTextCypher('n.blockKeys')}`;
  }
  return `
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
SET n:${ID_SPACE_LABEL}
SET n += row.props`;
}

export function mergeNodeEvidenceCypher(label: EntityLabel): string {
  return `
UNWIND $rows AS row
MATCH (n:${label} {id: row.id})
MATCH (s:Source {id: row.source})
MERGE (n)-[r:${SUPPORTED_BY} {paragraph: row.paragraph}]->(s)
SET r.note = row.note, r += coalesce(row.dates, {})`;
}

/**
 * A tenure attested by several sources spans its attestations: the attested window becomes the first to the last
 * attested day, so "who held the post as of" finds it between them.
 */
export const WIDEN_ATTESTED_SPAN = `
MATCH (t:Tenure) WHERE t.id IN [row IN $rows | row.id]
WITH t, [(t)-[e:${SUPPORTED_BY}]->() WHERE e.attestedFrom IS NOT NULL | e] AS attestations
WHERE size(attestations) > 1
SET t.attestedFrom = reduce(m = attestations[0].attestedFrom, e IN attestations |
                           CASE WHEN e.attestedFrom < m THEN e.attestedFrom ELSE m END),
    t.attestedTo = reduce(m = attestations[0].attestedTo, e IN attestations | CASE WHEN e.attestedTo > m THEN e.attestedTo ELSE m END)`;

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
  if (plan.terms.length > 0) await tx.run(MERGE_TERMS, { rows: plan.terms });
  for (const [label, rows] of plan.nodes) await inSlices(tx, mergeNodesCypher(label), rows, progress);
  for (const [label, rows] of plan.nodes) {
    const evidence = rows.flatMap((row: NodeRow) => row.evidence.map((e) => ({ id: row.id, ...e })));
    await inSlices(tx, mergeNodeEvidenceCypher(label), evidence, progress);
  }
  for (const { fromLabel, type, toLabel, rows } of groupRelationships(plan)) {
    await inSlices(tx, mergeRelationshipsCypher(fromLabel, type, toLabel), rows, progress);
  }
  for (const [label, rows] of plan.nodes) {
    if (rows.length > 0)
      await deriveFromWritten(
        tx,
        label,
        rows.map((r) => r.id),
      );
  }
}

const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

function propertyName(property: string): string {
  if (!PROPERTY_NAME.test(property)) throw new Error(`not a property name: ${property}`);
  return property;
}

/** Sets a property of the nodes of a label with the given ids to an empty list (labels from the registry). */
export function setEmptyListOnNodesCypher(label: string, property: string): string {
  return `UNWIND $ids AS id MATCH (n:${label} {id: id}) SET n.${propertyName(property)} = []`;
}

/** Sets a property of the relationships between the given pairs to an empty list (types from the registry). */
export function setEmptyListOnRelationshipsCypher(fromLabel: string, type: string, toLabel: string, property: string): string {
  return `UNWIND $pairs AS pair
MATCH (:${fromLabel} {id: pair.from})-[r:${type}]->(:${toLabel} {id: pair.to})
SET r.${propertyName(property)} = []`;
}

/**
 * What is derived from written nodes of a label rather than read from documents: their captions (a meeting's needs
 * its place), a tenure's attested span across its sources, and links to the vocabularies' terms. Ingest derives it
 * for what it wrote; the bulk import for everything it loaded, whose files already held the term links.
 */
export async function deriveFromWritten(
  tx: Tx,
  label: EntityLabel | 'Source',
  ids: string[],
  { termLinks = true }: { termLinks?: boolean } = {},
): Promise<void> {
  const rows = ids.map((id) => ({ id }));
  const caption = setCaptionCypher(label);
  if (caption) await inSlices(tx, caption, rows, () => {});
  if (label === 'Tenure') await inSlices(tx, WIDEN_ATTESTED_SPAN, rows, () => {});
  if (!termLinks) return;
  for (const link of termLinkStatements().filter((l) => l.label === label)) await inSlices(tx, link.cypher, rows, () => {});
}

export const FIND_TENURES = `
UNWIND $pairs AS pair
MATCH (:Person {id: pair.person})-[:HELD]->(t:Tenure)-[:OF_POST]->(:Post {id: pair.post})
RETURN pair.person + '|' + pair.post AS key,
       collect(t {.id, .start, .end, .attested, .attestedFrom, .attestedTo}) AS tenures`;

/** The tenures each person holds of each post, by `person|post`, in the caller's transaction. */
export async function findTenures(tx: Tx, pairs: { person: string; post: string }[]): Promise<Map<string, TenureDatesRow[]>> {
  if (pairs.length === 0) return new Map();
  const rows = await tx.run(FIND_TENURES, { pairs });
  return new Map(rows.map((r) => [r.key as string, r.tenures as TenureDatesRow[]]));
}

export interface TenureDatesRow {
  id: string;
  start: string | null;
  end: string | null;
  attested: string | null;
  attestedFrom: string | null;
  attestedTo: string | null;
}

/** A node as a comparable text: its properties and its evidence links, each sorted. */
export function nodeStateCypher(label: EntityLabel | 'Source'): string {
  return `
UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN id AS key, properties(n) AS props,
       [(n)-[e:${SUPPORTED_BY}]->(s:Source) WHERE s.id IN $sources | [s.id, e.paragraph, e.note, coalesce(e.attested, '')]] AS evidence`;
}

/** A relationship as a comparable text: its properties. */
export function relationshipStateCypher(fromLabel: string, type: string, toLabel: string): string {
  return `
UNWIND $rows AS row
MATCH (:${fromLabel} {id: row.from})-[r:${type}]->(:${toLabel} {id: row.to})
RETURN row.from + '|' + row.to AS key, properties(r) AS props, [] AS evidence`;
}

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/**
 * What the plan's nodes and relationships look like in the graph now, as text per key (absent when they do not
 * exist): read before and after a write, it tells created, updated and unchanged apart.
 */
export async function readPlanState(tx: Tx, plan: WritePlan): Promise<Map<string, string>> {
  const state = new Map<string, string>();
  const add = (scope: string, rows: Row[]) => {
    for (const row of rows) {
      const evidence = (row.evidence as unknown[]).map((e) => stable(e)).sort();
      state.set(`${scope}|${row.key as string}`, stable({ props: row.props, evidence }));
    }
  };
  // Only the evidence of the sources this plan cites can change; a busy official's other evidence is left unread.
  const sources = [...new Set([...plan.nodes.values()].flatMap((rows) => rows.flatMap((r) => r.evidence.map((e) => e.source))))];
  add('Source', await tx.run(nodeStateCypher('Source'), { ids: plan.sources.map((s) => s.id), sources }));
  for (const [label, rows] of plan.nodes) {
    if (rows.length > 0) add(label, await tx.run(nodeStateCypher(label), { ids: rows.map((r) => r.id), sources }));
  }
  for (const { fromLabel, type, toLabel, rows } of groupRelationships(plan)) {
    add(type, await tx.run(relationshipStateCypher(fromLabel, type, toLabel), { rows: rows.map((r) => ({ from: r.from, to: r.to })) }));
  }
  return state;
}
