import { DOCUMENT_LABELS, type LabelSpec, type VocabularyName, vocabularyGraph } from '../domain/registry/index.js';
import { type BoundedField, MAX_FIRST } from '../list-bounds.js';

/**
 * Cypher map projections shared by the repositories, so every query returns an entity in the same shape: its own
 * fields, `__typename` (which GraphQL uses to resolve unions), and dates as PartialDate maps. Relationship fields
 * are not here: each entity type's details query loads them, one batch per level of a request.
 * Variable names are passed in so nested projections never capture an outer variable.
 */

/** Each part of a PartialDate and the suffix of the property that keeps it beside the date's own. */
const DATE_PARTS = [
  ['value', ''],
  ['precision', 'Precision'],
  ['earliest', 'From'],
  ['latest', 'To'],
] as const;

/**
 * A date as a PartialDate map with the parts `selection` asks for (none, or an empty one: all four). A busy
 * official's counterparts carry hundreds of dates; asked for their values alone, each is a quarter of the map.
 */
export function partialDate(v: string, field: string, selection?: Selection): string {
  const d = `${v}.${field}`;
  const asked = DATE_PARTS.filter(([part]) => !selection || Object.keys(selection).length === 0 || part in selection);
  const parts = asked.length > 0 ? asked : DATE_PARTS.slice(0, 1);
  return `CASE WHEN ${d} IS NULL THEN null ELSE {${parts.map(([part, suffix]) => `${part}: ${d}${suffix}`).join(', ')}} END`;
}

/** Term codes as {code, label, description} maps, read from the vocabulary's Term nodes (by their unique id). */
export function termObjects(vocabulary: VocabularyName, codes: string): string {
  return `[code IN coalesce(${codes}, []) | coalesce(head(COLLECT { MATCH (term:Term {id: '${vocabulary}/' + code})
    RETURN term {.code, .label, .description} }), {code: code, label: code, description: null})]`;
}

/** Where a selection keeps the `first` its field was asked with (the largest, when aliases ask for it several ways). */
export const FIRST: unique symbol = Symbol('first');

/**
 * What a request asks of an entity: each field it selects, with what it selects of that field's value (a scalar
 * field maps to an empty selection), and for a list the `first` it was asked with. Repositories compile it into
 * their statements so an answer carries what was asked and no more; left out, a projection holds every own field.
 */
export type Selection = { readonly [field: string]: Selection; readonly [FIRST]?: number };

/** One string per distinct selection, whatever the order its fields were asked in, with the `first` of its lists. */
export function selectionKey(selection: Selection | undefined): string {
  if (!selection) return '*';
  const fields = Object.keys(selection)
    .sort()
    .map((field) => {
      const inner = selection[field]!;
      return Object.keys(inner).length || inner[FIRST] !== undefined ? `${field}${selectionKey(inner)}` : field;
    });
  return `${selection[FIRST] === undefined ? '' : `${selection[FIRST]}`}{${fields.join(' ')}}`;
}

/**
 * How many items of the list `field` a statement reads: the `first` the selection was asked with, within the
 * field's maximum; the maximum when no selection says (a projection of everything), so Neo4j never sends more.
 */
export function itemsOf(field: BoundedField, selection: Selection | undefined): number {
  const max = MAX_FIRST[field];
  const first = selection?.[FIRST];
  return first === undefined ? max : Math.min(max, Math.max(0, Math.trunc(first)));
}

/** Whether a selection (none: everything) asks for `field`. */
export function asks(selection: Selection | undefined, field: string): boolean {
  return !selection || field in selection;
}

/** True when a term list is asked for its codes alone: then the vocabulary's Term nodes need not be read. */
function codesOnly(selection: Selection | undefined): boolean {
  return selection !== undefined && Object.keys(selection).every((field) => field === 'code');
}

/**
 * The own fields of a label as a map projection: scalars as they are, lists never null and no longer than asked
 * (their `first`, or their maximum), dates as PartialDate maps.
 */
function projectionOf(spec: LabelSpec): (v: string, selection?: Selection) => string {
  for (const [name, field] of Object.entries(spec.fields)) {
    if ((field.kind === 'texts' || field.kind === 'terms') && !(`${spec.label}.${name}` in MAX_FIRST))
      throw new Error(`the list ${spec.label}.${name} has no maximum in MAX_FIRST`);
  }
  return (v, selection) => {
    const parts = ['.id'];
    for (const [name, field] of Object.entries(spec.fields)) {
      if (selection && !(name in selection)) continue;
      const upTo = () => `[..${itemsOf(`${spec.label}.${name}` as BoundedField, selection?.[name])}]`;
      if (field.kind === 'date') parts.push(`${name}: ${partialDate(v, name, selection?.[name])}`);
      else if (field.kind === 'terms' && vocabularyGraph(field.vocabulary) && codesOnly(selection?.[name]))
        parts.push(`${name}: [${v}_code IN coalesce(${v}.${name}, [])${upTo()} | {code: ${v}_code}]`);
      else if (field.kind === 'terms' && vocabularyGraph(field.vocabulary))
        parts.push(`${name}: ${termObjects(field.vocabulary, `${v}.${name}${upTo()}`)}`);
      else if (field.kind === 'texts' || field.kind === 'terms') parts.push(`${name}: coalesce(${v}.${name}, [])${upTo()}`);
      else if (field.kind !== 'ref' && field.kind !== 'links' && field.kind !== 'ids') parts.push(`.${name}`);
    }
    return `${v} {${parts.join(', ')}, __typename: '${spec.label}'}`;
  };
}

const PROJECTIONS: Record<string, (v: string, selection?: Selection) => string> = Object.fromEntries(
  DOCUMENT_LABELS.map((spec) => [spec.label, projectionOf(spec)]),
);

/** The projection of one node whose label is known: the fields `selection` names, or all of them. */
export function project(label: string, v: string, selection?: Selection): string {
  const projection = PROJECTIONS[label];
  if (!projection) throw new Error(`no projection for label ${label}`);
  return projection(v, selection);
}

/** The projection of a node whose label is one of several (a union member). */
export function projectAny(labels: readonly string[], v: string, selection?: Selection): string {
  return `CASE ${labels.map((l) => `WHEN ${v}:${l} THEN ${project(l, v, selection)}`).join(' ')} END`;
}

/** Evidence of a node, its first `items`: one SUPPORTED_BY relationship per source paragraph. */
export function nodeEvidence(v: string, items: number): string {
  const [e, s] = [`${v}_e`, `${v}_s`];
  return `COLLECT { MATCH (${v})-[${e}:SUPPORTED_BY]->(${s}:Source)
    RETURN {source: ${project('Source', s)}, paragraph: ${e}.paragraph, note: ${e}.note} AS evidence ORDER BY ${s}.id, ${e}.paragraph
    LIMIT ${items} }`;
}

/** The post an ATTENDED relationship `a` names (bound to `v` inside), as `selection` asks for it. */
export function attendedPost(a: string, v: string, selection?: Selection): string {
  return `head(COLLECT { MATCH (${v}:Post {id: ${a}.post}) RETURN ${project('Post', v, selection)} })`;
}

/**
 * Evidence of a relationship, kept in its aligned sourceIds/paragraphs/notes lists: the first `field` (the list it
 * answers) asks for, its sources as `selection` asks.
 */
export function relationshipEvidence(r: string, field: BoundedField, selection?: Selection): string {
  const [i, s] = [`${r}_i`, `${r}_s`];
  return `COLLECT { UNWIND range(0, size(coalesce(${r}.sourceIds, [])) - 1) AS ${i} MATCH (${s}:Source {id: ${r}.sourceIds[${i}]})
    RETURN {source: ${project('Source', s, selection?.source)}, paragraph: ${r}.paragraphs[${i}], note: ${r}.notes[${i}]} AS evidence
    ORDER BY ${s}.id, ${r}.paragraphs[${i}] LIMIT ${itemsOf(field, selection)} }`;
}
