import { describe, expect, it } from 'vitest';
import { ingestDocuments } from '../../src/services/ingest.service.js';
import { useEmptyGraph } from '../helpers/graph-fixtures.js';
import { countsByLabel, dumpGraph } from '../helpers/test-db.js';

const graph = useEmptyGraph();

const ev = [{ paragraph: 1, note: 'named in the report' }];

/** Two documents that share people, a post and a meeting, and each add facts of their own. */
function overlapping(round: number, side: 'a' | 'b') {
  const shared = {
    countries: [{ id: 'AZ', name: 'Azerbaijan', evidence: ev }],
    people: [
      { id: `shared-person-${round}`, name: `Shared Official ${round}`, country: 'AZ', evidence: ev },
      { id: `own-person-${round}-${side}`, name: `Own Official ${round} ${side}`, country: 'AZ', evidence: ev },
    ],
    meetings: [
      {
        id: `meeting-${round}-${side}`,
        date: '2021-06',
        format: 'BILATERAL',
        topics: ['SECURITY'],
        summary: `Talks ${round} ${side}.`,
        participants: [
          { person: `shared-person-${round}`, role: 'HOST' },
          { person: `own-person-${round}-${side}`, role: 'ATTENDEE' },
        ],
        evidence: ev,
      },
    ],
  };
  return {
    format: 'officials-graph/source-document@1',
    sources: [
      {
        id: `source-${round}-${side}`,
        kind: 'NEWS_REPORT',
        publisher: `Wire ${side}`,
        title: 'Report',
        published: '2021-06-10',
        language: 'en',
        paragraphs: 2,
      },
    ],
    ...shared,
  };
}

describe('concurrent ingests', () => {
  it('end in one consistent graph: no duplicate people, no lost facts', async () => {
    const rounds = 6;
    for (let round = 0; round < rounds; round++) {
      const [a, b] = await Promise.all([
        ingestDocuments(graph.t.db, [{ file: 'a', value: overlapping(round, 'a') }]),
        ingestDocuments(graph.t.db, [{ file: 'b', value: overlapping(round, 'b') }]),
      ]);
      expect(a.ok && b.ok).toBe(true);
    }
    const counts = await countsByLabel(graph.t.db);
    expect(counts).toMatchObject({ Country: 1, Person: rounds * 3, Meeting: rounds * 2, Source: rounds * 2 });
    const [dupes] = await graph.t.db.read('MATCH (p:Person) WITH p.name AS name, count(*) AS n WHERE n > 1 RETURN count(*) AS n');
    expect(dupes!.n).toBe(0);
    const shared = await graph.t.db.read(`
      MATCH (p:Person) WHERE p.id STARTS WITH 'shared-person-'
      RETURN p.id AS id, COUNT { (p)-[:ATTENDED]->() } AS meetings, COUNT { (p)-[:SUPPORTED_BY]->() } AS sources ORDER BY id`);
    expect(shared.every((row) => row.meetings === 2 && row.sources === 2)).toBe(true);
    const [az] = await graph.t.db.read(`MATCH (c:Country {id: 'AZ'})-[s:SUPPORTED_BY]->() RETURN count(s) AS n`);
    expect(az!.n).toBe(rounds * 2);

    // The case that needs the ingest lock: one new person, two ids, the same name, at the same moment.
    const newcomer = (side: 'a' | 'b') => ({
      format: 'officials-graph/source-document@1',
      sources: [
        {
          id: `newcomer-source-${side}`,
          kind: 'NEWS_REPORT',
          publisher: 'Wire',
          title: 'Report',
          published: '2021-07-01',
          language: 'en',
          paragraphs: 1,
        },
      ],
      people: [{ id: `newcomer-${side}`, name: 'Leyla Mammadova', evidence: ev }],
    });
    const results = await Promise.all([
      ingestDocuments(graph.t.db, [{ file: 'a', value: newcomer('a') }]),
      ingestDocuments(graph.t.db, [{ file: 'b', value: newcomer('b') }]),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const [person] = await graph.t.db.read(
      `MATCH (p:Person {name: 'Leyla Mammadova'}) RETURN count(p) AS n, collect(p.otherIds) AS otherIds`,
    );
    expect(person).toEqual({ n: 1, otherIds: [expect.arrayContaining([expect.stringMatching(/^newcomer-[ab]$/)])] });

    const before = await dumpGraph(graph.t.db);
    await Promise.all([0, 1, 2].map((round) => ingestDocuments(graph.t.db, [{ file: 'again', value: overlapping(round, 'a') }])));
    expect(await dumpGraph(graph.t.db)).toEqual(before);
  });
});
