import type { Db } from '../db/run-query.js';
import { ENTITY_LABELS, type EntityLabel, ID_SPACE_LABEL, kindOf, SUPPORTED_BY } from '../domain/registry/index.js';

export const READ_SOURCES = `MATCH (s:Source) RETURN s.id AS id, properties(s) AS props ORDER BY s.id`;

/** Every supported node with its evidence and outgoing relationships (sources of a relationship travel with it). */
export function readEntitiesCypher(label: EntityLabel): string {
  return `
MATCH (n:${label})
RETURN n.id AS id, properties(n) AS props,
  [(n)-[e:${SUPPORTED_BY}]->(s:Source) | {source: s.id, paragraph: e.paragraph, note: e.note, props: properties(e)}] AS evidence,
  [(n)-[r]->(m) WHERE type(r) <> '${SUPPORTED_BY}' AND m.id IS NOT NULL |
     {type: type(r), target: m.id, out: true, props: properties(r)}] +
  [(m)-[r]->(n) WHERE type(r) <> '${SUPPORTED_BY}' AND NOT m:Source AND m.id IS NOT NULL |
     {type: type(r), target: m.id, out: false, props: properties(r)}] AS relationships
ORDER BY n.id`;
}

export const READ_PUBLISHERS = `MATCH (s:Source)-[r:PUBLISHED_BY]->(o:Organization) RETURN s.id AS source, o.id AS organization`;

export interface ExportedRelationship {
  type: string;
  target: string;
  out: boolean;
  props: { sourceIds?: string[]; paragraphs?: number[]; notes?: string[]; [key: string]: unknown };
}

export interface ExportedEntity {
  id: string;
  props: Record<string, unknown>;
  evidence: { source: string; paragraph: number; note: string; props: Record<string, unknown> }[];
  relationships: ExportedRelationship[];
}

export const READ_DECLARED_TERMS = `
MATCH (t:Term) WHERE size(coalesce(t.sources, [])) > 0
RETURN t.vocabulary AS vocabulary, t.code AS code, t.label AS label, t.description AS description, t.sources AS sources
ORDER BY vocabulary, code`;

export interface ExportedGraph {
  sources: { id: string; props: Record<string, unknown> }[];
  entities: Map<EntityLabel, ExportedEntity[]>;
  publishers: { source: string; organization: string }[];
  /** Terms documents declared, with the sources that declared them. */
  terms: { vocabulary: string; code: string; label: string; description: string; sources: string[] }[];
}

/** Everything export needs, in one read per label; the rows have the shapes the Cypher above returns. */
export async function readGraphForExport(db: Db): Promise<ExportedGraph> {
  const entities = new Map<EntityLabel, ExportedEntity[]>();
  for (const label of ENTITY_LABELS) entities.set(label, await db.read<ExportedEntity>(readEntitiesCypher(label)));
  return {
    sources: await db.read<ExportedGraph['sources'][number]>(READ_SOURCES),
    entities,
    publishers: await db.read<ExportedGraph['publishers'][number]>(READ_PUBLISHERS),
    terms: await db.read<ExportedGraph['terms'][number]>(READ_DECLARED_TERMS),
  };
}

export const READ_NETWORK_NODES = `
MATCH (n:${ID_SPACE_LABEL}) WHERE NOT n:Source
RETURN n.id AS id, ${kindOf('n')} AS label, properties(n) AS props,
       [(n)-[:${SUPPORTED_BY}]->(s:Source) | s.id] AS sources
ORDER BY label, id`;

export const READ_NETWORK_EDGES = `
MATCH (a:${ID_SPACE_LABEL})-[r]->(b:${ID_SPACE_LABEL}) WHERE NOT a:Source AND NOT b:Source
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
ORDER BY type, from, to`;

export const READ_NETWORK_SOURCES = `
MATCH (s:Source) RETURN s.id AS id, s.title AS title, s.publisher AS publisher, s.published AS published, s.url AS url ORDER BY id`;

/** Every entity but sources, every relationship between two of them, and the sources, as the exchange formats need. */
export async function readNetwork(db: Db): Promise<{
  nodes: { id: string; label: string; props: Record<string, unknown>; sources: string[] }[];
  edges: { from: string; type: string; to: string; props: Record<string, unknown> }[];
  sources: { id: string; title: string; publisher: string; published: string; url: string | null }[];
}> {
  return {
    nodes: await db.read(READ_NETWORK_NODES),
    edges: await db.read(READ_NETWORK_EDGES),
    sources: await db.read(READ_NETWORK_SOURCES),
  };
}
