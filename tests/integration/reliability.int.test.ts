import { describe, expect, it } from 'vitest';
import { applyConstraints } from '../../src/services/constraints.service.js';
import { ingestDocuments, ingestFiles } from '../../src/services/ingest.service.js';
import { mergePeople } from '../../src/services/merge.service.js';
import { seedFiles } from '../../src/services/seed.service.js';
import { execute } from '../helpers/execute.js';
import { useSeededGraph } from '../helpers/graph-fixtures.js';

const graph = useSeededGraph();
const { server } = graph;

const ev = [{ paragraph: 1, note: 'named in the report' }];
const source = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'NEWS_REPORT',
  publisher: 'Wire',
  title: 'Report',
  published: '2022-03-01',
  language: 'en',
  paragraphs: 3,
  ...extra,
});
const doc = (sourceId: string, extra: Record<string, unknown>, sourceExtra: Record<string, unknown> = {}) => ({
  format: 'officials-graph/source-document@1',
  sources: [source(sourceId, sourceExtra)],
  ...extra,
});

/** A document naming `personId` in `meetings` meetings: large enough that an ingest of it takes a while. */
function manyMeetings(sourceId: string, personId: string, name: string, meetings: number) {
  return doc(sourceId, {
    people: [
      { id: personId, name, evidence: ev },
      { id: `${sourceId}-host`, name: `Host Of ${sourceId.replace(/\W/g, ' ')}`, evidence: ev },
    ],
    meetings: Array.from({ length: meetings }, (_, i) => ({
      id: `${sourceId}-meeting-${i}`,
      date: '2022-03',
      format: 'BILATERAL',
      topics: ['SECURITY'],
      summary: `Talks number ${i}.`,
      participants: [
        { person: `${sourceId}-host`, role: 'HOST' },
        { person: personId, role: 'ATTENDEE' },
      ],
      evidence: ev,
    })),
  });
}

async function integrity() {
  const [row] = await graph.t.db.read<{ nameless: number; unsourced: number }>(
    `CALL () { MATCH (p:Person) WHERE p.name IS NULL RETURN count(p) AS nameless }
     CALL () { MATCH (n:Entity) WHERE NOT n:Source AND NOT (n)-[:SUPPORTED_BY]->(:Source) RETURN count(n) AS unsourced }
     RETURN nameless, unsourced`,
  );
  return row;
}

describe('a merge meeting an ingest that names the merged id', () => {
  for (const [order, delayMs] of [
    ['the merge starts while the ingest runs', 150],
    ['the merge starts first', 0],
  ] as const) {
    it(`leaves one named person, holding every meeting, when ${order}`, async () => {
      const tag = `race-${delayMs}`;
      const first = await ingestDocuments(graph.t.db, [
        {
          file: 'people',
          value: doc(`${tag}-people`, {
            people: [
              { id: `${tag}-kept`, name: `Kept Official ${delayMs}`, evidence: ev },
              { id: `${tag}-merged`, name: `Merged Official ${delayMs}`, evidence: ev },
            ],
          }),
        },
      ]);
      expect(first.ok).toBe(true);
      const ingest = ingestDocuments(graph.t.db, [
        { file: 'many', value: manyMeetings(`${tag}-many`, `${tag}-merged`, `Merged Official ${delayMs}`, 1500) },
      ]);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const merge = mergePeople(graph.t.db, `${tag}-kept`, `${tag}-merged`);
      const [ingested, merged] = await Promise.all([ingest, merge]);
      if (!ingested.ok) throw new Error(JSON.stringify(ingested.problems.slice(0, 3)));
      expect(ingested.ok).toBe(true);
      expect(merged.id).toBe(`${tag}-kept`);

      expect(await integrity()).toEqual({ nameless: 0, unsourced: 0 });
      const [held] = await graph.t.db.read<{ people: number; meetings: number }>(
        `OPTIONAL MATCH (gone:Person {id: $merged})
         MATCH (kept:Person {id: $kept})
         RETURN count(gone) AS people, COUNT { (kept)-[:ATTENDED]->(:Meeting) } AS meetings`,
        { kept: `${tag}-kept`, merged: `${tag}-merged` },
      );
      expect(held).toEqual({ people: 0, meetings: 1500 });
      const found = await execute<{ person: { id: string; name: string } }>(
        server,
        graph.t.db,
        `{ person(id: "${tag}-merged") { id name } }`,
      );
      expect(found.errors).toBeUndefined();
      expect(found.data!.person).toEqual({ id: `${tag}-kept`, name: `Kept Official ${delayMs}` });
    }, 120_000);
  }
});

describe('merges of one pair at once', () => {
  it('all answer the kept person; none fails', async () => {
    const seeded = await ingestDocuments(graph.t.db, [
      {
        file: 'pair',
        value: doc('pair-source', {
          people: [
            { id: 'pair-kept', name: 'Pair Kept', evidence: ev },
            { id: 'pair-merged', name: 'Pair Merged', evidence: ev },
          ],
        }),
      },
    ]);
    expect(seeded.ok).toBe(true);
    const mutation = 'mutation { mergePeople(keep: "pair-kept", merge: "pair-merged") { id name } }';
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => execute<{ mergePeople: { id: string } }>(server, graph.t.db, mutation, {}, { authenticated: true })),
    );
    expect(answers.map((a) => a.errors)).toEqual(Array(10).fill(undefined));
    expect(answers.map((a) => a.data!.mergePeople)).toEqual(Array(10).fill({ id: 'pair-kept', name: 'Pair Kept' }));
  }, 60_000);
});

describe('one id space', () => {
  it('refuses a person given the id of a country or an organization, naming both', async () => {
    const result = await ingestDocuments(graph.t.db, [
      {
        file: 'clash.json',
        value: doc('clash-source', {
          people: [
            { id: 'PK', name: 'Official Named Like A Country', evidence: ev },
            { id: 'org-az-mod', name: 'Official Named Like A Ministry', evidence: ev },
          ],
        }),
      },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      '/people/0/id: "PK" is already the id of a Country in the graph',
      '/people/1/id: "org-az-mod" is already the id of an Organization in the graph',
    ]);
  });

  it('is given to a graph written before it, at start, and names ids two kinds already share', async () => {
    const { db } = graph.t;
    const declared = async () => (await db.read<{ n: number }>('MATCH (n:Entity) RETURN count(n) AS n'))[0]!.n;
    const before = await declared();
    await db.write('DROP CONSTRAINT entity_id');
    await db.write('MATCH (n:Entity) REMOVE n:Entity');
    await db.write(`CREATE (:Person {id: 'PK', name: 'Written Before'})`);
    await expect(applyConstraints(db)).rejects.toThrow('these name several entities: PK (Country, Person)');
    await db.write(`MATCH (p:Person {id: 'PK'}) DETACH DELETE p`);
    await applyConstraints(db);
    expect(await declared()).toBe(before);
  });

  it('is kept by a constraint when something writes past validation', async () => {
    await expect(graph.t.db.write(`CREATE (:Person:Entity {id: 'PK', name: 'Past Validation'})`)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
  });
});

describe("a source's metadata", () => {
  const seedSource = async () => {
    const files = seedFiles();
    const { readDocumentFile } = await import('../../src/services/ingest.service.js');
    const read = await readDocumentFile(files[0]!);
    if ('path' in read) throw new Error(read.message);
    return (read.value as { sources: Record<string, unknown>[] }).sources[0]!;
  };

  it('cannot change by declaring the source again: the seed source with 1 paragraph instead of 10', async () => {
    const seed = await seedSource();
    const result = await ingestDocuments(graph.t.db, [
      { file: 'shrunk.json', value: { format: 'officials-graph/source-document@1', sources: [{ ...seed, paragraphs: 1 }] } },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({
        path: '/sources/0',
        message: `declares source "${seed.id}" with other paragraphs than the graph's revision 1`,
        expected: 'the metadata the graph holds, or "revision": 2 to change it',
      }),
    ]);
  });

  it('changes through a revision, which may not remove paragraphs', async () => {
    const seed = await seedSource();
    const shrinking = await ingestDocuments(graph.t.db, [
      { file: 'r2.json', value: { format: 'officials-graph/source-document@1', sources: [{ ...seed, paragraphs: 1, revision: 2 }] } },
    ]);
    expect(shrinking.ok).toBe(false);
    if (!shrinking.ok) expect(shrinking.problems.map((p) => p.path)).toEqual(['/sources/0/paragraphs']);

    const retitled = await ingestDocuments(graph.t.db, [
      {
        file: 'r2.json',
        value: { format: 'officials-graph/source-document@1', sources: [{ ...seed, title: `${seed.title} (corrected)`, revision: 2 }] },
      },
    ]);
    expect(retitled.ok).toBe(true);
    const { data } = await execute<{ source: { title: string; revision: number } }>(
      server,
      graph.t.db,
      `{ source(id: "${seed.id}") { title revision } }`,
    );
    expect(data!.source).toEqual({ title: `${seed.title} (corrected)`, revision: 2 });
    // The seed as it was is now an older revision: it is refused until it cites the source as the graph holds it.
    const again = await ingestFiles(graph.t.db, seedFiles());
    expect(again.ok).toBe(false);
  });
});
