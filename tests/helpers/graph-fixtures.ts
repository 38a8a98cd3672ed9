import { readdirSync, readFileSync } from 'node:fs';
import type { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, expect } from 'vitest';
import type { AppContext } from '../../src/api/context.js';
import { projectPath } from '../../src/project-root.js';
import { ingestFiles } from '../../src/services/ingest.service.js';
import { seedFiles } from '../../src/services/seed.service.js';
import { createTestServer } from './execute.js';
import { openTestDb, resetGraph, type TestDb } from './test-db.js';

export interface SeededGraph {
  /** The test database, open from beforeAll to afterAll. */
  readonly t: TestDb;
  readonly server: ApolloServer<AppContext>;
}

/** Registers hooks that give the calling test file the seed graph, alone in the database, and a started server. */
export function useSeededGraph(): SeededGraph {
  const server = createTestServer();
  let t: TestDb | undefined;
  let started = false;
  beforeAll(async () => {
    t = await openTestDb();
    await resetGraph(t.db);
    expect((await ingestFiles(t.db, seedFiles())).ok).toBe(true);
    await server.start();
    started = true;
  });
  afterAll(async () => {
    if (started) await server.stop();
    await t?.close();
  });
  return {
    get t() {
      if (!t) throw new Error('the seeded graph is available inside tests only');
      return t;
    },
    server,
  };
}

/** Registers hooks that give the calling test file an empty graph, alone in the database. */
export function useEmptyGraph(): { readonly t: TestDb } {
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await openTestDb();
    await resetGraph(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });
  return {
    get t() {
      if (!t) throw new Error('the graph is available inside tests only');
      return t;
    },
  };
}

/** A one-paragraph news report that names people, each with the same evidence: enough to raise or link them. */
export const personDocument = (sourceId: string, people: { id: string; name: string; country: string }[]) => ({
  format: 'officials-graph/source-document@1',
  sources: [
    {
      id: sourceId,
      kind: 'NEWS_REPORT',
      publisher: 'Test Wire',
      title: 'Officials',
      published: '2021-08-01',
      language: 'en',
      paragraphs: 1,
    },
  ],
  people: people.map((p) => ({ ...p, evidence: [{ paragraph: 1, note: 'named in the report' }] })),
});

/** The Cypher favourites shipped for Neo4j Browser (browser/favorites/), each as one statement to run. */
export function shippedFavourites(): { file: string; cypher: string }[] {
  const dir = projectPath('browser', 'favorites');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .map((file) => ({ file, cypher: readFileSync(`${dir}/${file}`, 'utf8').replace(/;\s*$/, '') }));
}
