import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { createDriver } from '../../src/db/driver.js';
import { createDb, type Db, type Row } from '../../src/db/run-query.js';
import { applyConstraints } from '../../src/services/constraints.service.js';

export interface TestDb {
  db: Db;
  driver: Driver;
  close(): Promise<void>;
}

/** A driver and Db for the test server the global setup found. */
export async function openTestDb(): Promise<TestDb> {
  const neo4j = inject('neo4j');
  const driver = await createDriver(neo4j);
  return { db: createDb(driver, neo4j.database), driver, close: () => driver.close() };
}

/** Deletes every node and relationship, then applies the constraints and indexes: each test file starts from this. */
export async function resetGraph(db: Db): Promise<void> {
  await db.write('MATCH (n) DETACH DELETE n');
  await applyConstraints(db);
}

export async function countsByLabel(db: Db): Promise<Record<string, number>> {
  const rows = await db.read('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label');
  return Object.fromEntries(rows.map((r: Row) => [r.label as string, r.n as number]));
}

export async function countsByType(db: Db): Promise<Record<string, number>> {
  const rows = await db.read('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
  return Object.fromEntries(rows.map((r: Row) => [r.type as string, r.n as number]));
}

/**
 * The whole graph as sorted text: every node with its labels and properties, every relationship with its ends and
 * properties (evidence lists sorted), so two graphs can be compared for equality.
 */
export async function dumpGraph(db: Db): Promise<string[]> {
  const nodes = await db.read('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
  const rels = await db.read('MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props');
  const sortProps = (props: Record<string, unknown>) => {
    const copy: Record<string, unknown> = { ...props };
    for (const [key, value] of Object.entries(copy))
      if (Array.isArray(value) && key !== 'sourceIds' && key !== 'paragraphs' && key !== 'notes') copy[key] = [...value].sort();
    if (Array.isArray(copy.sourceIds)) {
      const triples = (copy.sourceIds as string[])
        .map((s, i) => `${s}#${(copy.paragraphs as number[])[i]}#${(copy.notes as string[])[i]}`)
        .sort();
      copy.sourceIds = triples;
      delete copy.paragraphs;
      delete copy.notes;
    }
    return JSON.stringify(Object.fromEntries(Object.entries(copy).sort(([a], [b]) => a.localeCompare(b))));
  };
  return [
    ...nodes.map((n) => `(${(n.labels as string[]).sort().join(':')} ${sortProps(n.props as Record<string, unknown>)})`),
    ...rels.map((r) => `(${r.from as string})-[${r.type as string} ${sortProps(r.props as Record<string, unknown>)}]->(${r.to as string})`),
  ].sort();
}
