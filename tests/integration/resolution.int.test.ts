import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/project-root.js';
import { exportDocuments, JUDGEMENTS_FILE } from '../../src/services/export.service.js';
import { ingestDocuments, ingestFiles } from '../../src/services/ingest.service.js';
import { seedFiles } from '../../src/services/seed.service.js';
import { runCli } from '../helpers/cli.js';
import { execute } from '../helpers/execute.js';
import { personDocument, useSeededGraph } from '../helpers/graph-fixtures.js';
import { countsByLabel, dumpGraph, resetGraph } from '../helpers/test-db.js';

const graph = useSeededGraph();
const run = <T = any>(query: string, variables: Record<string, unknown> = {}) =>
  execute<T>(graph.server, graph.t.db, query, variables, { authenticated: true });

const EXAMPLE = projectPath('seed', 'examples', 'example-wire-2021-07-15-call-and-trilateral.json');

async function seedOnly(): Promise<void> {
  await resetGraph(graph.t.db);
  expect((await ingestFiles(graph.t.db, seedFiles())).ok).toBe(true);
}

describe('a second report, in the genre of the seed', () => {
  it('ingests a declared topic, links known people, proposes the misspelled army chief with reasons, attests a tenure again', async () => {
    await seedOnly();
    const result = await ingestFiles(graph.t.db, [EXAMPLE]);
    expect(result.ok ? 'ok' : result.problems).toBe('ok');
    if (!result.ok) return;
    expect(result.linkedPeople.map((l) => l.personId).sort()).toEqual([
      'person-sahiba-gafarova',
      'person-subhan-bekirov',
      'person-zakir-hasanov',
    ]);
    expect(result.candidates).toHaveLength(1);
    expect(result.candidates[0]).toMatchObject({ a: 'person-qamar-javed-bajwa', b: 'example-qamar-bajwa' });
    expect(result.candidates[0]!.score).toBeGreaterThanOrEqual(0.9);
    expect(result.candidates[0]!.reasons).toEqual(
      expect.arrayContaining(['Javed appears in one spelling only (a middle name?)', 'both of PK']),
    );
    expect(result.notices).toEqual([]);

    const { data } = await run(`{
      person(id: "person-subhan-bekirov") {
        tenures { id attested { earliest latest } attestations { date { value } evidence { source { id } } } } }
      topics { code label meetingCount }
      meetings(where: {topic: "DEFENCE_INDUSTRY"}) { nodes { id format topics { code label } } }
      matchCandidates { totalCount nodes { a { id } b { id } score reasons status } }
    }`);
    expect(data.person.tenures).toEqual([
      {
        id: 'tenure-bekirov-az-navy-commander',
        attested: { earliest: '2021-06-01', latest: '2021-07-31' },
        attestations: [
          { date: { value: '2021-06' }, evidence: { source: { id: 'azernews-2021-06-09-az-pk-military-talks' } } },
          { date: { value: '2021-07' }, evidence: { source: { id: 'example-wire-2021-07-15' } } },
        ],
      },
    ]);
    expect(data.topics).toContainEqual({ code: 'DEFENCE_INDUSTRY', label: 'Defence industry', meetingCount: 1 });
    expect(data.meetings.nodes).toEqual([
      {
        id: 'example-meeting-2021-07-14-bajwa-hasanov-call',
        format: 'CALL',
        topics: [
          { code: 'DEFENCE_INDUSTRY', label: 'Defence industry' },
          { code: 'MILITARY_COOPERATION', label: 'Military cooperation' },
        ],
      },
    ]);
    expect(data.matchCandidates).toMatchObject({
      totalCount: 1,
      nodes: [{ a: { id: 'person-qamar-javed-bajwa' }, b: { id: 'example-qamar-bajwa' }, status: 'OPEN' }],
    });
    const [drawn] = await graph.t.db.read(
      `MATCH (:Meeting {id: 'example-meeting-2021-07-speakers'})-[:ON_TOPIC]->(t:Topic) RETURN collect(t.code) AS codes`,
    );
    expect([...(drawn!.codes as string[])].sort()).toEqual(['INTER_PARLIAMENTARY_COOPERATION', 'REGIONAL_SECURITY']);
  });

  it('after npm run resolve judges the pair SAME, there is one army chief, and who-met-whom has the call for both officials', async () => {
    const resolved = await runCli(['resolve', '--by', 'analyst'], 's\n');
    expect(resolved.output).toContain('1 open match candidate');
    expect(resolved.output).toContain('judged 1 pair');
    expect(resolved.code).toBe(0);
    const { data } = await run(`{
      bajwa: person(id: "example-qamar-bajwa") { id name aliases }
      ofBajwa: counterparts(personId: "person-qamar-javed-bajwa") { person { id } encounters { meeting { id } } }
      ofHasanov: counterparts(personId: "person-zakir-hasanov") { person { id } encounters { meeting { id } } }
      matchCandidates(status: SAME) { totalCount }
    }`);
    expect(data.bajwa).toEqual({
      id: 'person-qamar-javed-bajwa',
      name: 'Qamar Javed Bajwa',
      aliases: ['Qamar Bajwa', 'General Qamar Bajwa'],
    });
    expect(data.ofBajwa).toContainEqual({
      person: { id: 'person-zakir-hasanov' },
      encounters: [{ meeting: { id: 'example-meeting-2021-07-14-bajwa-hasanov-call' } }],
    });
    expect(data.ofHasanov).toContainEqual({
      person: { id: 'person-qamar-javed-bajwa' },
      encounters: [{ meeting: { id: 'example-meeting-2021-07-14-bajwa-hasanov-call' } }],
    });
    const people = await graph.t.db.read(`MATCH (p:Person) WHERE p.name CONTAINS 'Bajwa' RETURN p.id AS id`);
    expect(people).toEqual([{ id: 'person-qamar-javed-bajwa' }]);
  });

  it('exports the judgement beside the documents, and ingesting both into an empty graph gives the same graph', async () => {
    const before = await dumpGraph(graph.t.db);
    const { documents, judgements } = await exportDocuments(graph.t.db);
    expect(judgements.judgements).toMatchObject([
      { a: 'person-qamar-javed-bajwa', b: 'example-qamar-bajwa', verdict: 'SAME', by: 'analyst' },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'officials-export-'));
    for (const doc of documents) writeFileSync(join(dir, `${doc.sources[0]!.id}.json`), JSON.stringify(doc));
    writeFileSync(join(dir, JUDGEMENTS_FILE), JSON.stringify(judgements));
    await resetGraph(graph.t.db);
    const again = await ingestFiles(
      graph.t.db,
      readdirSync(dir).map((f) => join(dir, f)),
    );
    expect(again.ok ? again.judgements : again.problems).toBe(1);
    expect(await dumpGraph(graph.t.db)).toEqual(before);
  });
});

describe('match candidates', () => {
  it('proposes no one among people who share only a surname, or a surname and a given name across countries', async () => {
    await seedOnly();
    const result = await ingestDocuments(graph.t.db, [
      {
        file: 'aliyevs.json',
        value: personDocument('test-aliyevs', [
          { id: 'ilham-aliyev', name: 'Ilham Aliyev', country: 'AZ' },
          { id: 'heydar-aliyev', name: 'Heydar Aliyev', country: 'AZ' },
          { id: 'adil-aliyev', name: 'Adil Aliyev', country: 'AZ' },
          { id: 'imran-khan', name: 'Imran Khan', country: 'PK' },
          { id: 'shahid-khan', name: 'Shahid Khan', country: 'PK' },
          { id: 'zakir-hasanov-uz', name: 'Zakir Hasanov', country: 'AM' },
        ]),
      },
    ]);
    expect(result.ok ? result.candidates : result.problems).toEqual([]);
  });

  it('never proposes a pair judged DIFFERENT again, and refuses a judgement naming nobody', async () => {
    await seedOnly();
    const doc = personDocument('test-bajwas', [{ id: 'q-bajwa', name: 'Qamar Bajwa', country: 'PK' }]);
    const first = await ingestDocuments(graph.t.db, [{ file: 'a.json', value: doc }]);
    expect(first.ok && first.candidates.map((c) => c.key)).toEqual(['person-qamar-javed-bajwa|q-bajwa']);
    const judged = await run(`mutation { judgeMatch(a: "q-bajwa", b: "person-qamar-javed-bajwa", verdict: DIFFERENT, note: "A namesake") {
      verdict note by person { id } } }`);
    expect(judged.data.judgeMatch).toEqual({ verdict: 'DIFFERENT', note: 'A namesake', by: 'api', person: { id: 'q-bajwa' } });
    await graph.t.db.write(`MATCH (c:MatchCandidate) DETACH DELETE c`);
    const again = await ingestDocuments(graph.t.db, [{ file: 'a.json', value: doc }]);
    expect(again.ok && again.candidates).toEqual([]);
    const missing = await run(`mutation { judgeMatch(a: "q-bajwa", b: "nobody", verdict: SAME) { verdict } }`);
    expect(missing.errors![0]).toMatchObject({ extensions: { code: 'NOT_FOUND', argument: 'b' } });
    expect((await countsByLabel(graph.t.db)).Person).toBe(7);
  });

  it('lets two SAME judgements of one pair meet: both answer, and one person remains', async () => {
    await seedOnly();
    const doc = personDocument('test-bajwa-twice', [{ id: 'q-bajwa-2', name: 'Qamar Bajwa', country: 'PK' }]);
    expect((await ingestDocuments(graph.t.db, [{ file: 'b.json', value: doc }])).ok).toBe(true);
    const judge = () => run(`mutation { judgeMatch(a: "person-qamar-javed-bajwa", b: "q-bajwa-2", verdict: SAME) { person { id } } }`);
    const results = await Promise.all([judge(), judge(), judge()]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(results.map((r) => r.data.judgeMatch.person.id)).toEqual(Array(3).fill('person-qamar-javed-bajwa'));
    expect((await countsByLabel(graph.t.db)).Person).toBe(6);
  });

  it('gives the same graph and the same candidates whatever the order of the documents in a batch', async () => {
    const inputs = [...seedFiles(), EXAMPLE];
    const read = await Promise.all(
      inputs.map(async (file) => ({ file, value: JSON.parse(await import('node:fs/promises').then((f) => f.readFile(file, 'utf8'))) })),
    );
    const outcomes: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(read, { minLength: read.length, maxLength: read.length }), async (order) => {
        await resetGraph(graph.t.db);
        const result = await ingestDocuments(graph.t.db, order);
        expect(result.ok).toBe(true);
        const candidates = result.ok ? result.candidates.map((c) => `${c.key} ${c.score}`) : [];
        outcomes.push(JSON.stringify({ graph: await dumpGraph(graph.t.db), candidates }));
      }),
      { numRuns: 4, seed: 20211 },
    );
    expect(new Set(outcomes).size).toBe(1);
  });
});
