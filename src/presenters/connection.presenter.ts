import { RELATIONSHIP_TYPES, type RelationshipTypeSpec, termLabel } from '../domain/registry/index.js';
import type { ConnectionModel, EntityModel, RawPathModel, SourceModel } from '../repositories/models.js';

/** How an entity is named in an explanation. */
export function describeEntity(e: EntityModel): string {
  switch (e.__typename) {
    case 'Post':
      return `the post of ${e.title}`;
    case 'Tenure':
      return `a term of office${e.start ? ` from ${e.start.value}` : ''}`;
    case 'Visit':
      return `the visit "${e.title}"`;
    case 'Meeting':
      return `the ${e.format.toLowerCase().replace(/_/g, ' ')} meeting${e.date ? ` of ${e.date.value}` : ''}`;
    case 'Statement':
      return `the statement "${e.summary}"`;
    case 'CountryRelation':
      return `the relation "${e.summary}"`;
    case 'TradeFigure':
      return `the ${e.flow.toLowerCase()} figure for ${e.period.value}`;
    default:
      return e.name;
  }
}

/** The words of one relationship, from the registry's template: {start}, {end} and an optional { as role}. */
export function explainRelationship(type: string, start: string, end: string, role: string | null): string {
  const spec = (RELATIONSHIP_TYPES as Record<string, RelationshipTypeSpec>)[type];
  if (!spec) return `${start} is linked (${type}) to ${end}`;
  const roleWords = role ? ` as ${lowerFirst(termLabel('participantRole', role))}` : '';
  return spec.explanation.replace('{start}', start).replace('{end}', end).replace('{ as role}', roleWords);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Turns paths as the graph returns them into hops in path order, each explained along the relationship's own direction. */
export function presentConnections(paths: RawPathModel[], sources: SourceModel[]): ConnectionModel[] {
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  return paths.map(({ nodes, relationships }) => ({
    length: relationships.length,
    path: nodes,
    hops: relationships.map((r, i) => {
      const from = nodes[i]!;
      const to = nodes[i + 1]!;
      const [start, end] = r.start === from.id ? [from, to] : [to, from];
      return {
        from,
        to,
        relationship: r.type,
        explanation: explainRelationship(r.type, describeEntity(start), describeEntity(end), r.role),
        evidence: r.sourceIds.flatMap((id, j) => {
          const source = sourceById.get(id);
          return source ? [{ source, paragraph: r.paragraphs[j]!, note: r.notes[j]! }] : [];
        }),
      };
    }),
  }));
}
