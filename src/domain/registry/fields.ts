import { DOCUMENT_LABELS, ENTITY_LABEL_SPECS, type EntityLabel, type LabelSpec, type LinksSpec, type ReferenceSpec } from './labels.js';
import type { RelationshipEnds } from './relationships.js';

/** One reference field of one label, with where it sits in a document. */
export interface ReferenceField extends ReferenceSpec {
  readonly label: EntityLabel | 'Source';
  readonly section: string;
  readonly field: string;
}

/** One links field (meeting participants) of one label. */
export interface LinksField extends LinksSpec {
  readonly label: EntityLabel;
  readonly section: string;
  readonly field: string;
}

/** Every field that names another entity and becomes a relationship: entities' and the source's publisher. */
export const REFERENCE_FIELDS: readonly ReferenceField[] = DOCUMENT_LABELS.flatMap((spec: LabelSpec) =>
  Object.entries(spec.fields).flatMap(([field, f]) =>
    f.kind === 'ref' ? [{ ...f, label: spec.label as EntityLabel | 'Source', section: spec.section, field }] : [],
  ),
);

/** Every list of links with their own properties (meeting participants). */
export const LINKS_FIELDS: readonly LinksField[] = (ENTITY_LABEL_SPECS as readonly LabelSpec[]).flatMap((spec) =>
  Object.entries(spec.fields).flatMap(([field, f]) =>
    f.kind === 'links' ? [{ ...f, label: spec.label as EntityLabel, section: spec.section, field }] : [],
  ),
);

/** The (start)-[type]->(end) combinations the fields write, each once. */
export function relationshipEnds(): RelationshipEnds[] {
  const ends = new Map<string, RelationshipEnds>();
  const add = (type: string, from: string, to: string) =>
    ends.set(`${from}|${type}|${to}`, { type, from: from as RelationshipEnds['from'], to: to as EntityLabel });
  for (const f of [...REFERENCE_FIELDS, ...LINKS_FIELDS]) {
    for (const target of f.targets) {
      if (f.direction === 'out') add(f.type, f.label, target);
      else add(f.type, target as EntityLabel, f.label as EntityLabel);
    }
  }
  return [...ends.values()];
}

/**
 * The relationship types a person can have, by direction: a merge moves each with its own statement. Derived from
 * the fields, so a new relationship to or from a person is moved without another edit.
 */
export function personRelationshipTypes(): { outgoing: string[]; incoming: string[] } {
  const ends = relationshipEnds();
  return {
    outgoing: [...new Set(ends.filter((e) => e.from === 'Person').map((e) => e.type))],
    incoming: [...new Set(ends.filter((e) => e.to === 'Person').map((e) => e.type))],
  };
}
