import type { Db } from '../db/run-query.js';
import { JUDGEMENTS_FORMAT, type SourceDocument } from '../domain/registry/index.js';
import { assembleDocuments } from '../ingest/assemble-documents.js';
import { readGraphForExport } from '../repositories/export.repository.js';
import type { JudgementModel } from '../repositories/models.js';
import { readJudgements } from '../repositories/resolution.repository.js';

/** The file export writes the judgements to, beside the documents; ingest applies it again. */
export const JUDGEMENTS_FILE = 'judgements.json';

/**
 * The graph as source documents, one per source, and the verdicts on match candidates as a judgements file:
 * ingesting all of them into an empty graph rebuilds the same graph, merges included. Reads each label once.
 */
export async function exportDocuments(
  db: Db,
): Promise<{ documents: SourceDocument[]; judgements: { format: typeof JUDGEMENTS_FORMAT; judgements: JudgementModel[] } }> {
  const documents = assembleDocuments(await readGraphForExport(db));
  return { documents, judgements: { format: JUDGEMENTS_FORMAT, judgements: await readJudgements(db) } };
}
