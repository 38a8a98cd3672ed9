import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Db, Tx } from '../db/run-query.js';
import type { Problem } from '../domain/problem.js';
import { JUDGEMENTS_FORMAT } from '../domain/registry/index.js';
import type { WritePlan } from '../domain/write-plan-rows.js';
import { stripDraft } from '../ingest/strip-draft.js';
import { checkJudgementLog } from '../ingest/validation/judgement-log.js';
import type { GraphLookup } from '../ingest/validation/link-people.js';
import { checkDepth, checkShape } from '../ingest/validation/shape.js';
import { type ResolvedBatch, validateBatch } from '../ingest/validation/validate-batch.js';
import { buildWritePlan, planSize } from '../ingest/write-plan.js';
import {
  findEntitiesByIds,
  findIdClashes,
  findPeopleByNameKeys,
  findSources,
  findTenures,
  readPlanState,
  TAKE_INGEST_LOCK,
  writePlan,
} from '../repositories/ingest.repository.js';
import type { JudgementModel } from '../repositories/models.js';
import { findTerms } from '../repositories/vocabulary.repository.js';
import type { Candidate } from '../resolution/candidates.js';
import { raiseCandidates, replayJudgements } from './resolution.service.js';

export interface DocumentInput {
  file: string;
  value: unknown;
}

/** Reads a document file (.json, .yaml or .yml); a file that does not parse becomes a problem, not an exception. */
export async function readDocumentFile(file: string): Promise<DocumentInput | Problem> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { file, path: '/', message: `cannot be read: ${(error as Error).message}` };
  }
  try {
    const ext = extname(file).toLowerCase();
    return { file, value: ext === '.yaml' || ext === '.yml' ? parseYaml(text) : JSON.parse(text) };
  } catch (error) {
    return {
      file,
      path: '/',
      message: `is not valid ${extname(file).slice(1).toUpperCase() || 'JSON'}: ${(error as Error).message}`,
      expected: 'a source document',
    };
  }
}

export interface IngestProgress {
  start(total: number): void;
  advance(n: number): void;
  stop(): void;
}

export type IngestResult =
  | { ok: false; problems: Problem[] }
  | {
      ok: true;
      /** Nothing was written: the result is what the ingest would do. */
      dryRun: boolean;
      documents: number;
      rowsWritten: number;
      /** Nodes per label and relationships per type: created, updated, unchanged. */
      changes: Change[];
      /** The graph already held all of it. */
      noChanges: boolean;
      linkedPeople: { documentId: string; personId: string; reason: string }[];
      /** Pairs of people that may be one, raised by this ingest and not settled by its judgements. */
      candidates: Candidate[];
      /** Verdicts applied from judgements files. */
      judgements: number;
      /** What did not stop the batch but is worth knowing: tenures kept apart because their dates conflict. */
      notices: Problem[];
    };

export interface JudgementsInput {
  file: string;
  judgements: JudgementModel[];
}

/** Splits judgements files from source documents, checking each judgements file's shape, and the files as one log. */
export function partition(inputs: DocumentInput[]): { documents: DocumentInput[]; judgements: JudgementsInput[]; problems: Problem[] } {
  const documents: DocumentInput[] = [];
  const judgements: JudgementsInput[] = [];
  const problems: Problem[] = [];
  for (const input of inputs) {
    // Nested deeper than any document: a problem, before the walks below could exhaust the stack.
    const tooDeep = checkDepth(input.file, input.value);
    if (tooDeep.length > 0) {
      problems.push(...tooDeep);
      continue;
    }
    if ((input.value as { format?: unknown } | null)?.format !== JUDGEMENTS_FORMAT) {
      documents.push({ file: input.file, value: stripDraft(input.value) });
      continue;
    }
    const shape = checkShape(input.file, input.value, 'judgements');
    if (shape.length > 0) problems.push(...shape);
    else judgements.push({ file: input.file, judgements: (input.value as { judgements: JudgementModel[] }).judgements });
  }
  problems.push(...checkJudgementLog(judgements));
  return { documents, judgements, problems };
}

/** People the batch created: neither found in the graph nor linked to someone there. */
function newcomers(batch: ResolvedBatch): string[] {
  const ids = batch.documents.flatMap(({ document }) => (document.people ?? []).map((p) => batch.idMap.get(p.id) ?? p.id));
  return [...new Set(ids.filter((id) => !batch.existingPeople.has(id)))].sort();
}

/** How many nodes of a label, or relationships of a type, a write created, changed or left as they were. */
export interface Change {
  scope: string;
  kind: 'NODE' | 'RELATIONSHIP';
  created: number;
  updated: number;
  unchanged: number;
}

export interface IngestOptions {
  progress?: IngestProgress;
  /** Validate, plan and write, then roll back: nothing stays, and the result says what would have changed. */
  dryRun?: boolean;
}

/** Thrown inside a dry run's transaction so that it rolls back; carries the result out. */
class DryRun extends Error {
  constructor(readonly result: IngestResult) {
    super('dry run');
  }
}

/** Thrown inside the transaction so that it rolls back; carries the problems out. */
class RejectedBatch extends Error {
  constructor(readonly problems: Problem[]) {
    super('the batch has problems');
  }
}

/** What validation asks the graph, answered in the caller's transaction (the ingest's, so it sees what the lock protects). */
export function graphLookup(tx: Tx): GraphLookup {
  return {
    findByIds: (ids) => findEntitiesByIds(tx, ids),
    findPeopleByNameKeys: (keys) => findPeopleByNameKeys(tx, keys),
    findTerms: () => findTerms(tx),
    findTenures: (pairs) => findTenures(tx, pairs),
    findIdClashes: (rows) => findIdClashes(tx, rows),
    findSources: (ids) => findSources(tx, ids),
  };
}

/**
 * Validates the documents as one batch and, only if nothing is wrong, writes all of them in one transaction.
 * Idempotent: ingesting the same documents again changes nothing. A person named by a known id or alias is
 * linked to the existing person, not duplicated. Ingests are serialised (TAKE_INGEST_LOCK), and validation runs
 * under the lock, so concurrent ingests cannot both create the same new person.
 */
export async function ingestDocuments(db: Db, inputs: DocumentInput[], options: IngestOptions = {}): Promise<IngestResult> {
  const { progress, dryRun = false } = options;
  try {
    return await db.writeTransaction(async (tx) => {
      await tx.run(TAKE_INGEST_LOCK);
      const parts = partition(inputs);
      const checked = await validateBatch(parts.documents, graphLookup(tx));
      if (parts.problems.length > 0 || !('batch' in checked)) throw new RejectedBatch([...parts.problems, ...checked.problems]);
      const { batch } = checked;
      const plan = buildWritePlan(batch);
      const total = planSize(plan);
      progress?.start(total);
      const before = await readPlanState(tx, plan);
      await writePlan(tx, plan, (n) => progress?.advance(n));
      const changes = countChanges(before, await readPlanState(tx, plan), plan);
      const raised = await raiseCandidates(tx, newcomers(batch));
      const replayed = await replayJudgements(tx, parts.judgements);
      if (replayed.problems.length > 0) throw new RejectedBatch(replayed.problems);
      const result: IngestResult = {
        ok: true as const,
        dryRun,
        documents: batch.documents.length,
        rowsWritten: total,
        changes,
        noChanges: changes.every((c) => c.created === 0 && c.updated === 0) && replayed.written === 0,
        linkedPeople: [...batch.idMap]
          .filter(([from, to]) => from !== to && batch.labels.get(from) === 'Person')
          .map(([documentId, personId]) => ({ documentId, personId, reason: batch.linkReasons.get(documentId) ?? 'a former id' })),
        candidates: raised.filter((c) => !replayed.settled.has(c.key)),
        judgements: parts.judgements.reduce((n, j) => n + j.judgements.length, 0),
        notices: batch.notices,
      };
      // A dry run does all of it, under the lock, and throws it away: the plan is exactly what ingest would write.
      if (dryRun) throw new DryRun(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RejectedBatch) return { ok: false, problems: error.problems };
    if (error instanceof DryRun) return error.result;
    throw error;
  } finally {
    progress?.stop();
  }
}

/** Created, updated and unchanged nodes (per label) and relationships (per type), from the state before and after. */
function countChanges(before: Map<string, string>, after: Map<string, string>, plan: WritePlan): Change[] {
  const counts = new Map<string, Change>();
  const count = (scope: string, kind: Change['kind'], key: string) => {
    const change = counts.get(scope) ?? { scope, kind, created: 0, updated: 0, unchanged: 0 };
    counts.set(scope, change);
    const [was, now] = [before.get(`${scope}|${key}`), after.get(`${scope}|${key}`)];
    if (was === undefined) change.created++;
    else if (was !== now) change.updated++;
    else change.unchanged++;
  };
  for (const source of plan.sources) count('Source', 'NODE', source.id);
  for (const [label, rows] of plan.nodes) for (const row of rows) count(label, 'NODE', row.id);
  for (const rel of plan.relationships) count(rel.type, 'RELATIONSHIP', `${rel.from}|${rel.to}`);
  return [...counts.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.scope.localeCompare(b.scope));
}

/** Ingests the given files as one batch; unreadable files are reported like any other problem. */
export async function ingestFiles(db: Db, files: string[], options: IngestOptions = {}): Promise<IngestResult> {
  const read = await Promise.all(files.map(readDocumentFile));
  const unreadable = read.filter((r): r is Problem => 'path' in r);
  if (unreadable.length > 0) return { ok: false, problems: unreadable };
  return ingestDocuments(
    db,
    read.filter((r): r is DocumentInput => !('path' in r)),
    options,
  );
}
