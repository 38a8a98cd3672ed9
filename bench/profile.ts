import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { projectPath } from '../src/project-root.js';
import { postGraphql, recordingDb, startOurApi } from './api.js';
import { ensureWorld, openBenchDb } from './bench-db.js';
import { buildQuestions, type Question } from './questions.js';
import { WORLD_SIZES, type WorldSize } from './world.js';

/**
 * Where a request's time goes: each bench question asked of our API one request at a time (concurrency 1, so
 * what is not waiting is overhead), under V8's sampling CPU profiler. Every sample is charged to the innermost
 * frame that belongs to a known part (the HTTP server, GraphQL's parser, validator and executor, our resolvers and
 * repositories, the driver's Bolt code, our value conversion, JSON serialisation, the load generator's fetch); the
 * wall time statements spent in Neo4j is measured at the driver call. The load generator runs in the same process
 * and its share is reported apart, so the table is the server's cost.
 */

const say = (line: string) => process.stderr.write(`${line}\n`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const PARTS = [
  'HTTP server',
  'GraphQL parse',
  'GraphQL validate',
  'query limits',
  'execution (ours)',
  'execution (graphql-js)',
  'value conversion',
  'driver (Bolt)',
  'JSON serialisation',
  'Apollo other',
  'Node runtime',
  'GC',
  'idle',
  'load generator',
] as const;
type Part = (typeof PARTS)[number];

/** The part a frame belongs to, or undefined for frames (Node internals, builtins) that only its callers can place. */
function partOf(url: string, functionName: string): Part | undefined {
  if (url.includes('undici') || url.includes('/bench/')) return 'load generator';
  if (url.includes('/src/db/neo4j-values')) return 'value conversion';
  if (url.includes('neo4j-driver')) return 'driver (Bolt)';
  if (url.includes('/graphql/language/')) return 'GraphQL parse';
  if (url.includes('/graphql/validation/')) return 'GraphQL validate';
  if (url.includes('query-limits')) return 'query limits';
  if (url.includes('/graphql/execution/') || url.includes('/graphql/')) return 'execution (graphql-js)';
  if (url.includes('dataloader') || /\/src\/(api\/resolvers|repositories|api\/presenters|domain|db)\//.test(url)) {
    return 'execution (ours)';
  }
  if (/\/src\/api\/context\.ts|\/src\/errors\.ts/.test(url)) return 'execution (ours)';
  if (functionName === 'prettyJSONStringify') return 'JSON serialisation';
  if (url.includes('@apollo/') || url.includes('/src/api/plugins/')) return 'Apollo other';
  if (url.includes('/src/api/http.ts') || /node:_http_/.test(url)) return 'HTTP server';
  return undefined;
}

/** Milliseconds per part over the whole profile. */
export function chargeSamples(profile: Profile): Map<Part, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const partOfNode = new Map<number, Part>();
  const place = (id: number): Part => {
    const known = partOfNode.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const { functionName, url } = node.callFrame;
    let part: Part | undefined;
    if (functionName === '(garbage collector)') part = 'GC';
    else if (functionName === '(idle)') part = 'idle';
    else if (functionName === '(program)' || functionName === '(root)') part = 'Node runtime';
    else if (functionName === 'stringify' && !url) {
      const up = parent.get(id);
      part = up !== undefined && place(up) === 'Apollo other' ? 'JSON serialisation' : undefined;
    }
    part ??= partOf(url, functionName);
    if (!part) {
      const up = parent.get(id);
      part = up === undefined ? 'Node runtime' : place(up);
    }
    partOfNode.set(id, part);
    return part;
  };
  const totals = new Map<Part, number>(PARTS.map((p) => [p, 0]));
  profile.samples.forEach((id, k) => {
    const part = place(id);
    totals.set(part, totals.get(part)! + (profile.timeDeltas[k] ?? 0) / 1000);
  });
  return totals;
}

/** Total length of the union of [began, ended] intervals: statements of one wave overlap and count once. */
function coveredMs(intervals: { began: number; ended: number }[]): number {
  const sorted = [...intervals].sort((a, b) => a.began - b.began);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const { began, ended } of sorted) {
    if (ended <= end) continue;
    total += ended - Math.max(began, end);
    end = ended;
  }
  return total;
}

/**
 * The floor: a request that reaches GraphQL execution and sends no statement. What it costs, every question costs
 * besides its own work, so it bounds how close to direct Cypher any question can come.
 */
const FLOOR: Pick<Question, 'name' | 'ours' | 'variables'> = {
  name: 'no database work ({ __typename })',
  ours: '{ __typename }',
  variables: () => ({}),
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'tiny' },
      requests: { type: 'string', default: '300' },
      label: { type: 'string', default: '' },
      'save-profiles': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const size = values.size as WorldSize;
  if (!(size in WORLD_SIZES)) throw new Error(`--size must be one of ${Object.keys(WORLD_SIZES).join(', ')}`);
  const requests = Number(values.requests);
  const bench = await openBenchDb(say);
  const session = new Session();
  session.connect();
  const stops: (() => Promise<void>)[] = [];
  try {
    await ensureWorld(bench, size, say);
    const db = recordingDb(bench.db);
    const ours = await startOurApi(db);
    stops.push(ours.stop);
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 50 });
    const dir = projectPath('bench', 'results');
    mkdirSync(dir, { recursive: true });
    const rows: { question: string; requests: number; latencyMs: number; neo4jMs: number; cpu: Record<Part, number> }[] = [];
    for (const question of [...(await buildQuestions(bench.db, size)), FLOOR]) {
      for (let i = 0; i < 50; i++) await postGraphql(ours.url, question.ours, question.variables(i));
      const statements: { began: number; ended: number }[] = [];
      await session.post('Profiler.start');
      const began = performance.now();
      for (let i = 0; i < requests; i++) {
        db.capture = [];
        await postGraphql(ours.url, question.ours, question.variables(i));
        statements.push(...db.capture);
      }
      const wall = performance.now() - began;
      db.capture = undefined;
      const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
      if (values['save-profiles']) {
        writeFileSync(`${dir}/profile-${size}-${question.name.replace(/\W+/g, '-')}.cpuprofile`, JSON.stringify(profile));
      }
      const charged = chargeSamples(profile);
      rows.push({
        question: question.name,
        requests,
        latencyMs: wall / requests,
        neo4jMs: coveredMs(statements) / requests,
        cpu: Object.fromEntries(PARTS.map((p) => [p, charged.get(p)! / requests])) as Record<Part, number>,
      });
      say(`profiled: ${question.name}`);
    }
    report(size, values.label, rows);
  } finally {
    session.disconnect();
    for (const stop of stops) await stop();
    await bench.close(values.keep);
  }
}

function report(
  size: WorldSize,
  label: string,
  rows: { question: string; requests: number; latencyMs: number; neo4jMs: number; cpu: Record<Part, number> }[],
): void {
  const server = PARTS.filter((p) => p !== 'idle' && p !== 'load generator');
  const f = (x: number) => x.toFixed(2);
  const lines = [
    `Per request, concurrency 1, ${size} world, ${rows[0]?.requests ?? 0} requests per question${label ? ` (${label})` : ''}. ` +
      'Milliseconds: latency as the client saw it; the wall time statements were in Neo4j (driver call to rows); ' +
      'then the API process CPU per part.',
    '',
    `| question | latency | in Neo4j | API CPU | ${server.join(' | ')} |`,
    `| --- | ${['---:', '---:', '---:', ...server.map(() => '---:')].join(' | ')} |`,
    ...rows.map(
      (r) =>
        `| ${r.question} | ${f(r.latencyMs)} | ${f(r.neo4jMs)} | ${f(server.reduce((s, p) => s + r.cpu[p], 0))} | ` +
        `${server.map((p) => f(r.cpu[p])).join(' | ')} |`,
    ),
  ];
  const table = lines.join('\n');
  const dir = projectPath('bench', 'results');
  const name = `profile-${size}${label ? `-${label}` : ''}`;
  writeFileSync(`${dir}/${name}.json`, `${JSON.stringify({ size, label, rows }, null, 2)}\n`);
  writeFileSync(`${dir}/${name}.md`, `${table}\n`);
  process.stdout.write(`${table}\n`);
}

main().catch((error: unknown) => {
  say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
