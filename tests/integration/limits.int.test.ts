import assert from 'node:assert/strict';
import type { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, createContext } from '../../src/api/context.js';
import { DEFAULT_QUERY_LIMITS, MAX_TOKENS, type QueryLimits } from '../../src/api/plugins/query-limits.plugin.js';
import { createServer } from '../../src/api/server.js';
import { createDb } from '../../src/db/run-query.js';
import { silentLogger } from '../../src/logger.js';
import { execute } from '../helpers/execute.js';
import { useSeededGraph } from '../helpers/graph-fixtures.js';
import { testNlpServer } from '../helpers/nlp.js';

const graph = useSeededGraph();
const { server } = graph;

/** An official at 300 meetings, each with three others of a pool of twenty (who attend 45 each): a busy minister. */
const BUSY = 'busy-official';
const BUSY_MEETINGS = 300;

beforeAll(async () => {
  await graph.t.db.write(
    `CREATE (busy:Person:Entity {id: $busy, name: 'Busy Official', aliases: []})
     WITH busy
     UNWIND range(0, 19) AS i
     CREATE (:Person:Entity {id: 'busy-other-' + i, name: 'Other Official ' + i, aliases: []})
     WITH DISTINCT busy
     UNWIND range(0, $meetings - 1) AS k
     CREATE (m:Meeting:Entity {id: 'busy-meeting-' + k, format: 'BILATERAL', topics: [],
                               summary: 'Talks number ' + k + ' of a long series on cooperation between the ministries.'})
     CREATE (busy)-[:ATTENDED {role: 'HOST'}]->(m)
     WITH m, k
     UNWIND [k % 20, (k + 7) % 20, (k + 13) % 20] AS j
     MATCH (other:Person {id: 'busy-other-' + j})
     CREATE (other)-[:ATTENDED {role: 'ATTENDEE'}]->(m)`,
    { busy: BUSY, meetings: BUSY_MEETINGS },
  );
});
afterAll(async () => {
  await graph.t.db.write(`MATCH (n) WHERE n.id STARTS WITH 'busy-' DETACH DELETE n`);
});

/** A hostile query: two levels of meetings and their participants, no `first` anywhere. */
const MEETINGS_OF_THOSE_MET = (id: string) =>
  `{ person(id: "${id}") { meetings { meeting { participants { person {
     meetings { meeting { participants { person { name } } } } } } } } } }`;

/** A server with the production pipeline and other limits, and a run through it that counts what the request read. */
function serverWith(limits: Partial<QueryLimits>): ApolloServer<AppContext> {
  return createServer({
    logger: silentLogger,
    production: false,
    auth: { mutationsEnabled: false, queriesRequireKey: false },
    limits: { ...DEFAULT_QUERY_LIMITS, ...limits },
  });
}

async function read(on: ApolloServer<AppContext>, query: string) {
  const contextValue = createContext(graph.t.db, {
    requestId: 'test',
    authenticated: false,
    browserUrl: 'http://localhost:7474/browser/',
    nlp: testNlpServer(),
  });
  const response = await on.executeOperation({ query }, { contextValue });
  assert(response.body.kind === 'single');
  const { data, errors } = response.body.singleResult;
  return { data, errors, status: response.http.status, statements: contextValue.db.statementCount, items: contextValue.db.itemCount };
}

const nest = (levels: number) => {
  let selection = 'id';
  for (let i = 0; i < levels; i++) selection = `meetings { meeting { participants { person { ${selection} } } } }`;
  return `{ person(id: "person-subhan-bekirov") { ${selection} } }`;
};

describe('limits', () => {
  it('refuses a query nested too deep, and sends no Cypher for it', async () => {
    const { errors, statements } = await execute(server, graph.t.db, nest(4));
    expect(errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 12, actual: 18 } });
    expect(statements).toBe(0);
    expect((await execute(server, graph.t.db, nest(1))).errors).toBeUndefined();
  });

  it('refuses an alias storm and a query too wide to answer', async () => {
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: sources { id }`).join(' ')} }`;
    const storm = await execute(server, graph.t.db, aliases);
    expect(storm.errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases' } });
    expect(storm.statements).toBe(0);
    const wide = await execute(
      server,
      graph.t.db,
      `{ meetings(first: 100) { nodes { participants { person { meetings { meeting { participants { person { name } } } } } } } } }`,
    );
    expect(wide.errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost' } });
    expect(wide.statements).toBe(0);
    // The same width through a variable's default.
    const nested = 'nodes { participants { person { meetings { meeting { participants { person { name } } } } } } }';
    const refused = await execute(server, graph.t.db, `query($f: Int = 100) { meetings(first: $f) { ${nested} } }`);
    expect(refused.errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost' } });
    expect(refused.statements).toBe(0);
  });

  it('refuses a document with too many tokens before parsing it to the end', async () => {
    const { errors, statements } = await execute(server, graph.t.db, `{ sources { ${'id '.repeat(MAX_TOKENS)} } }`);
    expect(errors![0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(errors![0]!.message).toContain('tokens');
    expect(statements).toBe(0);
  });

  it('caps page sizes', async () => {
    const { errors } = await execute(server, graph.t.db, `{ people(first: 10000) { totalCount } }`);
    expect(errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
  });

  it("refuses a forged cursor as the caller's error, naming after", async () => {
    const forged = Buffer.from('offset:999999999999999999999').toString('base64url');
    const { data, errors, statements } = await execute(server, graph.t.db, `{ people(first: 2, after: "${forged}") { totalCount } }`);
    expect(data).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'after' }) }),
    ]);
    expect(statements).toBe(0);
    const issued = await execute<{ people: { pageInfo: { endCursor: string } } }>(
      server,
      graph.t.db,
      `{ people(first: 2) { pageInfo { endCursor } } }`,
    );
    const next = await execute(
      server,
      graph.t.db,
      `{ people(first: 2, after: "${issued.data!.people.pageInfo.endCursor}") { totalCount } }`,
    );
    expect(next.errors).toBeUndefined();
  });

  it('refuses a search text past what the full-text index can take, naming text, before any statement', async () => {
    const texts = ['a* '.repeat(1000), 'a '.repeat(1025), `${'a'.repeat(1100)}*`, 'a'.repeat(300_000), 'w '.repeat(65), 'b'.repeat(101)];
    for (const text of texts) {
      const { errors, statements } = await execute(server, graph.t.db, 'query($text: String!) { search(text: $text) { kind } }', { text });
      expect(errors, text.slice(0, 12)).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'text' }) }),
      ]);
      expect(statements).toBe(0);
    }
    const widest = await execute(server, graph.t.db, 'query($text: String!) { search(text: $text) { kind } }', {
      text: `${'w '.repeat(63)}demin*`,
    });
    expect(widest.errors).toBeUndefined();
  });

  it('refuses lists of lists of a busy official by their bounds, before any statement', async () => {
    const { errors, statements } = await execute(server, graph.t.db, MEETINGS_OF_THOSE_MET(BUSY));
    expect(errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' }) }),
    ]);
    expect(statements).toBe(0);
    // The seed's own officials are refused the same way: the bound is the list's, not the data's.
    expect((await execute(server, graph.t.db, MEETINGS_OF_THOSE_MET('person-subhan-bekirov'))).errors![0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost' },
    });
  });

  it("reads a growing list up to its first, by default and when asked, and refuses a first over the list's maximum", async () => {
    const meetings = (first: string) => `{ person(id: "${BUSY}") { meetings${first} { meeting { id } } } }`;
    type Meetings = { person: { meetings: { meeting: { id: string } }[] } };
    const byDefault = await read(server, meetings(''));
    expect(byDefault.errors).toBeUndefined();
    expect((byDefault.data as Meetings).person.meetings).toHaveLength(100);
    const all = await read(server, meetings(`(first: ${BUSY_MEETINGS})`));
    expect((all.data as Meetings).person.meetings).toHaveLength(BUSY_MEETINGS);
    // Neo4j sends what is asked for and no more: the person, then five attendances.
    const five = await read(server, meetings('(first: 5)'));
    expect((five.data as Meetings).person.meetings.map((a) => a.meeting.id)).toEqual(
      (all.data as Meetings).person.meetings.slice(0, 5).map((a) => a.meeting.id),
    );
    expect(five.items).toBeLessThan(10);
    const over = await read(server, meetings('(first: 501)'));
    expect(over.errors).toEqual([
      expect.objectContaining({
        path: ['person', 'meetings'],
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'first' }),
      }),
    ]);
  });

  it('answers RESULT_TOO_LARGE when the lists a request reads hold more items than its cap, and sends nothing more', async () => {
    const capped = serverWith({ maxItems: 1_000 });
    await capped.start();
    try {
      // Under the cost limit: 300 meetings, each with up to 10 participants; the data holds 1,200 participants.
      const query = `{ person(id: "${BUSY}") {
        meetings(first: ${BUSY_MEETINGS}) { meeting { participants(first: 10) { person { id } } } } } }`;
      const { data, errors, statements, items } = await read(capped, query);
      expect(errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'RESULT_TOO_LARGE', limit: 'items', max: 1_000 }) }),
      ]);
      expect(data).toEqual({ person: null });
      expect(statements).toBe(3);
      expect(items).toBeGreaterThan(1_000);
      // Three at once, and the server still answers the next request in full.
      const together = await Promise.all([read(capped, query), read(capped, query), read(capped, query)]);
      for (const one of together) expect(one.errors![0]!.extensions!.code).toBe('RESULT_TOO_LARGE');
      const next = await read(capped, `{ person(id: "${BUSY}") { name meetings(first: 3) { meeting { id } } } }`);
      expect(next.errors).toBeUndefined();
      expect(next.data).toMatchObject({ person: { name: 'Busy Official' } });
    } finally {
      await capped.stop();
    }
  });

  it('refuses an answer whose body is over the byte cap before it is sent', async () => {
    const capped = serverWith({ maxResponseBytes: 10_000 });
    await capped.start();
    try {
      const { data, errors, status } = await read(capped, `{ person(id: "${BUSY}") { meetings(first: 200) { meeting { id summary } } } }`);
      expect(data).toBeUndefined();
      expect(errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'RESULT_TOO_LARGE', limit: 'bytes', max: 10_000 }) }),
      ]);
      expect(errors![0]!.extensions!.actual).toBeGreaterThan(10_000);
      expect(status).toBe(400);
      expect((await read(capped, `{ person(id: "${BUSY}") { name } }`)).errors).toBeUndefined();
    } finally {
      await capped.stop();
    }
  });

  it('stops a database query that runs past its timeout and says so', async () => {
    const slow = createDb(graph.t.driver, 'neo4j', { timeoutMs: 200 });
    await expect(slow.read('UNWIND range(1, 300000000) AS x RETURN count(x) AS n')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
