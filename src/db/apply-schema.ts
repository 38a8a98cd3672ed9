import { readFileSync } from 'node:fs';
import { barredTextCypher } from '../domain/names.js';
import { projectPath } from '../project-root.js';
import type { Db } from './run-query.js';

/** The statements of seed/constraints.cypher, comments removed, one per `;`. */
export function readSchemaStatements(text = readFileSync(projectPath('seed', 'constraints.cypher'), 'utf8')): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Derived properties that arrived after graphs were first written; each fills only nodes that lack it, so after
 * one start it matches nothing.
 */
export const BACKFILLS = [
  `MATCH (p:Person) WHERE p.otherIds IS NOT NULL AND p.otherIdText IS NULL
   SET p.otherIdText = ${barredTextCypher('p.otherIds')}`,
];

/** Creates constraints and indexes (idempotent) and waits until the indexes are online, so the first query can use them. */
export async function applySchema(db: Db): Promise<number> {
  const statements = readSchemaStatements();
  for (const statement of statements) await db.write(statement);
  await db.write('CALL db.awaitIndexes(60)');
  for (const backfill of BACKFILLS) await db.write(backfill);
  return statements.length;
}
