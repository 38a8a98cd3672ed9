import type { Db } from '../db/run-query.js';
import type { SourceModel } from './models.js';
import { project } from './projections.js';

export const FIND_SOURCE_BY_ID = `MATCH (s:Source {id: $id}) RETURN ${project('Source', 's')} AS source`;
export const LIST_SOURCES = `
MATCH (s:Source) RETURN ${project('Source', 's')} AS source ORDER BY s.publishedFrom DESC, s.id LIMIT toInteger($first)`;

export async function findSourceById(db: Db, id: string): Promise<SourceModel | null> {
  const [row] = await db.read(FIND_SOURCE_BY_ID, { id });
  return (row?.source as SourceModel | undefined) ?? null;
}

/** The newest `first` sources. */
export async function listSources(db: Db, first: number): Promise<SourceModel[]> {
  return (await db.read(LIST_SOURCES, { first })).map((row) => row.source as SourceModel);
}

export const HOLDS_A_SOURCE = `RETURN EXISTS { MATCH (:Source) } AS holds`;

/** Whether the graph holds any source, and so anything at all: every fact it holds has one. */
export async function holdsASource(db: Db): Promise<boolean> {
  const [row] = await db.read<{ holds: boolean }>(HOLDS_A_SOURCE);
  return row?.holds ?? false;
}
