import { blockKeys } from '../domain/name-words.js';
import { nameKeys } from '../domain/names.js';
import { partialDateProperties } from '../domain/partial-date.js';
import {
  DATE_FIELDS,
  ENTITY_LABEL_SPECS,
  type EntityLabel,
  type Evidence,
  type LabelSpec,
  LINKS_FIELDS,
  PUBLISHER_EVIDENCE_NOTE,
  REFERENCE_FIELDS,
  SOURCE_LABEL,
} from '../domain/registry/index.js';
import { sourceMetadataKey } from '../domain/source-metadata.js';
import type { NodeRow, RelationshipRow, ResolvedEvidence, TermRow, WritePlan } from '../domain/write-plan-rows.js';
import { entriesOf } from './validation/entries.js';
import type { ResolvedBatch } from './validation/validate-batch.js';

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

/** An entry's own values (neither references nor links), dates spread into their stored properties. */
function ownProperties(spec: LabelSpec, entry: Record<string, unknown>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    const field = spec.fields[key];
    if (!field || field.kind === 'ref' || field.kind === 'links') continue;
    if (DATE_FIELDS.includes(key)) Object.assign(props, partialDateProperties(key, value as string));
    else props[key] = value;
  }
  return props;
}

/** The entry's perEvidence dates, with their windows, on each of its evidence rows. */
function withDates(spec: LabelSpec, entry: Record<string, unknown>, evidence: ResolvedEvidence[]): ResolvedEvidence[] {
  const dates: Record<string, string> = Object.assign(
    {},
    ...(spec.perEvidence ?? []).map((field) => partialDateProperties(field, entry[field] as string | undefined)),
  );
  return Object.keys(dates).length === 0 ? evidence : evidence.map((e) => ({ ...e, dates }));
}

const toArray = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? (value as string[]) : [value as string]);

/**
 * Turns a validated batch into rows for the writer: one row per node and per relationship, with ids mapped to
 * the graph's, rows for the same node or relationship merged (later documents win on scalar fields, lists and
 * evidence are united), and every relationship carrying the evidence of the entry that names it. Which fields
 * become properties, relationships or links is read from the registry.
 */
export function buildWritePlan(batch: ResolvedBatch): WritePlan {
  const id = (docId: string) => batch.idMap.get(docId) ?? docId;
  const sources = new Map<string, Record<string, unknown>>();
  const nodes = new Map<EntityLabel, Map<string, NodeRow>>(ENTITY_LABEL_SPECS.map((s) => [s.label, new Map()]));
  const relationships = new Map<string, RelationshipRow>();
  const terms = new Map<string, TermRow>();

  const addRelationship = (row: RelationshipRow) => {
    const key = `${row.fromLabel}\u0000${row.from}\u0000${row.type}\u0000${row.toLabel}\u0000${row.to}`;
    const before = relationships.get(key);
    relationships.set(
      key,
      before ? { ...row, props: { ...before.props, ...row.props }, evidence: mergeEvidence(before.evidence, row.evidence) } : row,
    );
  };
  const link = (
    label: EntityLabel | 'Source',
    entityId: string,
    ref: { type: string; direction: 'out' | 'in' },
    target: string,
    props: Record<string, unknown>,
    evidence: ResolvedEvidence[],
  ) => {
    const targetLabel = batch.labels.get(target)!;
    const targetId = id(target);
    addRelationship(
      ref.direction === 'out'
        ? { fromLabel: label, from: entityId, type: ref.type, toLabel: targetLabel, to: targetId, props, evidence }
        : { fromLabel: targetLabel, from: targetId, type: ref.type, toLabel: label as EntityLabel, to: entityId, props, evidence },
    );
  };

  for (const { document } of batch.documents) {
    const declaredBy = document.sources.map((s) => s.id);
    for (const term of document.vocabulary ?? []) {
      const key = `${term.vocabulary}/${term.code}`;
      terms.set(key, { ...term, sources: [...new Set([...(terms.get(key)?.sources ?? []), ...declaredBy])] });
    }
    const resolve = (evidence: Evidence[]): ResolvedEvidence[] =>
      evidence.map((e) => ({ source: e.source ?? document.sources[0]!.id, paragraph: e.paragraph, note: e.note })).sort(byEvidenceOrder);

    for (const { spec, entry } of entriesOf(document)) {
      const label = spec.label as EntityLabel | 'Source';
      const graphId = label === 'Source' ? entry.id : id(entry.id);
      const evidence =
        label === 'Source'
          ? [{ source: entry.id, paragraph: 0, note: PUBLISHER_EVIDENCE_NOTE }]
          : withDates(spec, entry, resolve(entry.evidence ?? []));
      if (label === 'Source') {
        sources.set(graphId, { ...sources.get(graphId), ...ownProperties(SOURCE_LABEL, entry), metadataKey: sourceMetadataKey(entry) });
      } else {
        const rows = nodes.get(label)!;
        const row =
          label === 'Person' ? personRow(batch, entry, graphId, evidence) : { id: graphId, props: ownProperties(spec, entry), evidence };
        const before = rows.get(graphId);
        rows.set(graphId, before ? mergeRows(before, row) : row);
      }
      for (const ref of REFERENCE_FIELDS.filter((r) => r.section === spec.section)) {
        for (const target of toArray(entry[ref.field])) link(label, graphId, ref, target, {}, evidence);
      }
      for (const links of LINKS_FIELDS.filter((l) => l.section === spec.section)) {
        for (const item of (entry[links.field] ?? []) as Record<string, unknown>[]) {
          const props: Record<string, unknown> = {};
          for (const name of Object.keys(links.properties)) if (item[name] !== undefined) props[name] = item[name];
          for (const name of Object.keys(links.refProperties)) if (typeof item[name] === 'string') props[name] = id(item[name] as string);
          const own = item.evidence as Evidence[] | undefined;
          link(label, graphId, links, item[links.key] as string, props, own ? resolve(own) : evidence);
        }
      }
    }
  }

  return {
    sources: [...sources].map(([sourceId, props]) => ({ id: sourceId, props })),
    terms: [...terms.values()],
    nodes: new Map([...nodes].map(([label, rows]) => [label, [...rows.values()]])),
    relationships: [...relationships.values()],
  };
}

/** A person of the graph keeps the name it has: another document's spelling becomes an alias, its id a former id. */
function personRow(batch: ResolvedBatch, entry: Record<string, unknown>, graphId: string, evidence: ResolvedEvidence[]): NodeRow {
  const { name, aliases, otherIds, ...rest } = entry as { name: string; aliases?: string[]; otherIds?: string[] };
  const props = ownProperties(ENTITY_LABEL_SPECS.find((s) => s.label === 'Person')!, rest);
  const existing = batch.existingPeople.has(graphId) || graphId !== entry.id;
  return {
    id: graphId,
    props: existing ? props : { ...props, name },
    evidence,
    aliases: existing ? union([name], aliases) : (aliases ?? []),
    otherIds: union(otherIds, graphId === entry.id ? [] : [entry.id as string]),
    nameKeys: nameKeys([name, ...(aliases ?? [])]),
    blockKeys: blockKeys([name, ...(aliases ?? [])]),
  };
}

function mergeRows(before: NodeRow, row: NodeRow): NodeRow {
  const merged: NodeRow = { ...row, props: { ...before.props, ...row.props }, evidence: mergeEvidence(before.evidence, row.evidence) };
  if (row.nameKeys) {
    merged.aliases = union(before.aliases, row.aliases);
    merged.otherIds = union(before.otherIds, row.otherIds);
    merged.nameKeys = union(before.nameKeys, row.nameKeys);
    merged.blockKeys = union(before.blockKeys, row.blockKeys);
  }
  return merged;
}

/** How many rows the plan writes: nodes, their evidence links and relationships; the progress bar counts these. */
export function planSize(plan: WritePlan): number {
  let size = plan.sources.length + plan.relationships.length;
  for (const rows of plan.nodes.values()) size += rows.length + rows.reduce((n, r) => n + r.evidence.length, 0);
  return size;
}
