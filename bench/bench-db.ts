import type { Driver } from 'neo4j-driver';
import { createDriver } from '../src/db/driver.js';
import { createDb, type Db } from '../src/db/run-query.js';
import { ensureRunning, stop, type Log } from '../src/local-neo4j/local-neo4j.js';
import { WORLD_SIZES, type WorldSize } from './world.js';

export interface BenchDb {
  driver: Driver;
  db: Db;
  /** Closes the driver and stops the bench server unless `keep`. */
  close(keep: boolean): Promise<void>;
}

/**
 * The benchmarks' own Neo4j instance (ports 27687/27474), never a server named in the environment: the load
 * benchmark empties it. Queries run with the API's default timeout.
 */
export async function openBenchDb(log: Log): Promise<BenchDb> {
  const server = await ensureRunning('bench', { log });
  const driver = await createDriver({ ...server, database: 'neo4j' });
  return {
    driver,
    db: createDb(driver, 'neo4j', { timeoutMs: 15_000 }),
    async close(keep) {
      await driver.close();
      if (!keep) await stop('bench');
    },
  };
}

/** True when the bench database holds exactly the world of `size`, written by the ingestion path (people carry name keys). */
export async function worldIsLoaded(db: Db, size: WorldSize): Promise<boolean> {
  const [row] = await db.read(`
    CALL () { MATCH (p:Person) RETURN count(p) AS people, count(p.nameKeyText) AS keyed }
    CALL () { MATCH (m:Meeting) RETURN count(m) AS meetings }
    RETURN people, keyed, meetings`);
  const { officials, meetings } = WORLD_SIZES[size];
  return row!.people === officials && row!.keyed === officials && row!.meetings === meetings;
}
