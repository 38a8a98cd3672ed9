import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../bench/world.js';
import { importDocuments } from '../../src/bulk-import/import.service.js';
import { createDriver } from '../../src/db/driver.js';
import { createDb, type Db } from '../../src/db/run-query.js';
import { ensureRunning, reset, stop } from '../../src/local-neo4j/local-neo4j.js';
import { projectPath } from '../../src/project-root.js';
import { type DocumentInput, ingestDocuments } from '../../src/services/ingest.service.js';
import { seedFiles } from '../../src/services/seed.service.js';
import { personDocument } from '../helpers/graph-fixtures.js';
import { dumpGraph, openTestDb, resetGraph, type TestDb } from '../helpers/test-db.js';

/**
 * The bulk import against the ingest path on the same documents: the seed (tenures with attestations, statements,
 * relations, trade figures, a spelling linked to a person), an example report, spellings that raise match
 * candidates and a small generated world. The import runs on its
 * own server (the scratch instance), since it stops the server and replaces its store.
 */
const inputs: DocumentInput[] = [
  ...[...seedFiles(), projectPath('seed', 'examples', 'example-wire-2021-07-15-call-and-trilateral.json')].map((file) => ({
    file,
    value: JSON.parse(readFileSync(file, 'utf8')),
  })),
  // Spellings of the seed's officials that no name key links: match candidates, as ingest raises them.
  {
    file: 'spellings.json',
    value: personDocument('test-spellings', [
      { id: 'test-q-bajwa', name: 'Qamar Bajwa', country: 'PK' },
      { id: 'test-amjad-niazi', name: 'Amjad Niazi', country: 'PK' },
      { id: 'test-zakir-hasanov', name: 'Zakir Gasanov', country: 'AZ' },
    ]),
  },
  ...generateWorld('tiny', { seed: 7 }).map((value, i) => ({ file: `world-${i}.json`, value })),
];

let shared: TestDb;
let scratch: { db: Db; close(): Promise<void> } | undefined;

async function openScratch(): Promise<{ db: Db; close(): Promise<void> }> {
  const server = await ensureRunning('scratch');
  const driver = await createDriver({ ...server, database: 'neo4j' });
  return { db: createDb(driver, 'neo4j'), close: () => driver.close() };
}

const SCRATCH = { instance: 'scratch', database: 'neo4j', open: openScratch } as const;

/** The graph as text, without the node ingest keeps to serialise writers. */
async function graphOf(db: Db): Promise<string[]> {
  return (await dumpGraph(db)).filter((line) => !line.startsWith('(IngestLock '));
}

beforeAll(async () => {
  shared = await openTestDb();
  await reset('scratch');
}, 120_000);

afterAll(async () => {
  await scratch?.close();
  await shared?.close();
  await stop('scratch');
});

describe('npm run import', () => {
  it('lists every problem of invalid documents and loads nothing', async () => {
    const broken = [
      { file: 'a.json', value: { ...(inputs[0]!.value as object), people: [{ id: 'person-x' }] } },
      { file: 'b.json', value: { format: 'officials-graph/source-document@1', sources: [] } },
    ];
    const result = await importDocuments(broken, SCRATCH);
    expect(result.ok).toBe(false);
    expect('problems' in result && result.problems.map((p) => p.file)).toEqual(expect.arrayContaining(['a.json']));
    scratch = await openScratch();
    expect(await scratch.db.read('MATCH (n) WHERE NOT n:Term RETURN count(n) AS n')).toEqual([{ n: 0 }]);
    await scratch.close();
    scratch = undefined;
  }, 120_000);

  it('writes the very graph ingest writes from the same documents, and says so by its counts', async () => {
    await resetGraph(shared.db);
    const ingested = await ingestDocuments(shared.db, inputs);
    expect(ingested.ok).toBe(true);

    const imported = await importDocuments(inputs, SCRATCH);
    expect(imported).toMatchObject({ ok: true, documents: inputs.length });
    scratch = await openScratch();
    const [mine, theirs] = [await graphOf(scratch.db), await graphOf(shared.db)];
    expect(mine.length).toBeGreaterThan(10_000);
    expect(mine.filter((line) => line.startsWith('(MatchCandidate ')).length).toBeGreaterThanOrEqual(2);
    // The first lines either side lacks, so a failure says what differs; then the whole graph.
    const missing = (a: string[], b: string[]) => a.filter((line) => !b.includes(line)).slice(0, 3);
    expect({ onlyImported: missing(mine, theirs), onlyIngested: missing(theirs, mine) }).toEqual({ onlyImported: [], onlyIngested: [] });
    expect(mine).toEqual(theirs);
  }, 300_000);

  it('refuses a database that holds data, and points to ingest', async () => {
    await scratch?.close();
    scratch = undefined;
    const again = await importDocuments(inputs.slice(0, 1), SCRATCH);
    expect(again).toMatchObject({ ok: false, refused: expect.stringContaining('npm run ingest') });
  }, 120_000);
});
