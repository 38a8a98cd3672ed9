import type { Db } from '../db/run-query.js';
import type { SourceDocument } from '../domain/registry/index.js';
import { assembleDocuments } from '../ingest/assemble-documents.js';
import { readGraphForExport } from '../repositories/export.repository.js';

/**
 * The graph as source documents, one per source: ingesting all of them into an empty graph rebuilds the same
 * graph. Reads each label once.
 */
export async function exportDocuments(db: Db): Promise<SourceDocument[]> {
  return assembleDocuments(await readGraphForExport(db));
}
