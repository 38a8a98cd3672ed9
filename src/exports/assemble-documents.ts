import {
  DATE_FIELDS,
  DOCUMENT_FORMAT,
  ENTITY_LABEL_SPECS,
  type Evidence,
  type LabelSpec,
  LINKS_FIELDS,
  REFERENCE_FIELDS,
  type SourceDocument,
  type SourceEntry,
} from '../domain/registry/index.js';

/** What the export reads from the graph: each node with its evidence and relationships, by label. */
export interface GraphRows {
  sources: { id: string; props: Record<string, unknown> }[];
  entities: Map<
    string,
    {
      id: string;
      props: Record<string, unknown>;
      evidence: (Evidence & { source: string; props: Record<string, unknown> })[];
      relationships: RelationshipView[];
    }[]
  >;
  publishers: { source: string; organization: string }[];
  terms: { vocabulary: string; code: string; label: string; description: string; sources: string[] }[];
}

export interface RelationshipView {
  type: string;
  target: string;
  out: boolean;
  props: { sourceIds?: string[]; paragraphs?: number[]; notes?: string[]; [key: string]: unknown };
}

const DERIVED = new Set([
  ...DATE_FIELDS.flatMap((f) => [`${f}Precision`, `${f}From`, `${f}To`]),
  'nameKeys',
  'nameKeyText',
  'otherIdText',
  'blockKeys',
  'blockKeyText',
  'caption',
  'metadataKey',
  'id',
]);

/** A node's or relationship's properties without those the graph derives (keys, windows, captions). */
export function ownFields(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k, v]) => !DERIVED.has(k) && !(Array.isArray(v) && v.length === 0)));
}

function evidenceFrom(props: RelationshipView['props'], source: string): Evidence[] {
  return (props.sourceIds ?? []).flatMap((s, i) => (s === source ? [{ paragraph: props.paragraphs![i]!, note: props.notes![i]! }] : []));
}

const sameEvidence = (a: Evidence[], b: Evidence[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Turns what the graph holds back into source documents, one per source, each holding exactly what that source
 * supports: ingesting all of them into an empty graph rebuilds the same graph. Which relationship goes back into
 * which field is read from the registry. Pure.
 */
export function assembleDocuments({ sources, entities, publishers, terms }: GraphRows): SourceDocument[] {
  const publisherOf = new Map(publishers.map((p) => [p.source, p.organization]));
  const documents = new Map<string, SourceDocument>();
  for (const source of sources) {
    const entry = { id: source.id, ...ownFields(source.props) } as SourceEntry;
    const publishedBy = publisherOf.get(source.id);
    if (publishedBy) entry.publishedBy = publishedBy;
    documents.set(source.id, { format: DOCUMENT_FORMAT, sources: [entry] });
  }
  for (const { sources: declaredBy, ...term } of terms) {
    for (const sourceId of declaredBy) {
      const doc = documents.get(sourceId);
      if (doc) doc.vocabulary = [...(doc.vocabulary ?? []), term];
    }
  }

  for (const spec of ENTITY_LABEL_SPECS) {
    const refFields = REFERENCE_FIELDS.filter((r) => r.section === spec.section);
    const linksFields = LINKS_FIELDS.filter((l) => l.section === spec.section);
    for (const node of entities.get(spec.label) ?? []) {
      for (const sourceId of [...new Set(node.evidence.map((e) => e.source))].sort()) {
        const doc = documents.get(sourceId)!;
        const ownEvidence = node.evidence
          .filter((e) => e.source === sourceId)
          .map(({ paragraph, note }) => ({ paragraph, note }))
          .sort((a, b) => a.paragraph - b.paragraph);
        const entry: Record<string, unknown> = { id: node.id, ...ownFields(node.props) };
        // A date each source states for itself comes from that source's evidence, not the entity's latest value.
        for (const field of (spec as LabelSpec).perEvidence ?? []) {
          const stated = node.evidence.find((e) => e.source === sourceId && e.props[field] !== undefined)?.props[field];
          if (stated !== undefined) entry[field] = stated;
          else if (node.evidence.some((e) => e.props[field] !== undefined)) delete entry[field];
        }
        const fromSource = (type: string, out: boolean) =>
          node.relationships.filter((r) => r.type === type && r.out === out && evidenceFrom(r.props, sourceId).length > 0);
        for (const ref of refFields) {
          const targets = fromSource(ref.type, ref.direction === 'out')
            .map((r) => r.target)
            .sort();
          if (targets.length > 0) entry[ref.field] = ref.many ? targets : targets[0];
        }
        for (const links of linksFields) {
          entry[links.field] = fromSource(links.type, links.direction === 'out')
            .sort((a, b) => a.target.localeCompare(b.target))
            .map((r) => {
              const own = evidenceFrom(r.props, sourceId).sort((a, b) => a.paragraph - b.paragraph);
              const item: Record<string, unknown> = { [links.key]: r.target };
              for (const name of [...Object.keys(links.properties), ...Object.keys(links.refProperties)]) {
                if (r.props[name] !== undefined && r.props[name] !== null) item[name] = r.props[name];
              }
              if (!sameEvidence(own, ownEvidence)) item.evidence = own;
              return item;
            });
        }
        entry.evidence = ownEvidence;
        const sections = doc as unknown as Record<string, unknown[] | undefined>;
        const list = sections[spec.section] ?? [];
        sections[spec.section] = list;
        list.push(entry);
      }
    }
  }
  return [...documents.values()];
}
