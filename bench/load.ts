import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { importDocuments } from '../src/bulk-import/import.service.js';
import type { Db } from '../src/db/run-query.js';
import { groupRelationships, type WritePlan } from '../src/domain/write-plan-rows.js';
import { validateBatch } from '../src/ingest/validation/validate-batch.js';
import { buildWritePlan } from '../src/ingest/write-plan.js';
import { projectPath } from '../src/project-root.js';
import { applyConstraints } from '../src/services/constraints.service.js';
import { type BenchDb, emptyDatabase, ingestWorld, openBenchDb } from './bench-db.js';
import { writeCharts } from './charts.js';
import { generateWorld, NO_GRAPH, WORLD_SIZES, type WorldSize } from './world.js';

/**
 * Load benchmark: writes one synthetic world through plain UNWIND … CREATE statements (the floor any loader stands
 * on) and then, on an emptied database, through the project's ingestion path (validation, alias matching, a few
 * documents per transaction, as `npm run ingest -- FILE...` does). Runs against the project's own `bench` Neo4j
 * instance only, since it deletes everything. With --keep the ingested world stays for `npm run bench`. Between
 * the two, the world goes through the bulk import (`npm run import`: validation, CSV, neo4j-admin's offline
 * importer, restart, schema and derivations), end to end on the same instance.
 */

const say = (line: string) => process.stderr.write(`${line}\n`);

/**
 * The nodes and relationships the plan's rows make, the same for every loader: the ingest lock, vocabulary terms
 * and the topic links drawn from meetings' topics are the ingestion path's own additions and are not counted.
 */
async function graphSize(db: Db): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read(
    `CALL () {
       MATCH (n) WHERE NOT n:IngestLock AND NOT n:Term AND NOT n:MatchCandidate AND NOT n:Judgement
       RETURN count(n) AS nodes
     }
     CALL () { MATCH ()-[r]->() WHERE type(r) <> 'ON_TOPIC' RETURN count(r) AS relationships }
     RETURN nodes, relationships`,
  );
  return { nodes: row!.nodes as number, relationships: row!.relationships as number };
}

/** The baseline: the plan's rows written with CREATE, no lookups, no evidence merging, big batches. */
async function writeRaw(driver: Driver, plan: WritePlan): Promise<void> {
  const run = async (cypher: string, rows: unknown[]) => {
    for (let i = 0; i < rows.length; i += 10_000) {
      await driver.executeQuery(cypher, { rows: rows.slice(i, i + 10_000) }, { database: 'neo4j', routing: neo4j.routing.WRITE });
    }
  };
  await run('UNWIND $rows AS row CREATE (s:Source {id: row.id}) SET s += row.props', plan.sources);
  for (const [label, rows] of plan.nodes) {
    await run(`UNWIND $rows AS row CREATE (n:${label} {id: row.id}) SET n += row.props`, rows);
    const evidence = rows.flatMap((row) => row.evidence.map((e) => ({ id: row.id, ...e })));
    await run(
      `UNWIND $rows AS row MATCH (n:${label} {id: row.id}), (s:Source {id: row.source})
       CREATE (n)-[:SUPPORTED_BY {paragraph: row.paragraph, note: row.note}]->(s)`,
      evidence,
    );
  }
  for (const { fromLabel: from, type, toLabel: to, rows } of groupRelationships(plan)) {
    await run(
      `UNWIND $rows AS row MATCH (a:${from} {id: row.from}), (b:${to} {id: row.to})
       CREATE (a)-[r:${type}]->(b)
        SET r += row.props, r.sourceIds = [e IN row.evidence | e.source], r.paragraphs = [e IN row.evidence | e.paragraph],
            r.notes = [e IN row.evidence | e.note]`,
      rows,
    );
  }
}

/** The benchmark's options, read once. */
interface LoadOptions {
  size: WorldSize;
  perIngest: number;
  loaders: Set<string>;
  keep: boolean;
}

function parseLoadOptions(): LoadOptions {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'tiny' },
      batch: { type: 'string', default: '10' },
      // Which loaders to run besides ingestion: the raw floor takes minutes at 100k and says nothing about the
      // project's own loaders; CI leaves out the bulk import, whose own test runs it.
      loaders: { type: 'string', default: 'import,raw' },
      keep: { type: 'boolean', default: false },
    },
  });
  const size = values.size as WorldSize;
  if (!(size in WORLD_SIZES)) throw new Error(`--size must be one of ${Object.keys(WORLD_SIZES).join(', ')}`);
  return { size, perIngest: Number(values.batch), loaders: new Set(values.loaders.split(',').filter(Boolean)), keep: values.keep };
}

type World = ReturnType<typeof generateWorld>;
type GraphSize = { nodes: number; relationships: number };
type Loaded = GraphSize & { ms: number };
type Imported = Loaded & { phases: { name: string; ms: number }[] };

/**
 * The bulk import, from an emptied instance and with no driver open across it: it replaces the store, and a driver's
 * bookmarks from the old store would make its reads wait for transactions the new one never had.
 */
async function bulkImport(world: World): Promise<{ importMs: number; phases: { name: string; ms: number }[] }> {
  const emptied = await openBenchDb(say);
  await emptyDatabase(emptied.driver);
  await emptied.close(true);
  const t = performance.now();
  const loaded = await importDocuments(
    world.map((value, i) => ({ file: `world-${i}`, value })),
    {
      instance: 'bench',
      database: 'neo4j',
      // No statement timeout: after the load, constraints and indexes are built over the whole store at once.
      open: async () => {
        const opened = await openBenchDb(say, 0);
        return { db: opened.db, close: () => opened.close(true) };
      },
      log: (line) => say(`  import: ${line}`),
    },
  );
  if (!loaded.ok) throw new Error(`the bulk import refused the world: ${JSON.stringify(loaded).slice(0, 400)}`);
  return { importMs: performance.now() - t, phases: loaded.phases };
}

/** The raw floor on an emptied database; validation and planning are done before the clock starts. */
async function rawLoad(bench: BenchDb, world: World): Promise<Loaded> {
  const checked = await validateBatch(
    world.map((value, i) => ({ file: `world-${i}`, value })),
    NO_GRAPH,
  );
  if (!('batch' in checked)) throw new Error('the world does not validate as one batch');
  const plan = buildWritePlan(checked.batch);
  await emptyDatabase(bench.driver);
  await applyConstraints(bench.db);
  const t = performance.now();
  await writeRaw(bench.driver, plan);
  const raw = { ms: performance.now() - t, ...(await graphSize(bench.db)) };
  say(`raw UNWIND: ${raw.nodes + raw.relationships} nodes+relationships in ${(raw.ms / 1000).toFixed(1)} s`);
  return raw;
}

/** The project's ingestion path, on an emptied database with its constraints, as `npm run ingest` writes. */
async function ingestionLoad(bench: BenchDb, world: World, perIngest: number): Promise<Loaded> {
  await emptyDatabase(bench.driver);
  await applyConstraints(bench.db);
  const t = performance.now();
  await ingestWorld(bench.db, world, perIngest, say);
  const ms = performance.now() - t;
  return { ...(await graphSize(bench.db)), ms };
}

interface Loads {
  ingested: Loaded;
  raw: Loaded | undefined;
  imported: Imported | undefined;
}

/** The result as written to load-SIZE.json, without the ingestion's share of the raw rate. */
function loadResult(options: LoadOptions, documents: number, { ingested, raw, imported }: Loads) {
  const rate = (g: GraphSize, ms: number) => Math.round(((g.nodes + g.relationships) / ms) * 1000);
  const { nodes, relationships, ms } = ingested;
  return {
    size: options.size,
    world: WORLD_SIZES[options.size],
    documents,
    documentsPerIngest: options.perIngest,
    ingest: { nodes, relationships, ms: Math.round(ms), itemsPerSecond: rate(ingested, ms) },
    rawUnwind: raw && { ...raw, ms: Math.round(raw.ms), itemsPerSecond: rate(raw, raw.ms) },
    bulkImport: imported && { ...imported, ms: Math.round(imported.ms), itemsPerSecond: rate(imported, imported.ms) },
  };
}

type LoadResult = ReturnType<typeof loadResult>;

/** The Markdown table: one row per loader that ran, then how the loaders compare. */
function loadTable(result: LoadResult, { ingested, raw, imported }: Loads, ratio: number | undefined): string {
  const row = (...cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  return [
    row(
      `loader (${result.size}: ${result.world.officials} officials, ${result.world.meetings} meetings)`,
      'nodes',
      'relationships',
      'seconds',
      'nodes+relationships per second',
    ),
    '| --- | ---: | ---: | ---: | ---: |',
    row(
      `project ingestion (validation, alias matching; ${result.documentsPerIngest} documents per ingest, one transaction each)`,
      ingested.nodes,
      ingested.relationships,
      seconds(ingested.ms),
      result.ingest.itemsPerSecond,
    ),
    ...(raw && result.rawUnwind
      ? [row('raw UNWIND … CREATE through the driver', raw.nodes, raw.relationships, seconds(raw.ms), result.rawUnwind.itemsPerSecond)]
      : []),
    ...(imported && result.bulkImport
      ? [
          row(
            'npm run import, end to end (validation, CSV, neo4j-admin import, restart, schema, derivations)',
            imported.nodes,
            imported.relationships,
            seconds(imported.ms),
            result.bulkImport.itemsPerSecond,
          ),
        ]
      : []),
    '',
    [
      ratio ? `Ingestion runs at ${(ratio * 100).toFixed(0)} % of the raw UNWIND rate.` : '',
      imported
        ? `The bulk import loads at ${(ingested.ms / imported.ms).toFixed(2)}× the speed of ingestion, end to end. Its phases: ` +
          `${imported.phases.map((p) => `${p.name} ${seconds(p.ms)} s`).join(', ')}.`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
  ].join('\n');
}

async function writeLoadReport(options: LoadOptions, documents: number, loads: Loads): Promise<void> {
  const result = loadResult(options, documents, loads);
  const ratio = result.rawUnwind && result.ingest.itemsPerSecond / result.rawUnwind.itemsPerSecond;
  const table = loadTable(result, loads, ratio);
  const dir = projectPath('bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/load-${options.size}.json`, `${JSON.stringify({ ...result, ingestShareOfRaw: ratio }, null, 2)}\n`);
  writeFileSync(`${dir}/load-${options.size}.md`, `${table}\n`);
  for (const chart of await writeCharts(options.size)) say(`wrote ${chart}`);
  process.stdout.write(`${table}\n`);
}

/** Every loader writes the same plan, so a different count means one of them lost or doubled something. */
function assertSameGraphs({ ingested, raw, imported }: Loads): void {
  for (const other of [raw, imported].filter((g) => g !== undefined)) {
    if (ingested.nodes !== other.nodes || ingested.relationships !== other.relationships) {
      const counts = { ingested: { nodes: ingested.nodes, relationships: ingested.relationships }, raw, imported };
      throw new Error(`the loaders wrote different graphs: ${JSON.stringify(counts)}`);
    }
  }
}

async function main(): Promise<void> {
  const options = parseLoadOptions();
  const began = performance.now();
  const world = generateWorld(options.size);
  say(`generated ${options.size}: ${world.length} documents in ${Math.round(performance.now() - began)} ms`);

  const bulk = options.loaders.has('import') ? await bulkImport(world) : undefined;
  const bench = await openBenchDb(say);
  try {
    const imported = bulk && { ms: bulk.importMs, phases: bulk.phases, ...(await graphSize(bench.db)) };
    if (imported)
      say(`npm run import: ${imported.nodes + imported.relationships} nodes+relationships in ${(imported.ms / 1000).toFixed(1)} s`);
    const raw = options.loaders.has('raw') ? await rawLoad(bench, world) : undefined;
    // The ingestion path last, so the graph left behind (with --keep) is the one the API and the query benchmark expect.
    const ingested = await ingestionLoad(bench, world, options.perIngest);
    const loads = { ingested, raw, imported };
    await writeLoadReport(options, world.length, loads);
    assertSameGraphs(loads);
  } finally {
    await bench.close(options.keep);
  }
}

main().catch((error: unknown) => {
  say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
