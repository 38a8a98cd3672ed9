import { execFile } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SUPPORTED_BY } from '../src/domain/registry/index.js';
import { groupRelationships, type WritePlan } from '../src/domain/write-plan-rows.js';
import { javaCommand } from '../src/local-neo4j/local-neo4j.js';

const run = promisify(execFile);

/** Array elements are split on the unit separator, a character no name, note or topic holds. */
const ARRAY_DELIMITER = '\u001f';

function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.map(String).join(ARRAY_DELIMITER) : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** The import tool's column type for a property, from the values it takes across the rows. */
function columnType(values: unknown[]): string {
  const present = values.filter((v) => v !== undefined && v !== null);
  const flat = present.flatMap((v) => (Array.isArray(v) ? v : [v]));
  const base = flat.every((v) => typeof v === 'number' && Number.isInteger(v))
    ? 'long'
    : flat.every((v) => typeof v === 'number')
      ? 'double'
      : flat.every((v) => typeof v === 'boolean')
        ? 'boolean'
        : 'string';
  return present.some(Array.isArray) ? `${base}[]` : base;
}

/** Writes one CSV file: a typed header from the union of the rows' keys, then one line per row. */
function writeCsv(file: string, fixed: string[], rows: { fixed: unknown[]; props: Record<string, unknown> }[]): void {
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row.props)))];
  const types = keys.map((key) => columnType(rows.map((row) => row.props[key])));
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, `${[...fixed, ...keys.map((key, i) => `${key}:${types[i]}`)].join(',')}\n`);
    let chunk: string[] = [];
    for (const row of rows) {
      chunk.push([...row.fixed.map(csvField), ...keys.map((key) => csvField(row.props[key]))].join(','));
      if (chunk.length === 10_000) {
        writeSync(fd, `${chunk.join('\n')}\n`);
        chunk = [];
      }
    }
    if (chunk.length > 0) writeSync(fd, `${chunk.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
}

/**
 * The plan as CSV files for `neo4j-admin database import full`: the same nodes, evidence links and relationships
 * the raw UNWIND baseline writes. Ids are unique per label, so each label is its own id space.
 */
function writeImportFiles(plan: WritePlan, dir: string): string[] {
  const args: string[] = [];
  const sources = join(dir, 'Source.csv');
  writeCsv(
    sources,
    ['id:ID(Source)'],
    plan.sources.map((s) => ({ fixed: [s.id], props: s.props })),
  );
  args.push(`--nodes=Source=${sources}`);
  for (const [label, rows] of plan.nodes) {
    const nodes = join(dir, `${label}.csv`);
    writeCsv(
      nodes,
      [`id:ID(${label})`],
      rows.map((row) => ({ fixed: [row.id], props: row.props })),
    );
    args.push(`--nodes=${label}=${nodes}`);
    const evidence = join(dir, `${label}-${SUPPORTED_BY}.csv`);
    writeCsv(
      evidence,
      [`:START_ID(${label})`, ':END_ID(Source)'],
      rows.flatMap((row) => row.evidence.map((e) => ({ fixed: [row.id, e.source], props: { paragraph: e.paragraph, note: e.note } }))),
    );
    args.push(`--relationships=${SUPPORTED_BY}=${evidence}`);
  }
  for (const { fromLabel, type, toLabel, rows } of groupRelationships(plan)) {
    const file = join(dir, `${fromLabel}-${type}-${toLabel}.csv`);
    writeCsv(
      file,
      [`:START_ID(${fromLabel})`, `:END_ID(${toLabel})`],
      rows.map((row) => ({
        fixed: [row.from, row.to],
        props: {
          ...row.props,
          sourceIds: row.evidence.map((e) => e.source),
          paragraphs: row.evidence.map((e) => e.paragraph),
          notes: row.evidence.map((e) => e.note),
        },
      })),
    );
    args.push(`--relationships=${type}=${file}`);
  }
  return args;
}

export interface AdminImportResult {
  csvMs: number;
  importMs: number;
  nodes: number;
  relationships: number;
}

/**
 * Runs Neo4j's offline bulk importer from the provisioned jars into a throwaway home under `workDir` (the bench
 * server keeps running on its own store). Reports the tool's own counts, so the caller can check it wrote the
 * same graph as the other loaders.
 */
export async function importWithAdminTool(plan: WritePlan, libDir: string, workDir: string): Promise<AdminImportResult> {
  rmSync(workDir, { recursive: true, force: true });
  const csvDir = join(workDir, 'csv');
  const confDir = join(workDir, 'conf');
  mkdirSync(csvDir, { recursive: true });
  mkdirSync(confDir, { recursive: true });
  writeFileSync(
    join(confDir, 'neo4j.conf'),
    `server.directories.data=${join(workDir, 'data')}\nserver.directories.logs=${join(workDir, 'logs')}\n`,
  );
  let t = performance.now();
  const files = writeImportFiles(plan, csvDir);
  const csvMs = performance.now() - t;
  t = performance.now();
  const { stdout } = await run(
    javaCommand(),
    [
      '-cp',
      `${libDir}/*`,
      'org.neo4j.cli.AdminTool',
      'database',
      'import',
      'full',
      'neo4j',
      '--array-delimiter=U+001F',
      '--multiline-fields=true',
      '--overwrite-destination=true',
      // The tool writes import.report into the working directory unless told where; it belongs to the throwaway home.
      `--report-file=${join(workDir, 'import.report')}`,
      ...files,
    ],
    { env: { ...process.env, NEO4J_HOME: workDir, NEO4J_CONF: confDir }, maxBuffer: 64 * 1024 * 1024 },
  );
  const importMs = performance.now() - t;
  const count = (what: string) => Number(new RegExp(`(\\d+) ${what}`).exec(stdout)?.[1] ?? NaN);
  rmSync(workDir, { recursive: true, force: true });
  return { csvMs, importMs, nodes: count('nodes'), relationships: count('relationships') };
}
