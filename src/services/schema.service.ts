import type { Db } from '../db/run-query.js';
import { barredTextCypher } from '../domain/names.js';
import { RETIRED_INDEXES, schemaStatements } from '../domain/registry/index.js';
import { applyRegistryTerms } from '../repositories/vocabulary.repository.js';
import { backfillBlockKeys } from './resolution.service.js';

/**
 * Derived properties that arrived after graphs were first written; each fills only nodes that lack it, so after
 * one start it matches nothing.
 */
export const BACKFILLS = [
  `MATCH (p:Person) WHERE p.otherIds IS NOT NULL AND p.otherIdText IS NULL
   SET p.otherIdText = ${barredTextCypher('p.otherIds')}`,
];

/**
 * Creates the registry's constraints and indexes (idempotent), drops indexes nothing uses any more, waits until
 * the indexes are online, so the first query can use them, and writes the registry's vocabulary terms. Answers
 * how many statements define the schema.
 */
export async function applySchema(db: Db): Promise<number> {
  const statements = schemaStatements();
  for (const statement of statements) await db.write(statement);
  for (const name of RETIRED_INDEXES) await db.write(`DROP INDEX ${name} IF EXISTS`);
  await db.write('CALL db.awaitIndexes(60)');
  for (const backfill of BACKFILLS) await db.write(backfill);
  await applyRegistryTerms(db);
  await backfillBlockKeys(db);
  return statements.length;
}
