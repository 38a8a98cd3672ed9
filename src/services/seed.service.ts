import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import type { Db } from '../db/run-query.js';
import { formatProblems } from '../domain/problem.js';
import { projectPath } from '../project-root.js';
import { findSources } from '../repositories/ingest.repository.js';
import { holdsASource } from '../repositories/source.repository.js';
import { type DocumentInput, ingestDocuments, readDocumentFile } from './ingest.service.js';

/** The seed documents shipped with the project, in name order. */
export function seedFiles(): string[] {
  const dir = `${projectPath('seed', 'documents')}/`;
  return readdirSync(dir)
    .filter((f) => /\.(json|ya?ml)$/.test(f))
    .sort()
    .map((f) => dir + f);
}

/** The sources a parsed document declares, as far as its shape can be trusted before validation. */
function declaredSources(input: DocumentInput): { id: string; revision: number }[] {
  const sources = (input.value as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(sources)) return [];
  return sources.flatMap((s: { id?: unknown; revision?: unknown } | null) =>
    typeof s?.id === 'string' ? [{ id: s.id, revision: typeof s.revision === 'number' ? s.revision : 1 }] : [],
  );
}

/**
 * The seed, ingested at start as one batch. A seed document one of whose sources the graph holds at a higher
 * revision (someone corrected it since) is left out, and a line says so. Start-up never fails over the seed of a
 * graph that holds something: the problems are said and the graph is served as it is. Only a graph with no source
 * at all refuses a seed with problems, since then the shipped seed itself is broken.
 */
export async function seedGraph(db: Db, say: (line: string) => void): Promise<void> {
  const read = await Promise.all(seedFiles().map(readDocumentFile));
  const documents = read.filter((r): r is DocumentInput => !('path' in r));
  const held = await findSources(
    { run: (cypher, params) => db.read(cypher, params) },
    documents.flatMap((d) => declaredSources(d).map((s) => s.id)),
  );
  const current = documents.filter((document) => {
    for (const source of declaredSources(document)) {
      const revision = held.get(source.id)?.revision ?? 0;
      if (revision <= source.revision) continue;
      say(
        `Seed document ${basename(document.file)} skipped: the graph holds source "${source.id}" at revision ${revision}, ` +
          `newer than its revision ${source.revision}.`,
      );
      return false;
    }
    return true;
  });
  const populated = await holdsASource(db);
  const unreadable = read.filter((r) => 'path' in r);
  const result = unreadable.length > 0 ? { ok: false as const, problems: unreadable } : await ingestDocuments(db, current);
  if (result.ok) {
    say(`Seeded ${result.documents} source document${result.documents === 1 ? '' : 's'}.`);
    return;
  }
  if (!populated) throw new Error(`the seed documents are invalid:\n${formatProblems(result.problems)}`);
  say(`The seed documents were not applied; the graph is served as it is:\n${formatProblems(result.problems)}`);
}
