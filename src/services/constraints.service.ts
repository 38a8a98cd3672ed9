import type { Db } from '../db/run-query.js';
import { barredTextCypher } from '../domain/names.js';
import {
  constraintStatements,
  DOCUMENT_LABELS,
  ID_SPACE_CONSTRAINT,
  ID_SPACE_LABEL,
  kindOf,
  RETIRED_INDEXES,
} from '../domain/registry/index.js';
import { REKEY_JUDGEMENTS } from '../repositories/resolution.repository.js';
import { applyRegistryTerms } from '../repositories/vocabulary.repository.js';
import { backfillBlockKeys } from './resolution.service.js';

/**
 * Derived properties that arrived after graphs were first written; each fills only nodes that lack it, so after
 * one start it matches nothing.
 */
export const BACKFILLS = [
  `MATCH (p:Person) WHERE p.otherIds IS NOT NULL AND p.otherIdText IS NULL
   SET p.otherIdText = ${barredTextCypher('p.otherIds')}`,
  REKEY_JUDGEMENTS,
];

/**
 * Graphs written before ids were one space get the shared label on every declared node, once, before its
 * constraint is created; ids two kinds of entity already share are named, since the constraint cannot hold then.
 */
async function joinIdSpace(db: Db): Promise<void> {
  const [done] = await db.read<{ n: number }>(`SHOW CONSTRAINTS YIELD name WHERE name = $name RETURN count(*) AS n`, {
    name: ID_SPACE_CONSTRAINT,
  });
  if (done && done.n > 0) return;
  for (const { label } of DOCUMENT_LABELS) {
    for (;;) {
      const [slice] = await db.write(
        `MATCH (n:${label}) WHERE NOT n:${ID_SPACE_LABEL} WITH n LIMIT 10000 SET n:${ID_SPACE_LABEL} RETURN count(n) AS n`,
      );
      if (!slice || (slice.n as number) === 0) break;
    }
  }
  const shared = await db.read<{ id: string; kinds: string[] }>(
    `MATCH (n:${ID_SPACE_LABEL}) WITH n.id AS id, collect(${kindOf('n')}) AS kinds
     WHERE size(kinds) > 1 RETURN id, kinds ORDER BY id LIMIT 20`,
  );
  if (shared.length > 0) {
    throw new Error(
      `ids must be one space across the graph, but these name several entities: ` +
        `${shared.map((r) => `${r.id} (${[...r.kinds].sort().join(', ')})`).join('; ')}. ` +
        'Give one of each its own id (export, edit, reset and ingest), then start again.',
    );
  }
}

/**
 * Creates the registry's constraints and indexes (idempotent), drops indexes nothing uses any more, waits until
 * the indexes are online, so the first query can use them, and writes the registry's vocabulary terms. Answers
 * how many statements define the schema.
 */
export async function applyConstraints(db: Db): Promise<number> {
  await joinIdSpace(db);
  const statements = constraintStatements();
  for (const statement of statements) await db.write(statement);
  for (const name of RETIRED_INDEXES) await db.write(`DROP INDEX ${name} IF EXISTS`);
  await db.write('CALL db.awaitIndexes(60)');
  for (const backfill of BACKFILLS) await db.write(backfill);
  await applyRegistryTerms(db);
  await backfillBlockKeys(db);
  return statements.length;
}
