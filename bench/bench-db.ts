import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../src/db/driver.js';
import { createDb, type Db } from '../src/db/run-query.js';
import type { SourceDocument } from '../src/domain/registry/index.js';
import { ensureRunning, type Log, status, stop } from '../src/local-neo4j/local-neo4j.js';
import { applyConstraints } from '../src/services/constraints.service.js';
import { ingestDocuments } from '../src/services/ingest.service.js';
import { generateWorld, WORLD_SIZES, type WorldSize } from './world.js';

export interface BenchDb {
  driver: Driver;
  db: Db;
  /** Closes the driver and stops the bench server unless `keep`. */
  close(keep: boolean): Promise<void>;
}

/**
 * The benchmarks' own Neo4j instance (ports 27687/27474), never a server named in the environment: the load
 * benchmark empties it. Queries run with the API's default timeout unless `timeoutMs` says otherwise (0: none).
 */
export async function openBenchDb(log: Log, timeoutMs = 15_000): Promise<BenchDb> {
  const server = await ensureRunning('bench', { log });
  const driver = await createDriver({ ...server, database: 'neo4j' });
  return {
    driver,
    db: createDb(driver, 'neo4j', { timeoutMs }),
    async close(keep) {
      await driver.close();
      if (!keep) await stop('bench');
    },
  };
}

/** True when the bench database holds exactly the world of `size`, written by the ingestion path (people carry name keys). */
async function worldIsLoaded(db: Db, size: WorldSize): Promise<boolean> {
  const [row] = await db.read(`
    CALL () { MATCH (p:Person) RETURN count(p) AS people, count(p.nameKeyText) AS keyed }
    CALL () { MATCH (m:Meeting) RETURN count(m) AS meetings }
    RETURN people, keyed, meetings`);
  const { officials, meetings } = WORLD_SIZES[size];
  return row!.people === officials && row!.keyed === officials && row!.meetings === meetings;
}

/** Relationships first, then nodes, in small transactions: a hub's thousands of relationships never land in one. */
export async function emptyDatabase(driver: Driver): Promise<void> {
  const session = driver.session({ database: 'neo4j' });
  try {
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS');
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS');
  } finally {
    await session.close();
  }
}

/**
 * Ingests a world through the project's path, `perIngest` documents per ingest (one transaction each), as a user
 * ingesting a week's files at once does; reports progress and the running rate. Returns the rows written.
 */
export async function ingestWorld(db: Db, world: SourceDocument[], perIngest: number, log: Log): Promise<number> {
  const began = performance.now();
  let rows = 0;
  let reported = 0;
  for (let first = 0; first < world.length; first += perIngest) {
    const inputs = world.slice(first, first + perIngest).map((value, k) => ({ file: `world-${first + k}`, value }));
    const result = await ingestDocuments(db, inputs);
    if (!result.ok) throw new Error(`documents from ${first} were rejected: ${JSON.stringify(result.problems.slice(0, 3))}`);
    rows += result.rowsWritten;
    const done = first + inputs.length;
    if (done === world.length || done - reported >= world.length / 20) {
      reported = done;
      log(`  ingested ${done}/${world.length} documents, ${rows} rows, ${Math.round(rows / ((performance.now() - began) / 1000))} rows/s`);
    }
  }
  return rows;
}

/** Ingests the world of `size` unless the bench database holds exactly it already (left there by a --keep run). */
export async function ensureWorld(bench: BenchDb, size: WorldSize, log: Log): Promise<void> {
  if (await worldIsLoaded(bench.db, size)) return;
  log(
    `the bench database does not hold the ${size} world; ingesting it ` +
      `(npm run bench:load -- --size ${size} --keep does the same, and compares loaders)`,
  );
  await emptyDatabase(bench.driver);
  await applyConstraints(bench.db);
  await ingestWorld(bench.db, generateWorld(size), 10, log);
}

/**
 * Neo4j's threads on the last core, this process (load generator, the API, the driver, @neo4j/graphql) on the
 * others, as when the database has a machine of its own: neither side's work is scheduled on the other's core,
 * whichever variant runs. Returns what was done, for the report, and undoes it (the bench server may be kept).
 */
export function pinCores(): { described: string; undo: () => void } {
  const cores = availableParallelism();
  const pid = status('bench').pid;
  if (cores < 2 || pid === undefined) throw new Error('--pin needs two cores and the bench server running');
  const all = `0-${cores - 1}`;
  const others = cores === 2 ? '0' : `0-${cores - 2}`;
  const taskset = (list: string, target: number) => execFileSync('taskset', ['-a', '-p', '-c', list, String(target)], { stdio: 'ignore' });
  taskset(String(cores - 1), pid);
  taskset(others, process.pid);
  return {
    described: `Neo4j pinned to core ${cores - 1}, the bench process to core${cores === 2 ? '' : 's'} ${others} (taskset -a -p)`,
    undo: () => {
      taskset(all, pid);
      taskset(all, process.pid);
    },
  };
}
