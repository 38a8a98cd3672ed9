import { readdirSync } from 'node:fs';
import type { Db } from './db/run-query.js';
import { ingestDocuments, readDocumentFile, type IngestResult } from './ingest/ingest-documents.js';
import type { Problem } from './ingest/validate-document.js';
import { projectPath } from './project-root.js';

/** The seed documents shipped with the project, in name order. */
export function seedFiles(): string[] {
  const dir = projectPath('seed', 'documents') + '/';
  return readdirSync(dir)
    .filter((f) => /\.(json|ya?ml)$/.test(f))
    .sort()
    .map((f) => dir + f);
}

/** Ingests the given files as one batch; unreadable files are reported like any other problem. */
export async function ingestFiles(db: Db, files: string[], progress?: Parameters<typeof ingestDocuments>[2]): Promise<IngestResult> {
  const read = await Promise.all(files.map(readDocumentFile));
  const unreadable = read.filter((r): r is Problem => 'path' in r);
  if (unreadable.length > 0) return { ok: false, problems: unreadable };
  return ingestDocuments(db, read as Exclude<(typeof read)[number], Problem>[], progress);
}
