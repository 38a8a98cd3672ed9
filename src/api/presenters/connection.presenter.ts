import { RELATIONSHIP_TYPES, type RelationshipTypeSpec, termLabel } from '../../domain/registry/index.js';
import type { ConnectionModel, EntityModel, RawPathModel, SourceModel } from '../../repositories/models.js';

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
      // A label the cases above do not word is named by its name, else by its label and id.
      return 'name' in e && typeof e.name === 'string' ? e.name : `the ${e.__typename} ${e.id}`;
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

/** The newest dated step of a path: a meeting, statement, visit, relation or term of office on the way. */
function newestDate(nodes: EntityModel[]): { value: string; latest: string } | undefined {
  const dates = nodes.flatMap((n) => {
    const date = 'date' in n ? n.date : 'start' in n ? n.start : null;
    return date ? [date] : [];
  });
  return dates.sort((a, b) => b.latest.localeCompare(a.latest))[0];
}

/** The tie strength of a path, the mean of its hops' strengths from the registry, with each part in words. */
function rank(path: RawPathModel): { score: number; parts: { reason: string; value: number }[]; newest: string } {
  const parts = path.relationships.map((r) => {
    const tie = (RELATIONSHIP_TYPES as Record<string, RelationshipTypeSpec>)[r.type]?.tie ?? 1;
    return { reason: `${r.type}: tie strength ${tie}`, value: tie };
  });
  const score = Math.round((parts.reduce((sum, p) => sum + p.value, 0) / Math.max(1, parts.length)) * 100) / 100;
  const newest = newestDate(path.nodes);
  return {
    score,
    parts: newest ? [...parts, { reason: `newest dated step ${newest.value}`, value: 0 }] : parts,
    newest: newest?.latest ?? '',
  };
}

/**
 * Orders paths of equal length by the strength of their ties (a shared meeting before a statement before a shared
 * country) then by their newest dated step, or the other way round, and keeps the first `first`.
 */
export function rankConnections(paths: RawPathModel[], orderBy: 'STRENGTH' | 'RECENCY', first: number) {
  return paths
    .map((path) => ({ path, ...rank(path) }))
    .sort((a, b) => {
      const length = a.path.relationships.length - b.path.relationships.length;
      const strength = b.score - a.score;
      const recency = b.newest.localeCompare(a.newest);
      return length || (orderBy === 'STRENGTH' ? strength || recency : recency || strength);
    })
    .slice(0, first);
}

/** Turns paths as the graph returns them into hops in path order, each explained along the relationship's own direction. */
export function presentConnections(
  paths: RawPathModel[],
  sources: SourceModel[],
  order: { orderBy: 'STRENGTH' | 'RECENCY'; first: number } = { orderBy: 'STRENGTH', first: paths.length },
): ConnectionModel[] {
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  return rankConnections(paths, order.orderBy, order.first).map(({ path: { nodes, relationships }, score, parts }) => ({
    length: relationships.length,
    path: nodes,
    score,
    scoreParts: parts,
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
