import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { projectPath } from '../../src/project-root.js';
import { ingestFiles } from '../../src/services/ingest.service.js';
import { seedFiles } from '../../src/services/seed.service.js';
import { runCli } from '../helpers/cli.js';
import { execute } from '../helpers/execute.js';
import { useSeededGraph } from '../helpers/graph-fixtures.js';
import { dumpGraph, resetGraph } from '../helpers/test-db.js';

const graph = useSeededGraph();
const run = <T = any>(query: string, variables: Record<string, unknown> = {}) =>
  execute<T>(graph.server, graph.t.db, query, variables, { authenticated: true });

const EXAMPLES = projectPath('seed', 'examples');
const CALL_AND_TRILATERAL = join(EXAMPLES, 'example-wire-2021-07-15-call-and-trilateral.json');
const GHQ = join(EXAMPLES, 'example-2022-03-22-hasanov-at-ghq.json');

async function seedOnly(): Promise<void> {
  await resetGraph(graph.t.db);
  expect((await ingestFiles(graph.t.db, seedFiles())).ok).toBe(true);
}

describe('a dry run', () => {
  it('checks and plans everything, says who would be linked and why and what would change, and writes nothing', async () => {
    await seedOnly();
    const before = await dumpGraph(graph.t.db);
    const dry = await ingestFiles(graph.t.db, [CALL_AND_TRILATERAL], { dryRun: true });
    expect(dry.ok).toBe(true);
    if (!dry.ok) return;
    expect(dry.dryRun).toBe(true);
    expect(dry.linkedPeople).toContainEqual({
      documentId: 'example-zakir-hasanov',
      personId: 'person-zakir-hasanov',
      reason: 'the same name or alias, after transliteration (another script, kh/h, dzh/j, ə/a)',
    });
    expect(dry.candidates.map((c) => c.key)).toEqual(['example-qamar-bajwa|person-qamar-javed-bajwa']);
    expect(dry.changes).toContainEqual({ scope: 'Meeting', kind: 'NODE', created: 2, updated: 0, unchanged: 0 });
    expect(dry.changes).toContainEqual({ scope: 'Tenure', kind: 'NODE', created: 2, updated: 1, unchanged: 0 });
    expect(dry.noChanges).toBe(false);
    expect(await dumpGraph(graph.t.db)).toEqual(before);
  });

  it('is the same through GraphQL: dryRun: true', async () => {
    const { data, errors } = await run(
      `mutation($d: [JSON!]!) { ingestDocuments(documents: $d, dryRun: true) { dryRun noChanges changes { scope created } } }`,
      { d: [JSON.parse(await import('node:fs/promises').then((f) => f.readFile(GHQ, 'utf8')))] },
    );
    expect(errors).toBeUndefined();
    expect(data.ingestDocuments).toMatchObject({ dryRun: true, noChanges: false });
    expect(data.ingestDocuments.changes).toContainEqual({ scope: 'Place', created: 2 });
    expect((await run(`{ meeting(id: "example-meeting-2022-03-22-hasanov-bajwa-ghq") { id } }`)).data.meeting).toBeNull();
  });
});

describe('honest counts', () => {
  it('counts what an ingest created, and says "no changes" when the same file comes again', async () => {
    await seedOnly();
    const first = await ingestFiles(graph.t.db, [GHQ]);
    expect(first.ok && first.changes).toEqual(
      expect.arrayContaining([
        { scope: 'Meeting', kind: 'NODE', created: 1, updated: 0, unchanged: 0 },
        { scope: 'ATTENDED', kind: 'RELATIONSHIP', created: 2, updated: 0, unchanged: 0 },
      ]),
    );
    const again = await ingestFiles(graph.t.db, [GHQ]);
    expect(again.ok && again.noChanges).toBe(true);
    expect(again.ok && again.changes.every((c) => c.created === 0 && c.updated === 0)).toBe(true);
  });
});

describe('ranked connections and places within places', () => {
  beforeAll(async () => {
    await seedOnly();
    expect((await ingestFiles(graph.t.db, [GHQ])).ok).toBe(true);
  });

  it('puts the shared meeting before the greetings when Hasanov and Bajwa are two hops apart both ways, and says why', async () => {
    const { data } = await run(
      `query($from: ID!, $to: ID!) {
      strength: connections(from: $from, to: $to, kinds: [MEETINGS, STATEMENTS], maxHops: 2, first: 2) {
        length score scoreParts { reason value } hops { relationship } }
      recency: connections(from: $from, to: $to, kinds: [MEETINGS, STATEMENTS], maxHops: 2, first: 2, orderBy: RECENCY) { score } }`,
      { from: 'person-zakir-hasanov', to: 'person-qamar-javed-bajwa' },
    );
    expect(data.strength.map((c: any) => [c.length, c.score, c.hops.map((h: any) => h.relationship)])).toEqual([
      [2, 3, ['ATTENDED', 'ATTENDED']],
      [2, 2, ['ON_BEHALF_OF', 'ADDRESSED_TO']],
    ]);
    expect(data.strength[0].scoreParts).toEqual([
      { reason: 'ATTENDED: tie strength 3', value: 3 },
      { reason: 'ATTENDED: tie strength 3', value: 3 },
      { reason: 'newest dated step 2022-03-22', value: 0 },
    ]);
    expect(data.recency.map((c: any) => c.score)).toEqual([3, 2]);
  });

  it('shows the place of a meeting within its city, in who-met-whom answers', async () => {
    const { data } = await run(`{ counterparts(personId: "person-zakir-hasanov") {
      person { id } encounters { meeting { id place { ... on Place { name parent { name } within { name country { id } } } } } } } }`);
    const bajwa = data.counterparts.find((c: any) => c.person.id === 'person-qamar-javed-bajwa');
    expect(bajwa.encounters).toEqual([
      {
        meeting: {
          id: 'example-meeting-2022-03-22-hasanov-bajwa-ghq',
          place: {
            name: 'General Headquarters (GHQ)',
            parent: { name: 'Rawalpindi' },
            within: [{ name: 'Rawalpindi', country: { id: 'PK' } }],
          },
        },
      },
    ]);
  });

  it("captions meetings apart in Neo4j Browser: the participants' surnames", async () => {
    const rows = await graph.t.db.read(`MATCH (m:Meeting) RETURN m.caption AS caption ORDER BY caption`);
    expect(rows.map((r) => r.caption)).toEqual(['Alvi, Gafarova', 'Bajwa, Bekirov', 'Bajwa, Hasanov', 'Bekirov, Niazi']);
  });
});

describe('the copy check on a user document', () => {
  const report = join(EXAMPLES, 'example-2022-03-22-hasanov-at-ghq.txt');

  it('passes a document in our own words, and names a note that reuses a run of the report', async () => {
    const clean = await runCli(['check-copy', GHQ, '--text', report]);
    expect(clean.output).toContain('no note or summary repeats eight words');
    expect(clean.code).toBe(0);
    const copied = JSON.parse(await import('node:fs/promises').then((f) => f.readFile(GHQ, 'utf8')));
    copied.meetings[0].evidence[1].note = 'The two commanders talked about training of officers, joint exercises and the defence industry.';
    const file = join(mkdtempSync(join(tmpdir(), 'officials-copy-')), 'copied.json');
    writeFileSync(file, JSON.stringify(copied));
    const caught = await runCli(['check-copy', file, '--text', report]);
    expect(caught.code).toBe(1);
    expect(caught.output).toContain(
      `${file} /meetings/0/evidence/1/note: repeats the report's words "the two commanders talked about training of officers"`,
    );
    // A YAML document is read as ingest reads it.
    const yamlFile = file.replace(/\.json$/, '.yaml');
    writeFileSync(yamlFile, toYaml(copied));
    const caughtInYaml = await runCli(['check-copy', yamlFile, '--text', report]);
    expect(caughtInYaml.code).toBe(1);
    expect(caughtInYaml.output).toContain(`${yamlFile} /meetings/0/evidence/1/note: repeats the report's words`);
    const refused = await runCli(['ingest', '--text', report, file]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('nothing was written');
  });
});
