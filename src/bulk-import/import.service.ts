import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/run-query.js';
import { formatProblems, type Problem } from '../domain/problem.js';
import type { EntityLabel } from '../domain/registry/index.js';
import type { WritePlan } from '../domain/write-plan-rows.js';
import { emptyGraphLookup } from '../ingest/validation/link-people.js';
import { validateBatch } from '../ingest/validation/validate-batch.js';
import { buildWritePlan } from '../ingest/write-plan.js';
import { type InstanceName, instanceLayout } from '../local-neo4j/layout.js';
import { type Log, stop } from '../local-neo4j/local-neo4j.js';
import { deriveFromWritten, setEmptyListOnNodesCypher, setEmptyListOnRelationshipsCypher } from '../repositories/ingest.repository.js';
import { findTerms, registryTermRows } from '../repositories/vocabulary.repository.js';
import { applyConstraints } from '../services/constraints.service.js';
import { type DocumentInput, type IngestProgress, partition } from '../services/ingest.service.js';
import { raiseCandidatesAmong, replayJudgements } from '../services/resolution.service.js';
import { adminImport } from './admin-import.js';
import { ARRAY_DELIMITER, type EmptyLists, writeImportFiles } from './import-files.js';

export type ImportResult =
  | { ok: false; problems: Problem[] }
  | { ok: false; refused: string }
  | {
      ok: true;
      documents: number;
      /** Nodes and relationships the importer wrote (vocabulary terms and match candidates come after). */
      nodes: number;
      relationships: number;
      /** Milliseconds per phase, in the order they ran. */
      phases: { name: string; ms: number }[];
    };

/** Ids per slice of the derivation pass: one transaction each, small enough for the instance's transaction memory. */
const DERIVE_SLICE = 5_000;

/** Nodes other than the registry's vocabulary terms: an instance holding none is empty, whatever its schema. */
const COUNT_DATA = `MATCH (n) WHERE NOT n:Term RETURN count(n) AS n`;

const COUNT_BY_LABEL = `
UNWIND $labels AS label
RETURN label, COUNT { MATCH (n) WHERE label IN labels(n) } AS n`;

const COUNT_BY_TYPE = `
UNWIND $types AS type
RETURN type, COUNT { MATCH ()-[r]->() WHERE type(r) = type } AS n`;

/** A connection to the instance the import loads, opened by the caller's rule (which starts the server if stopped). */
export interface ImportConnection {
  db: Db;
  close(): Promise<void>;
}

export interface ImportTarget {
  /** The local instance whose store the import replaces. */
  instance: InstanceName;
  /** The database of that instance the importer writes and the API reads. */
  database: string;
  /** Opens the instance's database; called again after the importer ran, since it stops the server. */
  open: () => Promise<ImportConnection>;
}

/** Ids of the plan's people, and the former ids they carry: what a judgement in the same load may name. */
function peopleOf(plan: WritePlan): Set<string> {
  return new Set((plan.nodes.get('Person') ?? []).flatMap((row) => [row.id, ...(row.otherIds ?? [])]));
}

/**
 * First load of a corpus into an empty local instance through Neo4j's offline importer: every document validated
 * as one batch against the (empty) graph, exactly as ingest validates it, every problem listed; the write plan
 * ingest would run written as CSV; the server stopped, the store replaced by `neo4j-admin database import full`,
 * the server started again; node and relationship counts checked against the files; then what ingest derives in
 * Cypher (schema, captions, attested spans, match candidates, judgements) derived by the same statements over
 * everything loaded. An instance that holds data is refused: adding to a graph is ingest's work.
 */
export async function importDocuments(
  inputs: DocumentInput[],
  options: ImportTarget & { log?: Log; progress?: IngestProgress },
): Promise<ImportResult> {
  const log = options.log ?? (() => {});
  const phases: { name: string; ms: number }[] = [];
  let began = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases.push({ name, ms: Math.round(now - began) });
    log(`${name}: ${((now - began) / 1000).toFixed(1)} s`);
    began = now;
  };
  const layout = instanceLayout(options.instance);

  let connection = await options.open();
  let plan: WritePlan;
  let judgements: ReturnType<typeof partition>['judgements'];
  let documents: number;
  try {
    const [held] = await connection.db.read<{ n: number }>(COUNT_DATA);
    if (held!.n > 0) {
      return {
        ok: false,
        refused:
          `The database already holds ${held!.n} nodes; the bulk import loads an empty database only. ` +
          'Add these documents with `npm run ingest -- FILE...`, or empty the database first (npm run neo4j:reset).',
      };
    }
    await applyConstraints(connection.db);
    const parts = partition(inputs);
    // The graph holds terms only (counted above), so validation asks it for nothing else.
    const checked = await connection.db.writeTransaction((tx) =>
      validateBatch(
        parts.documents,
        emptyGraphLookup(() => findTerms(tx)),
      ),
    );
    const problems = [...parts.problems, ...('batch' in checked ? [] : checked.problems)];
    if (problems.length > 0 || !('batch' in checked)) return { ok: false, problems };
    plan = buildWritePlan(checked.batch);
    documents = checked.batch.documents.length;
    const people = peopleOf(plan);
    const unknown = parts.judgements.flatMap(({ file, judgements: list }) =>
      list.flatMap((judgement, i) =>
        (['a', 'b'] as const)
          .filter((side) => !people.has(judgement[side]))
          .map((side) => ({
            file,
            path: `/judgements/${i}/${side}`,
            message: `names "${judgement[side]}", which is no person`,
            expected: 'the id of a person in these documents',
          })),
      ),
    );
    if (unknown.length > 0) return { ok: false, problems: unknown };
    judgements = parts.judgements;
  } finally {
    await connection.close();
  }
  phase('validated and planned');

  const work = join(layout.home, 'import', `load-${Date.now()}`);
  mkdirSync(work, { recursive: true });
  try {
    const files = writeImportFiles(plan, [...registryTermRows(), ...plan.terms], join(work, 'csv'));
    phase('wrote CSV');
    await stop(options.instance, layout);
    options.progress?.start(100);
    let shown = 0;
    const imported = await adminImport(layout, options.database, files.args, {
      arrayDelimiter: ARRAY_DELIMITER,
      multilineFields: files.multilineFields,
      reportDir: work,
      onProgress: (percent) => {
        if (percent > shown) options.progress?.advance(percent - shown);
        shown = Math.max(shown, percent);
      },
    });
    options.progress?.stop();
    phase('neo4j-admin import');

    connection = await options.open();
    await verifyCounts(connection.db, files.expected);
    phase('started and verified counts');

    // Constraints first: every later statement finds its nodes by id.
    await applyConstraints(connection.db);
    await setEmptyLists(connection.db, files.emptyLists);
    phase('schema, indexes and empty lists');
    await derive(connection.db, plan);
    phase('captions and attested spans');
    const raised = await raiseCandidatesAmong(
      connection.db,
      (plan.nodes.get('Person') ?? []).map((row) => ({
        id: row.id,
        name: row.props.name as string,
        aliases: row.aliases ?? [],
        blockKeys: row.blockKeys,
      })),
    );
    const replayed = await connection.db.writeTransaction((tx) => replayJudgements(tx, judgements));
    // Ids were checked against the plan above; what is left contradicts the documents' merges, and the store is written.
    if (replayed.problems.length > 0) throw new Error(`the judgements do not fit the documents:\n${formatProblems(replayed.problems)}`);
    log(`${raised} match candidates raised for review`);
    phase('match candidates and judgements');
    return { ok: true, documents, nodes: imported.nodes, relationships: imported.relationships, phases };
  } finally {
    options.progress?.stop();
    await connection.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** What the importer wrote, counted in the graph, against what the files held; a difference stops the load. */
async function verifyCounts(db: Db, expected: { nodes: Record<string, number>; relationships: Record<string, number> }): Promise<void> {
  const labels = await db.read<{ label: string; n: number }>(COUNT_BY_LABEL, { labels: Object.keys(expected.nodes) });
  const types = await db.read<{ type: string; n: number }>(COUNT_BY_TYPE, { types: Object.keys(expected.relationships) });
  const wrong = [
    ...labels.filter((r) => r.n !== expected.nodes[r.label]).map((r) => `${r.label}: ${r.n} nodes, expected ${expected.nodes[r.label]}`),
    ...types
      .filter((r) => r.n !== expected.relationships[r.type])
      .map((r) => `${r.type}: ${r.n} relationships, expected ${expected.relationships[r.type]}`),
  ];
  if (wrong.length > 0) throw new Error(`the imported graph does not hold what the files did: ${wrong.join('; ')}`);
}

/** The empty lists the files could not carry, set as ingest sets them. */
async function setEmptyLists(db: Db, empty: EmptyLists): Promise<void> {
  for (const { label, property, ids } of empty.nodes) {
    for (let i = 0; i < ids.length; i += DERIVE_SLICE) {
      await db.write(setEmptyListOnNodesCypher(label, property), { ids: ids.slice(i, i + DERIVE_SLICE) });
    }
  }
  for (const { fromLabel, type, toLabel, property, pairs } of empty.relationships) {
    for (let i = 0; i < pairs.length; i += DERIVE_SLICE) {
      await db.write(setEmptyListOnRelationshipsCypher(fromLabel, type, toLabel, property), { pairs: pairs.slice(i, i + DERIVE_SLICE) });
    }
  }
}

/** Captions and attested spans for every loaded node (the files held the term links), in slices of their own transactions. */
async function derive(db: Db, plan: WritePlan): Promise<void> {
  const byLabel: [EntityLabel | 'Source', string[]][] = [
    ['Source', plan.sources.map((s) => s.id)],
    ...[...plan.nodes].map(([label, rows]): [EntityLabel, string[]] => [label, rows.map((r) => r.id)]),
  ];
  for (const [label, ids] of byLabel) {
    for (let i = 0; i < ids.length; i += DERIVE_SLICE) {
      const slice = ids.slice(i, i + DERIVE_SLICE);
      await db.writeTransaction((tx) => deriveFromWritten(tx, label, slice, { termLinks: false }));
    }
  }
}
