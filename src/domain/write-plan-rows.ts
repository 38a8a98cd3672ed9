import type { EntityLabel } from './registry/index.js';

/**
 * The rows a validated batch is written as: what ingest/ plans and repositories/ write. Plain data, so neither
 * side imports the other.
 */

export interface ResolvedEvidence {
  source: string;
  paragraph: number;
  note: string;
  /** Dates this source states for the entity (the label's perEvidence fields), with their windows. */
  dates?: Record<string, string>;
}

export interface NodeRow {
  id: string;
  props: Record<string, unknown>;
  evidence: ResolvedEvidence[];
  /** Person only: lists that grow by union, never shrink. */
  aliases?: string[];
  otherIds?: string[];
  nameKeys?: string[];
  /** Person only: consonant skeletons of the name's words, by which match candidates are looked up. */
  blockKeys?: string[];
}

export interface RelationshipRow {
  fromLabel: EntityLabel | 'Source';
  from: string;
  type: string;
  toLabel: EntityLabel;
  to: string;
  props: Record<string, unknown>;
  evidence: ResolvedEvidence[];
}

/** A vocabulary term, with the sources that declared it (none for the registry's own). */
export interface TermRow {
  vocabulary: string;
  code: string;
  label: string;
  description: string;
  sources: string[];
}

export interface WritePlan {
  sources: { id: string; props: Record<string, unknown> }[];
  terms: TermRow[];
  nodes: Map<EntityLabel, NodeRow[]>;
  relationships: RelationshipRow[];
}

/** Relationship rows grouped by their (start label, type, end label), the unit one statement writes. */
export function groupRelationships(plan: WritePlan): { fromLabel: string; type: string; toLabel: string; rows: RelationshipRow[] }[] {
  const groups = new Map<string, { fromLabel: string; type: string; toLabel: string; rows: RelationshipRow[] }>();
  for (const rel of plan.relationships) {
    const key = `${rel.fromLabel}|${rel.type}|${rel.toLabel}`;
    const group = groups.get(key) ?? { fromLabel: rel.fromLabel, type: rel.type, toLabel: rel.toLabel, rows: [] };
    groups.set(key, group);
    group.rows.push(rel);
  }
  return [...groups.values()];
}
