/**
 * Cypher map projections shared by the repositories, so every query returns an entity in the same shape: its own
 * fields, `__typename` (which GraphQL uses to resolve unions), and dates as PartialDate maps. Relationship fields
 * are not here: each entity type's details query loads them, one batch per level of a request.
 * Variable names are passed in so nested projections never capture an outer variable.
 */

export function partialDate(v: string, field: string): string {
  return `CASE WHEN ${v}.${field} IS NULL THEN null ELSE {value: ${v}.${field}, precision: ${v}.${field}Precision, earliest: ${v}.${field}From, latest: ${v}.${field}To} END`;
}

const PROJECTIONS: Record<string, (v: string) => string> = {
  Person: (v) => `${v} {.id, .name, aliases: coalesce(${v}.aliases, []), __typename: 'Person'}`,
  Country: (v) => `${v} {.id, .name, __typename: 'Country'}`,
  Place: (v) => `${v} {.id, .name, .kind, __typename: 'Place'}`,
  Organization: (v) => `${v} {.id, .name, .shortName, .kind, __typename: 'Organization'}`,
  Post: (v) => `${v} {.id, .title, __typename: 'Post'}`,
  Tenure: (v) => `${v} {.id, start: ${partialDate(v, 'start')}, end: ${partialDate(v, 'end')}, attested: ${partialDate(v, 'attested')}, __typename: 'Tenure'}`,
  Visit: (v) => `${v} {.id, .title, .summary, date: ${partialDate(v, 'date')}, __typename: 'Visit'}`,
  Meeting: (v) => `${v} {.id, .format, topics: coalesce(${v}.topics, []), .summary, date: ${partialDate(v, 'date')}, __typename: 'Meeting'}`,
  Statement: (v) => `${v} {.id, .kind, .summary, date: ${partialDate(v, 'date')}, __typename: 'Statement'}`,
  CountryRelation: (v) => `${v} {.id, .kind, .summary, date: ${partialDate(v, 'date')}, __typename: 'CountryRelation'}`,
  TradeFigure: (v) => `${v} {.id, .flow, .amount, .currency, period: ${partialDate(v, 'period')}, __typename: 'TradeFigure'}`,
  Source: (v) => `${v} {.id, .kind, .publisher, .title, .author, .language, .url, .paragraphs, published: ${partialDate(v, 'published')}, __typename: 'Source'}`,
};

/** Labels a path or union may hold, in the order CASE tests them. */
export const ENTITY_PROJECTION_LABELS = ['Person', 'Organization', 'Country', 'Place', 'Post', 'Tenure', 'Visit', 'Meeting', 'Statement', 'CountryRelation', 'TradeFigure'] as const;

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
  return `COLLECT { MATCH (${v})-[${v}_e:SUPPORTED_BY]->(${v}_s:Source) RETURN {source: ${project('Source', `${v}_s`)}, paragraph: ${v}_e.paragraph, note: ${v}_e.note} AS evidence ORDER BY ${v}_s.id, ${v}_e.paragraph }`;
}

/** Evidence of a relationship, kept in its aligned sourceIds/paragraphs/notes lists. */
export function relationshipEvidence(r: string): string {
  return `COLLECT { UNWIND range(0, size(coalesce(${r}.sourceIds, [])) - 1) AS ${r}_i MATCH (${r}_s:Source {id: ${r}.sourceIds[${r}_i]}) RETURN {source: ${project('Source', `${r}_s`)}, paragraph: ${r}.paragraphs[${r}_i], note: ${r}.notes[${r}_i]} AS evidence ORDER BY ${r}_s.id, ${r}.paragraphs[${r}_i] }`;
}
