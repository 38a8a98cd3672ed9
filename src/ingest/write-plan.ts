import { nameKeys } from '../domain/names.js';
import { partialDateProperties } from '../domain/partial-date.js';
import {
  ATTENDED,
  PUBLISHED_BY,
  REFERENCE_FIELDS,
  SECTIONS,
  type EntityLabel,
  type Evidence,
  type SourceDocument,
} from './source-document.js';
import type { ResolvedBatch } from './validate-document.js';

/** Fields that hold a partial date; each is stored with its precision and the first and last day it may mean. */
export const DATE_FIELDS = ['date', 'start', 'end', 'attested', 'period', 'published'] as const;

export interface ResolvedEvidence {
  source: string;
  paragraph: number;
  note: string;
}

export interface NodeRow {
  id: string;
  props: Record<string, unknown>;
  evidence: ResolvedEvidence[];
  /** Person only: lists that grow by union, never shrink. */
  aliases?: string[];
  otherIds?: string[];
  nameKeys?: string[];
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

export interface WritePlan {
  sources: { id: string; props: Record<string, unknown> }[];
  nodes: Map<EntityLabel, NodeRow[]>;
  relationships: RelationshipRow[];
}

/** The evidence a source entry implies for its publisher link: the masthead, paragraph 0. */
export const PUBLISHER_EVIDENCE_NOTE = 'Publisher named in the masthead of the source.';

function byEvidenceOrder(a: ResolvedEvidence, b: ResolvedEvidence): number {
  return a.source.localeCompare(b.source) || a.paragraph - b.paragraph;
}

function mergeEvidence(a: ResolvedEvidence[], b: ResolvedEvidence[]): ResolvedEvidence[] {
  const byKey = new Map<string, ResolvedEvidence>();
  for (const e of [...a, ...b]) byKey.set(`${e.source}\u0000${e.paragraph}`, e);
  return [...byKey.values()].sort(byEvidenceOrder);
}

function union(a: string[] | undefined, b: string[] | undefined): string[] {
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}

function dateProps(entry: Record<string, unknown>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if ((DATE_FIELDS as readonly string[]).includes(key)) Object.assign(props, partialDateProperties(key, value as string));
    else props[key] = value;
  }
  return props;
}

/**
 * Turns a validated batch into rows for the writer: one row per node and per relationship, with ids mapped to
 * the graph's, rows for the same node or relationship merged (later documents win on scalar fields, lists and
 * evidence are united), and every relationship carrying the evidence of the entry that names it.
 */
export function buildWritePlan(batch: ResolvedBatch): WritePlan {
  const id = (docId: string) => batch.idMap.get(docId) ?? docId;
  const sources = new Map<string, Record<string, unknown>>();
  const nodes = new Map<EntityLabel, Map<string, NodeRow>>();
  const relationships = new Map<string, RelationshipRow>();

  const addRelationship = (row: RelationshipRow) => {
    const key = `${row.fromLabel}\u0000${row.from}\u0000${row.type}\u0000${row.toLabel}\u0000${row.to}`;
    const before = relationships.get(key);
    relationships.set(key, before ? { ...row, props: { ...before.props, ...row.props }, evidence: mergeEvidence(before.evidence, row.evidence) } : row);
  };

  for (const { document: doc } of batch.documents) {
    const resolve = (evidence: Evidence[]): ResolvedEvidence[] =>
      evidence.map((e) => ({ source: e.source ?? doc.sources[0]!.id, paragraph: e.paragraph, note: e.note })).sort(byEvidenceOrder);

    for (const source of doc.sources) {
      const { id: sourceId, publishedBy, ...rest } = source;
      sources.set(sourceId, { ...sources.get(sourceId), ...dateProps(rest) });
      if (publishedBy) {
        addRelationship({
          fromLabel: 'Source', from: sourceId, type: PUBLISHED_BY, toLabel: 'Organization', to: id(publishedBy), props: {},
          evidence: [{ source: sourceId, paragraph: 0, note: PUBLISHER_EVIDENCE_NOTE }],
        });
      }
    }

    for (const { section, label } of SECTIONS) {
      const refFields = REFERENCE_FIELDS.filter((r) => r.section === section);
      const rows = nodes.get(label) ?? new Map<string, NodeRow>();
      nodes.set(label, rows);
      for (const entry of (doc[section] ?? []) as unknown as Record<string, unknown>[]) {
        const evidence = resolve(entry.evidence as Evidence[]);
        const graphId = id(entry.id as string);
        const scalar: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(entry)) {
          if (key === 'id' || key === 'evidence' || key === 'participants' || refFields.some((r) => r.field === key)) continue;
          scalar[key] = value;
        }
        let row: NodeRow;
        if (label === 'Person') {
          const { name, aliases, otherIds, ...rest } = scalar as { name: string; aliases?: string[]; otherIds?: string[] };
          const existing = batch.existingPeople.has(graphId) || graphId !== entry.id;
          row = {
            id: graphId,
            props: existing ? rest : { ...rest, name },
            evidence,
            aliases: existing ? union([name], aliases) : aliases ?? [],
            otherIds: union(otherIds, graphId === entry.id ? [] : [entry.id as string]),
            nameKeys: nameKeys([name, ...(aliases ?? [])]),
          };
        } else {
          row = { id: graphId, props: dateProps(scalar), evidence };
        }
        const before = rows.get(graphId);
        rows.set(graphId, before ? {
          ...row,
          props: { ...before.props, ...row.props },
          evidence: mergeEvidence(before.evidence, row.evidence),
          ...(label === 'Person' ? { aliases: union(before.aliases, row.aliases), otherIds: union(before.otherIds, row.otherIds), nameKeys: union(before.nameKeys, row.nameKeys) } : {}),
        } : row);

        for (const ref of refFields) {
          const value = entry[ref.field] as string | string[] | undefined;
          for (const target of value === undefined ? [] : Array.isArray(value) ? value : [value]) {
            const targetId = id(target);
            const targetLabel = batch.labels.get(target)!;
            addRelationship(ref.direction === 'out'
              ? { fromLabel: label, from: graphId, type: ref.type, toLabel: targetLabel, to: targetId, props: {}, evidence }
              : { fromLabel: targetLabel, from: targetId, type: ref.type, toLabel: label, to: graphId, props: {}, evidence });
          }
        }
        if (section === 'meetings') {
          for (const p of (entry as unknown as NonNullable<SourceDocument['meetings']>[number]).participants) {
            addRelationship({
              fromLabel: 'Person', from: id(p.person), type: ATTENDED, toLabel: 'Meeting', to: graphId,
              props: { role: p.role, ...(p.post ? { post: id(p.post) } : {}) },
              evidence: p.evidence ? resolve(p.evidence) : evidence,
            });
          }
        }
      }
    }
  }

  return {
    sources: [...sources].map(([sourceId, props]) => ({ id: sourceId, props })),
    nodes: new Map([...nodes].map(([label, rows]) => [label, [...rows.values()]])),
    relationships: [...relationships.values()],
  };
}

/** Relationship rows grouped by their (start label, type, end label), the unit one statement writes. */
export function groupRelationships(plan: WritePlan): { fromLabel: string; type: string; toLabel: string; rows: RelationshipRow[] }[] {
  const groups = new Map<string, { fromLabel: string; type: string; toLabel: string; rows: RelationshipRow[] }>();
  for (const rel of plan.relationships) {
    const key = `${rel.fromLabel}|${rel.type}|${rel.toLabel}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { fromLabel: rel.fromLabel, type: rel.type, toLabel: rel.toLabel, rows: [] }));
    group.rows.push(rel);
  }
  return [...groups.values()];
}

/** How many rows the plan writes: nodes, their evidence links and relationships; the progress bar counts these. */
export function planSize(plan: WritePlan): number {
  let size = plan.sources.length + plan.relationships.length;
  for (const rows of plan.nodes.values()) size += rows.length + rows.reduce((n, r) => n + r.evidence.length, 0);
  return size;
}
