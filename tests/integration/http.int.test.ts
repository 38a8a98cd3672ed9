import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/run-query.js';
import { createHttpHandler } from '../../src/http.js';
import { silentLogger } from '../../src/logger.js';
import { createServer } from '../../src/server.js';
import { useSeededGraph } from '../helpers/graph-fixtures.js';

const graph = useSeededGraph();

/** The production API over HTTP on a free local port, in front of `db`. */
async function listen(
  db: () => Db,
  extra: { apiKey?: string; exportsRequireKey?: boolean } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const apollo = createServer({ logger: silentLogger, production: true, auth: { mutationsEnabled: false, queriesRequireKey: false } });
  await apollo.start();
  let handler: ReturnType<typeof createHttpHandler> | undefined;
  const server: Server = createHttpServer((req, res) => {
    handler ??= createHttpHandler(apollo, {
      db: db(),
      apiKey: extra.apiKey,
      exportsRequireKey: extra.exportsRequireKey,
      browserUrl: 'http://localhost:7474/browser/',
      logger: silentLogger,
    });
    return handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}

async function post(url: string, query: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: unknown; errors?: any[] } };
}

describe('the HTTP front in production', () => {
  let api: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    api = await listen(() => graph.t.db);
  });
  afterAll(async () => api?.close());

  it('answers 413 to a chunked body over the limit, not a reset connection', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      // No content-length: the body arrives in chunks, 1.2 MB in all.
      const chunk = 'x'.repeat(64 * 1024);
      req.write('{"query": "{ sources { id } }", "pad": "');
      let sent = 0;
      const pump = () => {
        while (sent < 20) {
          sent += 1;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end('"}');
      };
      pump();
    });
    expect(status).toBe(413);
    expect(JSON.parse(body).errors[0].message).toContain('over 1000000 bytes');
  });

  it('serves no IDE unless asked for: a browser gets no page', async () => {
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    expect((await fetch(`${api.url}/ide/graphiql.js`)).status).toBe(404);
  });

  it('names no field the schema has in an error: no "Did you mean", as introspection is off', async () => {
    const typo = await post(api.url, '{ sourcs { id } }');
    expect(typo.status).toBe(400);
    expect(typo.body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(typo.body)).not.toContain('Did you mean');
    const introspection = await post(api.url, '{ __schema { types { name } } }');
    expect(introspection.body.errors![0].message).toContain('introspection is not allowed');
  });
});

describe('exports over HTTP', () => {
  const key = 'export-test-key-0123456789';
  let open: Awaited<ReturnType<typeof listen>>;
  let closed: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    open = await listen(() => graph.t.db);
    closed = await listen(() => graph.t.db, { apiKey: key, exportsRequireKey: true });
  });
  afterAll(async () => {
    await open?.close();
    await closed?.close();
  });

  it('downloads each format; several files as an index and each file; the key when queries need one', async () => {
    const gexf = await fetch(`${open.url}/export/gexf?meetings=edges`);
    expect(gexf.status).toBe(200);
    expect(gexf.headers.get('content-type')).toContain('application/gexf+xml');
    expect(gexf.headers.get('content-disposition')).toBe('attachment; filename="officials.gexf"');
    expect(await gexf.text()).toContain('label="MET"');
    const index = (await (await fetch(`${open.url}/export/csv`)).json()) as { files: { name: string; url: string }[] };
    expect(index.files.map((f) => f.name)).toContain('nodes-Person.csv');
    const people = await (await fetch(`${open.url}/export/csv/nodes-Person.csv`)).text();
    expect(people.split('\n')[0]).toMatch(/^id,/);
    expect(people).toContain('person-subhan-bekirov');
    expect((await fetch(`${open.url}/export/xlsx`)).status).toBe(404);
    expect((await fetch(`${closed.url}/export/ftm`)).status).toBe(401);
    const withKey = await fetch(`${closed.url}/export/ftm`, { headers: { authorization: `Bearer ${key}` } });
    expect(withKey.status).toBe(200);
    expect((await withKey.text()).split('\n')[0]).toContain('"schema":"Document"');
  });
});

describe('the HTTP front without a database', () => {
  const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'x'), {
    connectionTimeout: 500,
    maxTransactionRetryTime: 200,
  });
  let api: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    api = await listen(() => createDb(driver, 'neo4j', { unavailableBudgetMs: 200 }));
  });
  afterAll(async () => {
    await api?.close();
    await driver.close();
  });

  it('answers DATABASE_UNAVAILABLE with 503 and a retry-after, and /ready says not ready at once', async () => {
    const down = await post(api.url, '{ sources { id } }');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(down.body.errors![0].extensions.code).toBe('DATABASE_UNAVAILABLE');
    const began = performance.now();
    const ready = await fetch(`${api.url}/ready`);
    expect(ready.status).toBe(503);
    expect(performance.now() - began).toBeLessThan(1_000);
  });
});
