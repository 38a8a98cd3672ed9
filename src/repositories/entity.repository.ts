import type { Db } from '../db/run-query.js';
import { type EntityLabel, ID_SPACE_LABEL, kindOf } from '../domain/registry/index.js';
import { personNamedBy } from './current-person.js';
import type { ModelOf } from './models.js';
import { project } from './projections.js';

/** The kind (label) of each id the graph holds; a merged person's former id answers Person. */
export const FIND_ENTITY_KINDS = `
UNWIND $ids AS id
OPTIONAL MATCH (n:${ID_SPACE_LABEL} {id: id})
WITH id, ${kindOf('n')} AS label
RETURN id, coalesce(label, CASE WHEN ${personNamedBy('id')} IS NOT NULL THEN 'Person' END) AS label`;

export async function findEntityKinds(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.read(FIND_ENTITY_KINDS, { ids: [...ids] });
  return new Map(rows.filter((row) => row.label !== null).map((row) => [row.id as string, row.label as string]));
}

/** One entity of a label by its id, with its own fields; null when the graph holds none. */
export async function findEntityById<L extends EntityLabel>(db: Db, label: L, id: string): Promise<ModelOf<L> | null> {
  const [row] = await db.read(`MATCH (n:${label} {id: $id}) RETURN ${project(label, 'n')} AS entity`, { id });
  return (row?.entity as ModelOf<L> | undefined) ?? null;
}
