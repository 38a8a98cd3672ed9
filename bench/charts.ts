import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse as parseVega, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { projectPath } from '../src/project-root.js';

/**
 * SVG charts of the benchmarks' JSON results, rendered in Node by Vega-Lite (no browser): from `npm run bench`,
 * latency percentiles and throughput per question and variant, and throughput against concurrency; from
 * `npm run bench:load`, load rate per path. Written beside the results (bench/results/); --docs also copies them to
 * docs/charts/ for the README.
 */

interface QueryResults {
  size: string;
  concurrency: number;
  results: {
    question: string;
    ours: Measure;
    direct: Measure;
    /** Absent from results written before the plain HTTP variant was measured. */
    plainHttp?: Measure;
    neo4jGraphql: Measure | null;
    sweep?: { concurrency: number; ours: Measure; direct: Measure; plainHttp?: Measure; neo4jGraphql: Measure | null }[];
  }[];
}
interface Measure {
  p50: number;
  p99: number;
  rps: number;
}
interface LoadResults {
  size: string;
  ingest: { itemsPerSecond: number };
  rawUnwind: { itemsPerSecond: number } | null | undefined;
  bulkImport: { itemsPerSecond: number } | null | undefined;
}

const VARIANTS: [keyof QueryResults['results'][number], string][] = [
  ['ours', 'our GraphQL API'],
  ['direct', 'direct Cypher'],
  ['plainHttp', 'plain HTTP'],
  ['neo4jGraphql', '@neo4j/graphql'],
];

async function svg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parseVega(compile(spec).spec), { renderer: 'none' });
  await view.runAsync();
  return view.toSVG();
}

/** Each measured variant of each question: one row per question and variant the bench answered. */
function measured(results: QueryResults): { question: string; variant: string; m: Measure }[] {
  return results.results.flatMap((r) =>
    VARIANTS.flatMap(([key, variant]) => {
      const m = r[key] as Measure | null | undefined;
      return m ? [{ question: r.question, variant, m }] : [];
    }),
  );
}

/** Bars per question, one group per question, a colour per variant. */
function barsPerQuestion(title: string, values: object[], y: object, extra: object = {}): TopLevelSpec {
  return {
    title,
    data: { values },
    mark: 'bar',
    width: 110,
    height: 220,
    encoding: {
      column: { field: 'question', type: 'nominal', title: null, header: { labelAngle: 0, labelLimit: 110 } },
      x: { field: 'variant', type: 'nominal', axis: null },
      y,
      color: { field: 'variant', type: 'nominal', legend: { orient: 'bottom', title: null } },
      ...extra,
    },
  } as TopLevelSpec;
}

function latencyChart(results: QueryResults): TopLevelSpec {
  const values = measured(results).flatMap(({ question, variant, m }) => [
    { question, variant, percentile: 'p50', ms: m.p50 },
    { question, variant, percentile: 'p99', ms: m.p99 },
  ]);
  return barsPerQuestion(
    `Latency per question (${results.size} world, concurrency ${results.concurrency})`,
    values,
    { field: 'ms', type: 'quantitative', title: 'ms (p50 solid, p99 light)' },
    {
      xOffset: { field: 'percentile' },
      opacity: { field: 'percentile', type: 'ordinal', scale: { range: [1, 0.45] }, legend: { orient: 'bottom', title: null } },
    },
  );
}

function throughputChart(results: QueryResults): TopLevelSpec {
  return barsPerQuestion(
    `Throughput per question (${results.size} world, concurrency ${results.concurrency})`,
    measured(results).map(({ question, variant, m }) => ({ question, variant, rps: m.rps })),
    { field: 'rps', type: 'quantitative', title: 'requests per second' },
  );
}

/** Throughput as concurrency grows, a line per variant, a panel per question: where each one saturates. */
function sweepChart(results: QueryResults): TopLevelSpec {
  const values = results.results.flatMap((r) =>
    (r.sweep ?? []).flatMap((at) =>
      VARIANTS.flatMap(([key, variant]) => {
        const m = at[key as 'ours' | 'direct' | 'plainHttp' | 'neo4jGraphql'];
        return m ? [{ question: r.question, variant, concurrency: at.concurrency, rps: m.rps }] : [];
      }),
    ),
  );
  return {
    title: `Throughput as concurrency grows (${results.size} world)`,
    data: { values },
    mark: { type: 'line', point: true },
    width: 110,
    height: 200,
    encoding: {
      column: { field: 'question', type: 'nominal', title: null, header: { labelAngle: 0, labelLimit: 110 } },
      x: { field: 'concurrency', type: 'ordinal', title: 'concurrency' },
      y: { field: 'rps', type: 'quantitative', title: 'requests per second' },
      color: { field: 'variant', type: 'nominal', legend: { orient: 'bottom', title: null } },
    },
  } as TopLevelSpec;
}

function loadChart(results: LoadResults): TopLevelSpec {
  return {
    title: `Load rate per path (${results.size} world)`,
    data: {
      values: [
        { path: 'project ingestion', rate: results.ingest.itemsPerSecond },
        ...(results.rawUnwind ? [{ path: 'raw UNWIND … CREATE', rate: results.rawUnwind.itemsPerSecond }] : []),
        ...(results.bulkImport ? [{ path: 'npm run import (bulk, end to end)', rate: results.bulkImport.itemsPerSecond }] : []),
      ],
    },
    mark: 'bar',
    width: 420,
    encoding: {
      y: { field: 'path', type: 'nominal', title: null, sort: null },
      x: { field: 'rate', type: 'quantitative', title: 'nodes + relationships per second' },
    },
  };
}

/** Writes the charts of every result file of `size` there is; answers the files written. */
export async function writeCharts(size: string, options: { docs?: boolean } = {}): Promise<string[]> {
  const written: string[] = [];
  const write = async (name: string, spec: TopLevelSpec) => {
    const text = await svg(spec);
    const file = projectPath('bench', 'results', name);
    writeFileSync(file, text);
    if (options.docs) writeFileSync(projectPath('docs', 'charts', name), text);
    written.push(file);
  };
  const queries = projectPath('bench', 'results', `queries-${size}.json`);
  if (existsSync(queries)) {
    const results = JSON.parse(readFileSync(queries, 'utf8')) as QueryResults;
    await write(`latency-${size}.svg`, latencyChart(results));
    await write(`throughput-${size}.svg`, throughputChart(results));
    if (results.results.some((r) => r.sweep?.length)) await write(`concurrency-${size}.svg`, sweepChart(results));
  }
  const load = projectPath('bench', 'results', `load-${size}.json`);
  if (existsSync(load)) await write(`load-${size}.svg`, loadChart(JSON.parse(readFileSync(load, 'utf8')) as LoadResults));
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'tiny' }, docs: { type: 'boolean', default: false } } });
  const written = await writeCharts(values.size, { docs: values.docs });
  process.stdout.write(`${written.length ? written.map((f) => `wrote ${f}`).join('\n') : 'no results of that size to chart'}\n`);
}
