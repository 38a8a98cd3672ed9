import type { Neo4jTarget } from '../config.js';
import { ensureRunning, type Log } from '../local-neo4j/local-neo4j.js';
import type { Neo4jConnection } from './driver.js';

export interface ResolvedNeo4j extends Neo4jConnection {
  /** Neo4j Browser of the local server; undefined for a server the user named. */
  browserUrl: string | undefined;
}

/** Applies the one rule for finding Neo4j: the server in the environment, else the project's own local server. */
export async function resolveNeo4j(target: Neo4jTarget, log: Log): Promise<ResolvedNeo4j> {
  if (target.kind === 'external') {
    return { uri: target.uri, username: target.username, password: target.password, database: target.database, browserUrl: undefined };
  }
  const local = await ensureRunning(target.instance, {
    initialPassword: target.initialPassword,
    browserAssetsUrl: target.browserAssetsUrl,
    log,
  });
  if (local.started) log(`Neo4j is up (${(local.startMs / 1000).toFixed(1)} s).`);
  return { uri: local.uri, username: local.username, password: local.password, database: target.database, browserUrl: local.browserUrl };
}
