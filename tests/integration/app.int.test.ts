import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { instanceLayout } from '../../src/local-neo4j/layout.js';
import { ensureRunning, LocalNeo4jError, setInitialPassword } from '../../src/local-neo4j/local-neo4j.js';
import { projectRoot } from '../../src/project-root.js';
import { ingestDocuments } from '../../src/services/ingest.service.js';
import { type ApiProcess, postGraphql, startApiProcess, stopApiProcess } from '../helpers/api-process.js';
import { useEmptyGraph } from '../helpers/graph-fixtures.js';
import { countsByLabel } from '../helpers/test-db.js';

const graph = useEmptyGraph();

/** Runs the real entry point (what npm start runs after the build) against the tests' Neo4j, on a free port. */
function startEntryPoint(): Promise<ApiProcess> {
  const neo4j = inject('neo4j');
  return startApiProcess(['--import', 'tsx', 'src/index.ts'], {
    cwd: projectRoot(),
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      PORT: '0',
      NODE_ENV: 'development',
    },
  });
}

const WHOM_BEKIROV_MET = /* GraphQL */ `
  query WhomBekirovMet($name: String!) {
    searchPeople(name: $name, first: 1) {
      person {
        name
        meetings { role post { title } meeting { participants { person { name } role } } }
      }
    }
  }`;

describe('npm start', () => {
  it('seeds the graph, answers a query about Subhan Bekirov over HTTP, and stops cleanly on Ctrl-C', async () => {
    const app = await startEntryPoint();
    expect(app.output()).toContain('Seeded 2 source documents.');

    const { status, requestId, body } = await postGraphql(app.url, WHOM_BEKIROV_MET, { name: 'Bakirov' });
    expect(status).toBe(200);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const person = body.data.searchPeople[0].person;
    expect(person.name).toBe('Subhan Bekirov');
    const counterparts = person.meetings.flatMap((m: any) =>
      m.meeting.participants.filter((p: any) => p.person.name !== 'Subhan Bekirov').map((p: any) => p.person.name),
    );
    expect(counterparts.sort()).toEqual(['Muhammad Amjad Khan Niazi', 'Qamar Javed Bajwa']);

    const base = app.url.replace('/graphql', '');
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/ready`)).json()).toEqual({ status: 'ready' });
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    const mutation = await postGraphql(app.url, 'mutation { mergePeople(keep: "person-arif-alvi", merge: "person-zakir-hasanov") { id } }');
    expect(mutation.status).toBe(403);
    expect(mutation.body.errors![0].extensions.code).toBe('FORBIDDEN');

    expect(await stopApiProcess(app.child, 'SIGINT')).toBe(0);
    expect(app.output()).toContain('SIGINT: stopping the API');
    expect(app.output()).toMatch(/API stopped in \d+ ms\./);
  });

  it('reuses the data on a second start: no duplicate nodes', async () => {
    const before = await countsByLabel(graph.t.db);
    expect(before.Person).toBe(6);
    const app = await startEntryPoint();
    expect(await stopApiProcess(app.child, 'SIGTERM')).toBe(0);
    expect(await countsByLabel(graph.t.db)).toEqual(before);
  });

  it('refuses oversized bodies and malformed JSON with a clear error', async () => {
    const app = await startEntryPoint();
    try {
      const big = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ sources { id } } #${'x'.repeat(1_100_000)}` }),
      });
      expect(big.status).toBe(413);
      const bad = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
      // CSRF prevention: a "simple" cross-site request (no JSON content type, no preflight) is refused unexecuted.
      const simple = await fetch(`${app.url}?query=${encodeURIComponent('{ sources { id } }')}`);
      expect(simple.status).toBe(400);
      expect(await simple.text()).toContain('CSRF');
    } finally {
      await stopApiProcess(app.child, 'SIGTERM');
    }
  });
});

describe('npm start on a graph that has moved on from the seed', () => {
  const SEED = `${projectRoot()}/seed/documents/editorial-reference-2021-officials.json`;
  const SOURCE_ID = 'editorial-reference-2021-officials';

  it('skips a seed document whose source the graph holds at a higher revision, says so, and serves the revision', async () => {
    const seeded = JSON.parse(readFileSync(SEED, 'utf8'));
    const revised = { ...seeded, sources: [{ ...seeded.sources[0], revision: 2, title: `${seeded.sources[0].title} (corrected)` }] };
    const ingested = await ingestDocuments(graph.t.db, [{ file: 'revision-2.json', value: revised }]);
    expect(ingested.ok).toBe(true);

    const app = await startEntryPoint();
    try {
      expect(app.output()).toContain(
        `Seed document editorial-reference-2021-officials.json skipped: the graph holds source "${SOURCE_ID}" at revision 2, ` +
          'newer than its revision 1.',
      );
      expect(app.output()).toContain('Seeded 1 source document.');
      const { body } = await postGraphql(app.url, `{ source(id: "${SOURCE_ID}") { title revision } }`);
      expect(body.data.source).toEqual({ title: revised.sources[0].title, revision: 2 });
    } finally {
      await stopApiProcess(app.child, 'SIGTERM');
    }
  });

  it('serves a graph the seed no longer fits, listing the seed problems instead of refusing to start', async () => {
    // The seed's country AZ held as an organization: every seed document naming it is refused.
    await graph.t.db.write(`MATCH (c:Country {id: 'AZ'}) REMOVE c:Country SET c:Organization`);
    const app = await startEntryPoint().finally(() =>
      graph.t.db.write(`MATCH (c:Organization {id: 'AZ'}) REMOVE c:Organization SET c:Country`),
    );
    try {
      expect(app.output()).toMatch(/The seed documents were not applied; the graph is served as it is:\n.*\/countries\/0\/id/);
      const { status, body } = await postGraphql(app.url, '{ person(id: "person-zakir-hasanov") { name } }');
      expect(status).toBe(200);
      expect(body.data.person).toEqual({ name: 'Zakir Hasanov' });
    } finally {
      await stopApiProcess(app.child, 'SIGTERM');
    }
  });
});

describe('the local Neo4j', () => {
  it('says which port is taken instead of starting over another program', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const layout = instanceLayout('test', `${projectRoot()}/.neo4j/port-probe`, { bolt: port, http: port + 1 });
      const attempt = ensureRunning('test', { layout });
      await expect(attempt).rejects.toBeInstanceOf(LocalNeo4jError);
      await expect(attempt).rejects.toThrow(`Port ${port} (Bolt) on 127.0.0.1 is taken by another program`);
    } finally {
      blocker.close();
    }
  });

  const jars = instanceLayout('test').libDir;
  it.skipIf(!existsSync(jars))('accepts an initial password that begins with a dash', async () => {
    const root = `${projectRoot()}/.neo4j/dash-password`;
    rmSync(root, { recursive: true, force: true });
    const layout = { ...instanceLayout('test', root), libDir: jars };
    mkdirSync(layout.confDir, { recursive: true });
    writeFileSync(`${layout.confDir}/neo4j.conf`, '');
    try {
      await setInitialPassword(layout, '-starts-with-a-dash');
      expect(readFileSync(`${layout.dataDir}/dbms/auth.ini`, 'utf8')).toMatch(/^neo4j:/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
