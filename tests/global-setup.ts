import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.js';
import { createDriver } from '../src/db/driver.js';
import { ensureRunning, stop } from '../src/local-neo4j/local-neo4j.js';

export interface TestNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** Where the server came from: the environment, a container, or the project's local test instance. */
  origin: 'environment' | 'testcontainers' | 'local';
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

const say = (line: string) => process.stderr.write(`[neo4j] ${line}\n`);

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the tests' Neo4j by the project's rule: NEO4J_TEST_URI (or NEO4J_URI) from the environment; else a
 * testcontainers Neo4j where a Docker engine answers; else the project's local test instance, on its own ports and
 * data. The tests wipe the database, so a server named only by NEO4J_URI must be empty.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const target = loadConfig({ instance: 'test' }).neo4j;
  let neo4j: TestNeo4j;
  let teardown = async () => {};

  if (target.kind === 'external') {
    neo4j = { uri: target.uri, username: target.username, password: target.password, database: target.database, origin: 'environment' };
  } else if (await dockerAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    say('starting neo4j:5.26-community with testcontainers');
    const container = await new Neo4jContainer('neo4j:5.26-community').withPassword('test-password').start();
    neo4j = {
      uri: container.getBoltUri(),
      username: container.getUsername(),
      password: container.getPassword(),
      database: 'neo4j',
      origin: 'testcontainers',
    };
    teardown = async () => {
      await container.stop();
    };
  } else {
    const local = await ensureRunning('test', { log: say });
    say(local.started ? `local test instance started in ${(local.startMs / 1000).toFixed(1)} s` : 'local test instance already running');
    neo4j = { uri: local.uri, username: local.username, password: local.password, database: 'neo4j', origin: 'local' };
    if (local.started && process.env.NEO4J_TEST_KEEP !== '1') teardown = async () => void (await stop('test'));
  }

  const driver = await createDriver(neo4j);
  try {
    const explicitTestServer = Boolean(process.env.NEO4J_TEST_URI);
    if (neo4j.origin === 'environment' && !explicitTestServer) {
      const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS nodes', {}, { database: neo4j.database });
      const nodes = Number(records[0]?.get('nodes'));
      if (nodes > 0) {
        throw new Error(
          `NEO4J_URI points at a database with ${nodes} nodes, and the integration tests delete everything. ` +
            "Set NEO4J_TEST_URI to a disposable server, or unset NEO4J_URI to use the project's own test instance.",
        );
      }
    }
  } finally {
    await driver.close();
  }

  project.provide('neo4j', neo4j);
  return teardown;
}
