import { DOCUMENT_LABELS, type LabelSpec, type VocabularyName, vocabularyGraph } from '../domain/registry/index.js';

/**
 * Cypher map projections shared by the repositories, so every query returns an entity in the same shape: its own
 * fields, `__typename` (which GraphQL uses to resolve unions), and dates as PartialDate maps. Relationship fields
 * are not here: each entity type's details query loads them, one batch per level of a request.
 * Variable names are passed in so nested projections never capture an outer variable.
 */

export function partialDate(v: string, field: string): string {
  const d = `${v}.${field}`;
  return `CASE WHEN ${d} IS NULL THEN null ELSE {value: ${d}, precision: ${d}Precision, earliest: ${d}From, latest: ${d}To} END`;
}

/** Term codes as {code, label, description} maps, read from the vocabulary's Term nodes (by their unique id). */
export function termObjects(vocabulary: VocabularyName, codes: string): string {
  return `[code IN coalesce(${codes}, []) | coalesce(head(COLLECT { MATCH (term:Term {id: '${vocabulary}/' + code})
    RETURN term {.code, .label, .description} }), {code: code, label: code, description: null})]`;
}

/** The own fields of a label as a map projection: scalars as they are, lists never null, dates as PartialDate maps. */
function projectionOf(spec: LabelSpec): (v: string) => string {
  return (v) => {
    const parts = ['.id'];
    for (const [name, field] of Object.entries(spec.fields)) {
      if (field.kind === 'date') parts.push(`${name}: ${partialDate(v, name)}`);
      else if (field.kind === 'terms' && vocabularyGraph(field.vocabulary))
        parts.push(`${name}: ${termObjects(field.vocabulary, `${v}.${name}`)}`);
      else if (field.kind === 'texts' || field.kind === 'terms') parts.push(`${name}: coalesce(${v}.${name}, [])`);
      else if (field.kind !== 'ref' && field.kind !== 'links' && field.kind !== 'ids') parts.push(`.${name}`);
    }
    return `${v} {${parts.join(', ')}, __typename: '${spec.label}'}`;
  };
}

const PROJECTIONS: Record<string, (v: string) => string> = Object.fromEntries(
  DOCUMENT_LABELS.map((spec) => [spec.label, projectionOf(spec)]),
);

/** The projection of one node whose label is known. */
export function project(label: string, v: string): string {
  const projection = PROJECTIONS[label];
  if (!projection) throw new Error(`no projection for label ${label}`);
  return projection(v);
}

/** The projection of a node whose label is one of several (a union member). */
export function projectAny(labels: readonly string[], v: string): string {
  return `CASE ${labels.map((l) => `WHEN ${v}:${l} THEN ${project(l, v)}`).join(' ')} END`;
}

/** Evidence of a node: one SUPPORTED_BY relationship per source paragraph. */
export function nodeEvidence(v: string): string {
  const [e, s] = [`${v}_e`, `${v}_s`];
  return `COLLECT { MATCH (${v})-[${e}:SUPPORTED_BY]->(${s}:Source)
    RETURN {source: ${project('Source', s)}, paragraph: ${e}.paragraph, note: ${e}.note} AS evidence ORDER BY ${s}.id, ${e}.paragraph }`;
}

/** Evidence of a relationship, kept in its aligned sourceIds/paragraphs/notes lists. */
export function relationshipEvidence(r: string): string {
  const [i, s] = [`${r}_i`, `${r}_s`];
  return `COLLECT { UNWIND range(0, size(coalesce(${r}.sourceIds, [])) - 1) AS ${i} MATCH (${s}:Source {id: ${r}.sourceIds[${i}]})
    RETURN {source: ${project('Source', s)}, paragraph: ${r}.paragraphs[${i}], note: ${r}.notes[${i}]} AS evidence
    ORDER BY ${s}.id, ${r}.paragraphs[${i}] }`;
}
