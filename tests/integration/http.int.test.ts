import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect, createServer as createNetServer, type Socket } from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHttpHandler } from '../../src/api/http.js';
import { createServer } from '../../src/api/server.js';
import { countingDb, createDb, type Db } from '../../src/db/run-query.js';
import { silentLogger } from '../../src/logger.js';
import { type ExportFormat, exportGraph } from '../../src/services/export.service.js';
import { useSeededGraph } from '../helpers/graph-fixtures.js';
import { testNlpServer } from '../helpers/nlp.js';

const graph = useSeededGraph();

/** The production API over HTTP on a free local port, in front of `db`. */
async function listen(
  db: () => Db,
  extra: { apiKey?: string; queriesRequireKey?: boolean; ide?: boolean } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const apollo = createServer({
    logger: silentLogger,
    production: true,
    ide: extra.ide,
    auth: { mutationsEnabled: extra.apiKey !== undefined, queriesRequireKey: extra.queriesRequireKey ?? false },
  });
  await apollo.start();
  let handler: ReturnType<typeof createHttpHandler> | undefined;
  const server: Server = createHttpServer((req, res) => {
    handler ??= createHttpHandler(apollo, {
      db: db(),
      nlp: testNlpServer(),
      apiKey: extra.apiKey,
      queriesRequireKey: extra.queriesRequireKey,
      ide: extra.ide,
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

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
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
    expect(introspection.body.errors![0].message).toBe('Introspection is off in production.');
    expect(JSON.stringify(introspection.body)).not.toContain('ApolloServer');
  });

  it('sends nosniff on every answer, and no page to frame', async () => {
    for (const path of ['/health', '/graphql?query=%7B__typename%7D', '/export/nope', '/nowhere']) {
      expect((await fetch(`${api.url}${path}`)).headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });
});

describe('the IDE in production, when asked for', () => {
  let api: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    api = await listen(() => graph.t.db, { ide: true });
  });
  afterAll(async () => api?.close());

  it('cannot be framed, and its assets are not sniffed into another type', async () => {
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toContain('text/html');
    const policy = page.headers.get('content-security-policy') ?? '';
    for (const directive of ["frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"]) expect(policy).toContain(directive);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    for (const asset of ['graphiql.js', 'graphiql.css', 'start.js']) {
      const response = await fetch(`${api.url}/ide/${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('x-content-type-options'), asset).toBe('nosniff');
    }
  });

  it('lets the IDE read the schema: introspection is on when the IDE is served', async () => {
    const introspection = await post(api.url, '{ __schema { queryType { name } } }');
    expect(introspection.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});

describe('queries behind the key', () => {
  const key = 'query-test-key-0123456789';
  let api: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    api = await listen(() => graph.t.db, { apiKey: key, queriesRequireKey: true });
  });
  afterAll(async () => api?.close());

  it('refuses a caller without the key before the document is validated, so no field name leaks', async () => {
    const refusal = {
      errors: [
        {
          message: 'This server needs the API key for queries too: send "Authorization: Bearer <key>".',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    };
    for (const query of ['{ persn(id: "x") { id } }', '{ person(id: "person-arif-alvi") { nam } }', '{ sources { id } }']) {
      const answer = await post(api.url, query);
      expect(answer.status, query).toBe(401);
      expect(answer.body, query).toEqual(refusal);
    }
    const byGet = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ persn { id } }')}`);
    expect(byGet.status).toBe(401);
    expect(await byGet.json()).toEqual(refusal);
    const keyHolder = await post(api.url, '{ persn(id: "x") { id } }', { authorization: `Bearer ${key}` });
    expect(keyHolder.status).toBe(400);
    expect(keyHolder.body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('exports over HTTP', () => {
  const key = 'export-test-key-0123456789';
  let open: Awaited<ReturnType<typeof listen>>;
  let closed: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    open = await listen(() => graph.t.db);
    closed = await listen(() => graph.t.db, { apiKey: key, queriesRequireKey: true });
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

  it('answers HEAD as GET, without the body', async () => {
    for (const path of ['/export/gexf', '/export/csv', '/export/csv/nodes-Person.csv']) {
      const get = await fetch(`${open.url}${path}`);
      const head = await fetch(`${open.url}${path}`, { method: 'HEAD' });
      expect(head.status, path).toBe(200);
      expect(head.headers.get('content-type'), path).toBe(get.headers.get('content-type'));
      expect(head.headers.get('content-disposition'), path).toBe(get.headers.get('content-disposition'));
      expect(await head.text(), path).toBe('');
    }
    expect((await fetch(`${open.url}/export/csv/nodes-Nothing.csv`, { method: 'HEAD' })).status).toBe(404);
  });
});

describe('export builds', () => {
  /** A fresh API (and so no export kept from an earlier test) over a Db that counts the statements sent through it. */
  async function countedApi() {
    const db = countingDb(graph.t.db);
    return { db, api: await listen(() => db) };
  }

  /** The statements one build of `format` sends, measured on a Db of its own. */
  async function statementsOfOneBuild(format: ExportFormat): Promise<number> {
    const db = countingDb(graph.t.db);
    await exportGraph(db, format);
    return db.statementCount;
  }

  it('refuses a format or file name no export can have before sending any statement', async () => {
    const { db, api } = await countedApi();
    try {
      const paths = [
        ...Array.from({ length: 20 }, (_, i) => `/export/csv/nope-${i}.csv`),
        ...Array.from({ length: 20 }, (_, i) => `/export/documents/nope-${i}.txt`),
        ...Array.from({ length: 5 }, (_, i) => `/export/gexf/extra-${i}.gexf`),
        '/export/csv/nodes-Nothing.csv',
        '/export/xlsx',
      ];
      const answers = await Promise.all(paths.map((path) => fetch(`${api.url}${path}`)));
      expect(answers.map((a) => a.status)).toEqual(paths.map(() => 404));
      expect(db.statementCount).toBe(0);
    } finally {
      await api.close();
    }
  });

  it('looks a document up by its source id, one statement, instead of building the export', async () => {
    const { db, api } = await countedApi();
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => fetch(`${api.url}/export/documents/nope-${i}.json`)));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 404));
      expect(db.statementCount).toBe(20);
    } finally {
      await api.close();
    }
  });

  it('serves the index and every file of a multi-file export from one build', async () => {
    const names = (await exportGraph(graph.t.db, 'csv')).files.map((f) => f.name);
    expect(names.length).toBeGreaterThan(5);
    const { db, api } = await countedApi();
    try {
      const paths = ['/export/csv', ...names.map((name) => `/export/csv/${name}`), ...names.map((name) => `/export/csv/${name}`)];
      const answers = await Promise.all(paths.map((path) => fetch(`${api.url}${path}`)));
      expect(answers.map((a) => a.status)).toEqual(paths.map(() => 200));
      expect(db.statementCount).toBe(await statementsOfOneBuild('csv'));
    } finally {
      await api.close();
    }
  });

  it('builds once for many concurrent requests of one format', async () => {
    const { db, api } = await countedApi();
    try {
      const answers = await Promise.all(Array.from({ length: 12 }, () => fetch(`${api.url}/export/graphml`)));
      const bodies = await Promise.all(answers.map((a) => a.text()));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      expect(new Set(bodies).size).toBe(1);
      expect(db.statementCount).toBe(await statementsOfOneBuild('graphml'));
    } finally {
      await api.close();
    }
  });
});

describe('judgements in the documents export', () => {
  const key = 'judgement-test-key-0123456789';
  const judgement = { a: 'person-arif-alvi', b: 'person-subhan-bekirov', verdict: 'DIFFERENT', by: 'analyst-j', note: 'Not one person.' };
  beforeAll(async () => {
    await graph.t.db.write(
      `CREATE (:Judgement {id: $a + '|' + $b, a: $a, b: $b, verdict: $verdict, by: $by, at: '2024-01-01T00:00:00.000Z', note: $note})`,
      judgement,
    );
  });
  afterAll(async () => {
    await graph.t.db.write('MATCH (j:Judgement {by: $by}) DELETE j', judgement);
  });

  it('needs the API key for judgements.json, as match candidates do, even when exports are open', async () => {
    const withKeyConfigured = await listen(() => graph.t.db, { apiKey: key });
    const withoutAnyKey = await listen(() => graph.t.db);
    try {
      for (const api of [withKeyConfigured, withoutAnyKey]) {
        const refused = await fetch(`${api.url}/export/documents/judgements.json`);
        expect(refused.status).toBe(401);
        expect(await refused.text()).not.toContain('analyst-j');
        const index = (await (await fetch(`${api.url}/export/documents`)).json()) as { files: { name: string; needsKey?: boolean }[] };
        expect(index.files.find((f) => f.name === 'judgements.json')).toEqual(expect.objectContaining({ needsKey: true }));
        expect(index.files.filter((f) => f.needsKey).map((f) => f.name)).toEqual(['judgements.json']);
      }
      const served = await fetch(`${withKeyConfigured.url}/export/documents/judgements.json`, { headers: { 'x-api-key': key } });
      expect(served.status).toBe(200);
      expect(((await served.json()) as { judgements: unknown[] }).judgements).toEqual([expect.objectContaining(judgement)]);
    } finally {
      await withKeyConfigured.close();
      await withoutAnyKey.close();
    }
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

  it('answers an export with 503 DATABASE_UNAVAILABLE and a retry-after, and goes on serving', async () => {
    for (const path of ['/export/popolo', '/export/csv', '/export/csv/nodes-Person.csv', '/export/documents/some-source.json']) {
      const down = await fetch(`${api.url}${path}`);
      expect(down.status, path).toBe(503);
      expect(down.headers.get('retry-after'), path).toBe('5');
      const body = (await down.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code, path).toBe('DATABASE_UNAVAILABLE');
    }
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
    expect((await post(api.url, '{ sources { id } }')).body.errors![0].extensions.code).toBe('DATABASE_UNAVAILABLE');
  });
});

describe('an export the database fails otherwise', () => {
  let driver: ReturnType<typeof neo4j.driver>;
  let api: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    const { uri, username, password } = inject('neo4j');
    driver = neo4j.driver(uri, neo4j.auth.basic(username, password));
    // A database the server does not have: Neo4j refuses every statement, and not as unavailable.
    api = await listen(() => createDb(driver, 'no-such-database'));
  });
  afterAll(async () => {
    await api?.close();
    await driver?.close();
  });

  it('answers 500 with the request id the error is logged under, and goes on serving', async () => {
    const failed = await fetch(`${api.url}/export/gexf`, { headers: { 'x-request-id': 'export-fails-1' } });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'export-fails-1' } }],
    });
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });
});

/**
 * A TCP relay to the tests' Neo4j that can be cut: while cut, open connections are dropped and new ones closed as
 * they arrive, as when the server goes away; restored, it relays again.
 */
async function cuttableRelay(target: string) {
  const { hostname, port } = new URL(target);
  let cut = false;
  const open = new Set<Socket>();
  const relay = createNetServer((client) => {
    if (cut) return void client.destroy();
    const upstream = connect(Number(port), hostname);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', drop).on('close', drop);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    uri: `bolt://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    cut() {
      cut = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      cut = false;
    },
    close: () => new Promise<void>((resolve) => relay.close(() => resolve())),
  };
}

describe('Neo4j going away and coming back', () => {
  let relay: Awaited<ReturnType<typeof cuttableRelay>>;
  let driver: ReturnType<typeof neo4j.driver>;
  let api: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    const { uri, username, password } = inject('neo4j');
    relay = await cuttableRelay(uri);
    driver = neo4j.driver(relay.uri, neo4j.auth.basic(username, password), {
      connectionTimeout: 1_000,
      maxTransactionRetryTime: 200,
      disableLosslessIntegers: true,
    });
    api = await listen(() => createDb(driver, inject('neo4j').database, { unavailableBudgetMs: 500 }));
  });
  afterAll(async () => {
    await api?.close();
    await driver?.close();
    await relay?.close();
  });

  const ready = async () => (await fetch(`${api.url}/ready`)).status;

  it('/ready finds out by itself that Neo4j is back, with no other request', async () => {
    expect(await ready()).toBe(200);
    relay.cut();
    expect((await post(api.url, '{ sources { id } }')).status).toBe(503);
    expect(await ready()).toBe(503);
    relay.restore();
    await expect.poll(ready, { timeout: 15_000, interval: 250 }).toBe(200);
  });

  it('answers an export 503 while Neo4j is away, then serves exports and queries again', async () => {
    relay.cut();
    const down = await fetch(`${api.url}/export/ftm`);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
    relay.restore();
    await expect.poll(async () => (await post(api.url, '{ sources { id } }')).status, { timeout: 15_000, interval: 250 }).toBe(200);
    const back = await fetch(`${api.url}/export/ftm`);
    expect(back.status).toBe(200);
    expect(await back.text()).toContain('"schema":"Document"');
  });
});
