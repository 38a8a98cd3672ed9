import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/run-query.js';
import { MAX_TOKENS } from '../../src/plugins/query-limits.plugin.js';
import { execute } from '../helpers/execute.js';
import { useSeededGraph } from '../helpers/graph-fixtures.js';

const graph = useSeededGraph();
const { server } = graph;

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
    expect((await execute(server, graph.t.db, nest(2))).errors).toBeUndefined();
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

  it('stops a database query that runs past its timeout and says so', async () => {
    const slow = createDb(graph.t.driver, 'neo4j', { timeoutMs: 200 });
    await expect(slow.read('UNWIND range(1, 300000000) AS x RETURN count(x) AS n')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
