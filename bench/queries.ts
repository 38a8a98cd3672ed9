import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { readAutoCommit } from '../src/db/run-query.js';
import { projectPath } from '../src/project-root.js';
import { postGraphql, type RecordedStatement, type RecordingDb, recordingDb, startOurApi, startPlainHttp } from './api.js';
import { ensureWorld, openBenchDb, pinCores } from './bench-db.js';
import { writeCharts } from './charts.js';
import { startNeo4jGraphql } from './neo4j-graphql-baseline.js';
import { buildQuestions, type Question } from './questions.js';
import { WORLD_SIZES, type WorldSize } from './world.js';

/**
 * Query benchmark: each key question asked, in one run and interleaved, of (1) our GraphQL API over HTTP, (2)
 * the very statements that API sent to Neo4j, replayed through neo4j-driver as the API sends them (auto-commit
 * reads) with nothing in between, (3) the same statements behind a plain HTTP endpoint that sends their rows as
 * JSON (HTTP's own share, the floor under any HTTP API), and (4) @neo4j/graphql over HTTP on the same graph with
 * the closest query it can express. Fixed concurrency; p50/p99 latency and requests per second per variant, and
 * the ratios. Ingests the world first unless the bench database already holds it (left there by
 * `npm run bench:load -- --size <size> --keep`).
 */

const say = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Statements in the order the API could run them: one that started before the previous wave had finished belongs
 * to it (DataLoader sends a level's loads together), so the replay runs each wave's statements concurrently.
 */
function waves(statements: RecordedStatement[]): RecordedStatement[][] {
  const sorted = [...statements].sort((a, b) => a.began - b.began);
  const result: RecordedStatement[][] = [];
  for (const statement of sorted) {
    const current = result.at(-1);
    if (current && statement.began < Math.min(...current.map((s) => s.ended))) current.push(statement);
    else result.push([statement]);
  }
  return result;
}

type Variant = 'ours' | 'direct' | 'plainHttp' | 'neo4jGraphql';

interface Measured {
  latencies: number[];
  wallMs: number;
}

/** `requests` requests, `concurrency` at a time; each worker takes the next index, so every variant sees the same sequence. */
async function drive(requests: number, concurrency: number, first: number, send: (i: number) => Promise<void>): Promise<Measured> {
  const latencies: number[] = [];
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = first + next++;
        const t = performance.now();
        await send(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - began };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

interface VariantResult {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
}

function summarise(runs: Measured[]): VariantResult {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const wall = runs.reduce((sum, r) => sum + r.wallMs, 0);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    p50: round(percentile(latencies, 0.5)),
    p99: round(percentile(latencies, 0.99)),
    rps: Math.round((latencies.length / wall) * 1000),
    requests: latencies.length,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'tiny' },
      concurrency: { type: 'string', default: '4' },
      sweep: { type: 'string', default: '1,2,4,8,16' },
      requests: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '3' },
      keep: { type: 'boolean', default: false },
      pin: { type: 'boolean', default: false },
    },
  });
  const size = values.size as WorldSize;
  if (!(size in WORLD_SIZES)) throw new Error(`--size must be one of ${Object.keys(WORLD_SIZES).join(', ')}`);
  const concurrency = Number(values.concurrency);
  const sweep = values.sweep ? values.sweep.split(',').map(Number) : [];
  const requests = Number(values.requests);
  const rounds = Number(values.rounds);

  const bench = await openBenchDb(say);
  const servers: (() => Promise<void>)[] = [];
  try {
    await ensureWorld(bench, size, say);
    const pinned = values.pin ? pinCores() : undefined;
    if (pinned) servers.push(async () => pinned.undo());
    const db = recordingDb(bench.db);
    const ours = await startOurApi(db);
    servers.push(ours.stop);
    const oursUrl = ours.url;
    const baseline = await startNeo4jGraphql(bench.driver, 'neo4j');
    servers.push(baseline.stop);
    const plain = await startPlainHttp();
    servers.push(plain.stop);

    const questions = await buildQuestions(bench.db, size);
    const results = [];
    const began = performance.now();
    for (const question of questions) {
      results.push(
        await measureQuestion(question, {
          oursUrl,
          neo4jGraphqlUrl: baseline.url,
          plain,
          driver: bench.driver,
          db,
          requests,
          rounds,
          concurrency,
          sweep,
        }),
      );
      say(`measured: ${question.name} (${Math.round((performance.now() - began) / 1000)} s)`);
    }
    await report(size, { concurrency, requests, rounds, sweep, pinned: pinned?.described ?? null }, results);
  } finally {
    for (const stop of servers.reverse()) await stop();
    await bench.close(values.keep);
  }
}

interface QuestionResult {
  question: string;
  baselineNote: string;
  statementsPerRequest: number;
  ours: VariantResult;
  direct: VariantResult;
  plainHttp: VariantResult;
  neo4jGraphql: VariantResult | null;
  /** The same variants at each concurrency of the sweep, one interleaved round each. */
  sweep: ({ concurrency: number } & Record<Exclude<Variant, 'neo4jGraphql'>, VariantResult> & { neo4jGraphql: VariantResult | null })[];
}

async function measureQuestion(
  question: Question,
  setup: {
    oursUrl: string;
    neo4jGraphqlUrl: string;
    plain: Awaited<ReturnType<typeof startPlainHttp>>;
    driver: Driver;
    db: RecordingDb;
    requests: number;
    rounds: number;
    concurrency: number;
    sweep: number[];
  },
): Promise<QuestionResult> {
  const { oursUrl, neo4jGraphqlUrl, plain, driver, db, requests, rounds, concurrency } = setup;
  const total = requests * rounds;
  // Each index asked once through our API first: the statements it sends become the direct variant's work, and
  // both servers get warm.
  const captured = new Map<number, RecordedStatement[][]>();
  const pool = Math.min(total, 200);
  for (let i = 0; i < pool; i++) {
    db.capture = [];
    await postGraphql(oursUrl, question.ours, question.variables(i));
    captured.set(i, waves(db.capture));
    db.capture = undefined;
    if (question.neo4jGraphql) await postGraphql(neo4jGraphqlUrl, question.neo4jGraphql, question.variables(i));
  }
  const statements = [...captured.values()].reduce((n, w) => n + w.flat().length, 0) / captured.size;

  const replay = async (i: number) => {
    const records = [];
    for (const wave of captured.get(i % pool)!) {
      for (const answer of await Promise.all(wave.map((s) => readAutoCommit(driver, 'neo4j', s.cypher, s.params)))) records.push(...answer);
    }
    return records;
  };
  plain.answer(replay);
  const send: Record<Variant, ((i: number) => Promise<void>) | null> = {
    ours: (i) => postGraphql(oursUrl, question.ours, question.variables(i % pool)),
    direct: async (i) => {
      await replay(i);
    },
    plainHttp: (i) => postGraphql(plain.url, '', { i }),
    neo4jGraphql: question.neo4jGraphql ? (i) => postGraphql(neo4jGraphqlUrl, question.neo4jGraphql!, question.variables(i % pool)) : null,
  };
  // The plain endpoint's turn to get warm, now that it has the statements to answer with.
  for (let i = 0; i < pool; i++) await send.plainHttp!(i);
  const variants = (Object.keys(send) as Variant[]).filter((v) => send[v]);
  const runs = new Map<Variant, Measured[]>(variants.map((v) => [v, []]));
  for (let round = 0; round < rounds; round++) {
    // Interleaved, in an order that rotates, so no variant always runs on a colder or hotter server.
    const order = variants.map((_, k) => variants[(k + round) % variants.length]!);
    for (const variant of order) runs.get(variant)!.push(await drive(requests, concurrency, round * requests, send[variant]!));
  }
  const sweep = [];
  for (const c of setup.sweep) {
    const at = new Map<Variant, VariantResult>();
    for (const variant of variants) at.set(variant, summarise([await drive(requests, c, 0, send[variant]!)]));
    sweep.push({
      concurrency: c,
      ours: at.get('ours')!,
      direct: at.get('direct')!,
      plainHttp: at.get('plainHttp')!,
      neo4jGraphql: at.get('neo4jGraphql') ?? null,
    });
  }
  return {
    question: question.name,
    baselineNote: question.baselineNote,
    statementsPerRequest: Math.round(statements * 10) / 10,
    ours: summarise(runs.get('ours')!),
    direct: summarise(runs.get('direct')!),
    plainHttp: summarise(runs.get('plainHttp')!),
    neo4jGraphql: runs.has('neo4jGraphql') ? summarise(runs.get('neo4jGraphql')!) : null,
    sweep,
  };
}

/**
 * Pure overhead and capacity: p50 at concurrency 1 (nothing queues, so what ours adds is its own cost) and the
 * best throughput any concurrency of the sweep reached (saturation), per variant and as ratios.
 */
function sweepTable(sweep: number[], results: QuestionResult[]): string[] {
  if (!sweep.length || !sweep.includes(1)) return [];
  const best = (r: QuestionResult, v: Variant) => Math.max(...r.sweep.map((s) => s[v]?.rps ?? 0));
  const one = (r: QuestionResult) => r.sweep.find((s) => s.concurrency === 1)!;
  const f = (x: number) => x.toFixed(2);
  return [
    '',
    `Concurrency sweep (${sweep.join(', ')}), one round of each: p50 at concurrency 1 in ms, and the best throughput ` +
      'reached at any concurrency (saturation) in requests per second.',
    '',
    `| ${['question', 'ours p50 @1', 'plain HTTP p50 @1', 'direct p50 @1', 'ours ÷ direct @1', 'plain HTTP ÷ direct @1'].join(' | ')} | ` +
      `${['ours max rps', 'plain HTTP max rps', 'direct max rps', '@neo4j/graphql max rps'].join(' | ')} | ` +
      'ours ÷ direct | plain HTTP ÷ direct | ours ÷ @neo4j/graphql |',
    `| --- |${' ---: |'.repeat(12)}`,
    ...results.map((r) => {
      const [ours, plain, direct, base] = [best(r, 'ours'), best(r, 'plainHttp'), best(r, 'direct'), best(r, 'neo4jGraphql')];
      const at1 = one(r);
      const latency = [f(at1.ours.p50), f(at1.plainHttp.p50), f(at1.direct.p50)];
      const overhead = [`${f(at1.ours.p50 / at1.direct.p50)}×`, `${f(at1.plainHttp.p50 / at1.direct.p50)}×`];
      const capacity = [
        ours,
        plain,
        direct,
        base || '—',
        `${f(ours / direct)}×`,
        `${f(plain / direct)}×`,
        base ? `${f(ours / base)}×` : '—',
      ];
      return `| ${[r.question, ...latency, ...overhead, ...capacity].join(' | ')} |`;
    }),
  ];
}

async function report(
  size: WorldSize,
  settings: { concurrency: number; requests: number; rounds: number; sweep: number[]; pinned: string | null },
  results: QuestionResult[],
): Promise<void> {
  const ms = (x: number) => x.toFixed(1);
  const ratio = (x: number) => `${x.toFixed(2)}×`;
  const world = WORLD_SIZES[size];
  const lines = [
    `Queries on the ${size} world (${world.officials} officials, ${world.meetings} meetings); concurrency ${settings.concurrency}, ` +
      `${settings.rounds} interleaved rounds of ${settings.requests} requests per variant` +
      `${settings.pinned ? `; ${settings.pinned}` : ''}. Latency in ms.`,
    '',
    `| ${['question', 'ours p50 / p99', 'rps', 'direct Cypher p50 / p99', 'rps', 'plain HTTP p50 / p99', 'rps'].join(' | ')} | ` +
      '@neo4j/graphql p50 / p99 | rps | ours p50 ÷ direct p50 | ours rps ÷ @neo4j/graphql rps |',
    `| --- |${' ---: |'.repeat(10)}`,
    ...results.map((r) =>
      [
        r.question,
        `${ms(r.ours.p50)} / ${ms(r.ours.p99)}`,
        r.ours.rps,
        `${ms(r.direct.p50)} / ${ms(r.direct.p99)}`,
        r.direct.rps,
        `${ms(r.plainHttp.p50)} / ${ms(r.plainHttp.p99)}`,
        r.plainHttp.rps,
        r.neo4jGraphql ? `${ms(r.neo4jGraphql.p50)} / ${ms(r.neo4jGraphql.p99)}` : '—',
        r.neo4jGraphql ? r.neo4jGraphql.rps : '—',
        ratio(r.ours.p50 / r.direct.p50),
        r.neo4jGraphql ? ratio(r.ours.rps / r.neo4jGraphql.rps) : '—',
      ]
        .join(' | ')
        .replace(/^/, '| ')
        .concat(' |'),
    ),
    ...sweepTable(settings.sweep, results),
    '',
    'Plain HTTP: the statements our API sent, behind a node:http endpoint that sends their rows as JSON; what it adds to ' +
      'direct is HTTP’s own share, which any HTTP API pays.',
    '',
    '@neo4j/graphql queries are the closest it can express:',
    ...results.map((r) => `- ${r.question}: ${r.baselineNote}.`),
  ];
  const table = lines.join('\n');
  const dir = projectPath('bench', 'results');
  mkdirSync(dir, { recursive: true });
  // A pinned run is a second view of the same world; the charts draw the unpinned one.
  const name = `queries-${size}${settings.pinned ? '-pinned' : ''}`;
  writeFileSync(`${dir}/${name}.json`, `${JSON.stringify({ size, world, ...settings, results }, null, 2)}\n`);
  writeFileSync(`${dir}/${name}.md`, `${table}\n`);
  if (!settings.pinned) for (const chart of await writeCharts(size)) say(`wrote ${chart}`);
  process.stdout.write(`${table}\n`);
}

main().catch((error: unknown) => {
  say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
