import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import type { Log } from '../local-neo4j/local-neo4j.js';
import { type ResolvedNeo4j, resolveNeo4j } from './connect.js';
import { createDriver } from './driver.js';
import { createDb, type Db } from './run-query.js';

export interface OpenDb {
  db: Db;
  driver: Driver;
  neo4j: ResolvedNeo4j;
  close(): Promise<void>;
}

/** Finds Neo4j by the one rule (environment, else the local server), connects, and checks the connection. */
export async function openDb(config: Config, log: Log): Promise<OpenDb> {
  const neo4j = await resolveNeo4j(config.neo4j, log);
  const driver = await createDriver(neo4j);
  return { db: createDb(driver, neo4j.database, { timeoutMs: config.queryTimeoutMs }), driver, neo4j, close: () => driver.close() };
}
