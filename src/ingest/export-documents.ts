import type { Db, Row } from '../db/run-query.js';
import { readGraphForExport } from '../repositories/source-document.repository.js';
import {
  ATTENDED,
  DOCUMENT_FORMAT,
  REFERENCE_FIELDS,
  SECTIONS,
  type Evidence,
  type SourceDocument,
  type SourceEntry,
} from './source-document.js';
import { DATE_FIELDS } from './write-plan.js';

const DERIVED = new Set([...DATE_FIELDS.flatMap((f) => [`${f}Precision`, `${f}From`, `${f}To`]), 'nameKeys', 'nameKeyText', 'otherIdText', 'caption', 'id']);

function ownFields(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k, v]) => !DERIVED.has(k) && !(Array.isArray(v) && v.length === 0)));
}

interface RelationshipView {
  type: string;
  target: string;
  out: boolean;
  props: { sourceIds?: string[]; paragraphs?: number[]; notes?: string[]; [key: string]: unknown };
}

function evidenceFrom(props: RelationshipView['props'], source: string): Evidence[] {
  return (props.sourceIds ?? []).flatMap((s, i) => (s === source ? [{ paragraph: props.paragraphs![i]!, note: props.notes![i]! }] : []));
}

const sameEvidence = (a: Evidence[], b: Evidence[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes the graph back out as source documents, one per source, each holding exactly what that source supports:
 * ingesting all of them into an empty graph rebuilds the same graph.
 */
export async function exportDocuments(db: Db): Promise<SourceDocument[]> {
  const { sources, entities, publishers } = await readGraphForExport(db);
  const publisherOf = new Map(publishers.map((p) => [p.source as string, p.organization as string]));
  const documents = new Map<string, SourceDocument>();
  for (const source of sources) {
    const entry = { id: source.id, ...ownFields(source.props as Record<string, unknown>) } as SourceEntry;
    const publishedBy = publisherOf.get(source.id as string);
    if (publishedBy) entry.publishedBy = publishedBy;
    documents.set(source.id as string, { format: DOCUMENT_FORMAT, sources: [entry] });
  }

  for (const { section, label } of SECTIONS) {
    const refFields = REFERENCE_FIELDS.filter((r) => r.section === section);
    for (const node of entities.get(label) ?? []) {
      const evidence = node.evidence as (Evidence & { source: string })[];
      const relationships = node.relationships as RelationshipView[];
      for (const sourceId of [...new Set(evidence.map((e) => e.source))].sort()) {
        const doc = documents.get(sourceId)!;
        const ownEvidence = evidence
          .filter((e) => e.source === sourceId)
          .map(({ paragraph, note }) => ({ paragraph, note }))
          .sort((a, b) => a.paragraph - b.paragraph);
        const entry: Row = { id: node.id, ...ownFields(node.props as Record<string, unknown>) };
        for (const ref of refFields) {
          const targets = relationships
            .filter((r) => r.type === ref.type && r.out === (ref.direction === 'out') && evidenceFrom(r.props, sourceId).length > 0)
            .map((r) => r.target)
            .sort();
          if (targets.length > 0) entry[ref.field] = ref.many ? targets : targets[0];
        }
        if (section === 'meetings') {
          entry.participants = relationships
            .filter((r) => r.type === ATTENDED && !r.out && evidenceFrom(r.props, sourceId).length > 0)
            .sort((a, b) => a.target.localeCompare(b.target))
            .map((r) => {
              const own = evidenceFrom(r.props, sourceId).sort((a, b) => a.paragraph - b.paragraph);
              return {
                person: r.target,
                role: r.props.role,
                ...(r.props.post ? { post: r.props.post } : {}),
                ...(sameEvidence(own, ownEvidence) ? {} : { evidence: own }),
              };
            });
        }
        entry.evidence = ownEvidence;
        ((doc[section] ??= []) as unknown[]).push(entry);
      }
    }
  }
  return [...documents.values()];
}
