import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/project-root.js';
import { execute } from '../helpers/execute.js';
import { shippedFavourites, useSeededGraph } from '../helpers/graph-fixtures.js';

const graph = useSeededGraph();
const { server } = graph;

describe('people', () => {
  it('finds Subhan Bekirov by any spelling and says why', async () => {
    const query = /* GraphQL */ `query($name: String!) { searchPeople(name: $name) { reason matched person { id } } }`;
    const cases: [string, string, string][] = [
      ['Subhan Bekirov', 'NAME', 'Subhan Bekirov'],
      ['subhan bakirov', 'ALIAS', 'Subhan Bakirov'],
      ['Subkhan Bakirov', 'TRANSLITERATION', 'Subhan Bakirov'],
      ['Bakirov', 'PARTIAL', 'Subhan Bakirov'],
      ['Бекиров', 'PARTIAL', 'Subhan Bekirov'],
    ];
    for (const [name, reason, matched] of cases) {
      const { data, errors } = await execute<{ searchPeople: unknown[] }>(server, graph.t.db, query, { name });
      expect(errors).toBeUndefined();
      expect(data!.searchPeople).toEqual([{ reason, matched, person: { id: 'person-subhan-bekirov' } }]);
    }
  });

  it('answers a person by an id they had in another document', async () => {
    const { data } = await execute(server, graph.t.db, `{ person(id: "ref-bekirov-cyrillic") { id name country { name } } }`);
    expect(data).toEqual({ person: { id: 'person-subhan-bekirov', name: 'Subhan Bekirov', country: { name: 'Azerbaijan' } } });
  });

  it('answers a nested selection with one statement per level, whatever the list sizes', async () => {
    const { data, statements } = await execute<any>(
      server,
      graph.t.db,
      /* GraphQL */ `{
        person(id: "person-subhan-bekirov") {
          meetings {
            meeting { participants { person { name tenures { post { title organization { name } } } } } }
          }
        }
      }`,
    );
    const names = data.person.meetings.flatMap((m: any) => m.meeting.participants.map((p: any) => p.person.name));
    expect(new Set(names)).toEqual(new Set(['Subhan Bekirov', 'Muhammad Amjad Khan Niazi', 'Qamar Javed Bajwa']));
    // person → Person details → Meeting details → Person details → Tenure details → Post details
    expect(statements).toBe(6);
  });
});

describe('Neo4j Browser material', () => {
  it('links a person and a meeting to the Browser with a query that draws them', async () => {
    const { data } = await execute<any>(
      server,
      graph.t.db,
      `{ person(id: "person-arif-alvi") { browserUrl } meeting(id: "meeting-2021-06-04-alvi-gafarova") { browserUrl } }`,
    );
    for (const link of [data.person.browserUrl, data.meeting.browserUrl]) {
      const url = new URL(link);
      expect(url.searchParams.get('cmd')).toBe('edit');
      const rows = await graph.t.db.read(url.searchParams.get('arg')!);
      expect(rows.length).toBeGreaterThan(0);
    }
  });

  it('ships favourites that each answer from the seed', async () => {
    const favourites = shippedFavourites();
    expect(favourites.length).toBe(5);
    for (const { file, cypher } of favourites) {
      const rows = await graph.t.db.read(cypher);
      expect(rows.length, file).toBeGreaterThan(0);
    }
  });

  it('ships a guide whose every runnable query answers from the seed', async () => {
    const guide = readFileSync(projectPath('browser', 'guide.html'), 'utf8');
    const queries = [...guide.matchAll(/<pre class="pre-scrollable code runnable">([\s\S]*?)<\/pre>/g)].map((m) =>
      m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
    );
    expect(queries.length).toBe(5);
    for (const query of queries) expect((await graph.t.db.read(query)).length, query).toBeGreaterThan(0);
  });
});

describe('posts', () => {
  it("says who held Pakistan's Chief of the Naval Staff post in June 2021", async () => {
    const { data } = await execute(
      server,
      graph.t.db,
      `{ postHolders(postId: "post-pk-chief-of-naval-staff", asOf: "2021-06") { person { name } start { value } end { value } } }`,
    );
    expect(data).toEqual({
      postHolders: [{ person: { name: 'Muhammad Amjad Khan Niazi' }, start: { value: '2020-10-07' }, end: { value: '2023-10-07' } }],
    });
    const before = await execute(server, graph.t.db, `{ postHolders(postId: "post-pk-chief-of-naval-staff", asOf: "2019-05-01") { id } }`);
    expect(before.data).toEqual({ postHolders: [] });
  });

  it('rejects arguments a user must fix, with a code and the argument named', async () => {
    const bad = await execute(server, graph.t.db, `{ postHolders(postId: "post-pk-president", asOf: "June 2021") { id } }`);
    expect(bad.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'asOf' } });
    const page = await execute(server, graph.t.db, `{ searchPeople(name: "Alvi", first: 0) { matched } }`);
    expect(page.errors![0]).toMatchObject({ message: 'first must be between 1 and 100, got 0', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
