import type { Db } from '../db/run-query.js';
import { ENTITY_LABELS } from '../domain/registry/index.js';
import type { EntityModel, EvidenceModel } from './models.js';
import { project, projectAny } from './projections.js';

export type SearchKindCode = 'PERSON' | 'MEETING' | 'STATEMENT' | 'EVIDENCE';

/** One branch per kind: the index it asks, and the entity each hit stands for (for a note, the entity it supports). */
const BRANCHES: Record<SearchKindCode, string> = {
  PERSON: `CALL db.index.fulltext.queryNodes('search_person_names', $query, {limit: $first}) YIELD node, score
    RETURN 'PERSON' AS kind, node AS n, score, null AS e`,
  MEETING: `CALL db.index.fulltext.queryNodes('search_meeting_texts', $query, {limit: $first}) YIELD node, score
    RETURN 'MEETING' AS kind, node AS n, score, null AS e`,
  STATEMENT: `CALL db.index.fulltext.queryNodes('search_statement_summaries', $query, {limit: $first}) YIELD node, score
    RETURN 'STATEMENT' AS kind, node AS n, score, null AS e`,
  EVIDENCE: `CALL db.index.fulltext.queryRelationships('search_evidence_notes', $query, {limit: $first}) YIELD relationship, score
    RETURN 'EVIDENCE' AS kind, startNode(relationship) AS n, score, relationship AS e`,
};

/** The one statement of a search over the chosen kinds; kinds come from the schema's enum, never from free text. */
export function searchCypher(kinds: readonly SearchKindCode[]): string {
  return `
CALL () {
  ${kinds.map((kind) => BRANCHES[kind]).join('\n  UNION ALL\n  ')}
}
WITH kind, n, score, e ORDER BY score DESC, n.id LIMIT toInteger($first)
WITH kind, n, score, e, CASE WHEN e IS NULL THEN null ELSE endNode(e) END AS s
RETURN kind, score, ${projectAny(ENTITY_LABELS, 'n')} AS entity,
       [t IN [n.name] + coalesce(n.aliases, []) WHERE t IS NOT NULL] AS names, n.summary AS summary, coalesce(n.topics, []) AS topics,
       CASE WHEN s IS NULL THEN null ELSE {source: ${project('Source', 's')}, paragraph: e.paragraph, note: e.note} END AS evidence
ORDER BY score DESC, n.id`;
}

export interface SearchRow {
  kind: SearchKindCode;
  score: number;
  entity: EntityModel;
  names: string[];
  summary: string | null;
  /** A meeting's topic codes, which the index reads as words (DEMINING). */
  topics: string[];
  evidence: EvidenceModel | null;
}

export async function searchText(db: Db, query: string, kinds: readonly SearchKindCode[], first: number): Promise<SearchRow[]> {
  return db.read<SearchRow>(searchCypher(kinds), { query, first });
}
