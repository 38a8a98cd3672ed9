import { formatProblems } from '../../domain/problem.js';
import { applyConstraints } from '../../services/constraints.service.js';
import { type Change, type IngestResult, ingestFiles } from '../../services/ingest.service.js';
import { defineCommand } from '../command.js';
import { log, logProblems, progressBar, withDb } from '../shared.js';
import { copiedWordingIn } from './check-copy.js';

type Ingested = Extract<IngestResult, { ok: true }>;

/** Changes as lines: "Meeting: 1 created, 2 unchanged". */
function describeChanges(changes: Change[]): string[] {
  return changes.map((c) => {
    const parts = [
      ['created', c.created],
      ['updated', c.updated],
      ['unchanged', c.unchanged],
    ].filter(([, n]) => n !== 0);
    return `  ${c.scope}: ${parts.map(([word, n]) => `${n} ${word}`).join(', ')}`;
  });
}

/** What an ingest did, or would do on a dry run: links, notices, candidates, changes, and the time it took. */
function reportIngest(result: Ingested, began: number): void {
  const would = result.dryRun ? 'would link' : 'linked';
  for (const { documentId, personId, reason } of result.linkedPeople)
    log(`${would} ${documentId} to existing person ${personId}: ${reason}`);
  for (const notice of result.notices) log(`notice: ${formatProblems([notice])}`);
  for (const c of result.candidates) {
    log(`match candidate ${c.score.toFixed(2)}: ${c.b} may be ${c.a}\n${c.reasons.map((r) => `  - ${r}`).join('\n')}`);
  }
  if (result.judgements > 0) log(`applied ${result.judgements} judgement(s)`);
  if (result.noChanges) log('no changes: the graph already holds all of it');
  else log([result.dryRun ? 'would change:' : 'changed:', ...describeChanges(result.changes)].join('\n'));
  log(
    result.dryRun
      ? `dry run of ${result.documents} document(s) in ${Date.now() - began} ms: nothing was written`
      : `${result.noChanges ? 'checked' : 'ingested'} ${result.documents} document(s), ${result.rowsWritten} rows, ` +
          `in ${Date.now() - began} ms`,
  );
  if (result.candidates.length > 0 && !result.dryRun) log(`review the ${result.candidates.length} candidate(s) with: npm run resolve`);
}

/**
 * Ingests the files as one batch (the schema applied first), or nothing if any has a problem; with `text`, first
 * refuses documents whose notes or summaries repeat eight words of that report. Answers the exit code.
 */
export async function ingestAndReport(files: string[], options: { dryRun: boolean; text?: string }): Promise<number> {
  if (options.text) {
    const copied = await copiedWordingIn(files, options.text);
    if (copied.length > 0) {
      logProblems(`${copied.length} problem(s) checking the documents against the report; nothing was written:`, copied);
      return 1;
    }
  }
  return withDb(async (db) => {
    await applyConstraints(db);
    const began = Date.now();
    const result = await ingestFiles(db, files, { progress: progressBar(), dryRun: options.dryRun });
    if (!result.ok) {
      logProblems(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; nothing was written:`, result.problems);
      return 1;
    }
    reportIngest(result, began);
    return 0;
  });
}

const USAGE = `Usage: npm run ingest -- [--dry-run] [--text REPORT.txt] FILE...

  Validates the source documents (JSON or YAML) and judgements files as one batch and writes them in one
  transaction, or nothing if anything is wrong: every problem is listed with its file and path.

  --dry-run         check and plan everything, write nothing: what would be created, updated or left unchanged
                    per label and relationship type, who would be linked to whom and why, which match candidates
                    would be raised
  --text REPORT.txt refuse notes and summaries that repeat eight words of the report the documents were written from`;

export const ingestCommand = defineCommand({
  name: 'ingest',
  summary: 'validate source documents as one batch; write them in one transaction if all are valid',
  usage: USAGE,
  options: { 'dry-run': { type: 'boolean', default: false }, text: { type: 'string' } },
  async run({ positionals: files, values }) {
    if (files.length === 0) {
      log(`ingest needs at least one FILE\n${USAGE}`);
      return 2;
    }
    return ingestAndReport(files, { dryRun: values['dry-run'], text: values.text });
  },
});
