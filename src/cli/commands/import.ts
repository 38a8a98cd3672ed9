import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importDocuments } from '../../bulk-import/import.service.js';
import { loadConfig } from '../../config.js';
import { openDb } from '../../db/open-db.js';
import type { Problem } from '../../domain/problem.js';
import { type DocumentInput, readDocumentFile } from '../../services/ingest.service.js';
import { defineCommand } from '../command.js';
import { log, logProblems, progressBar } from '../shared.js';

/** The document files named, and those under each directory named (.json, .yaml, .yml), in name order. */
function documentFiles(paths: string[]): string[] {
  return paths.flatMap((path) =>
    statSync(path, { throwIfNoEntry: false })?.isDirectory()
      ? readdirSync(path, { recursive: true, encoding: 'utf8' })
          .filter((name) => /\.(json|ya?ml)$/i.test(name))
          .sort()
          .map((name) => join(path, name))
      : [path],
  );
}

export const importCommand = defineCommand({
  name: 'import',
  summary:
    "first load into an empty local database: validate every document as ingest does, then load them with neo4j-admin's " +
    'offline importer (stops and restarts the local server)',
  usage: `Usage: npm run import -- DIR|FILE...

  First load into an empty local database: validates every document (.json, .yaml, .yml, in the directories named
  and below them, or the files named) as one batch, as ingest does, then loads them with neo4j-admin's offline
  importer, which stops and restarts the local server. A database that holds anything but vocabulary terms is
  refused, and so is a server NEO4J_URI names: use npm run ingest -- FILE... there.`,
  options: {},
  async run({ positionals: paths }) {
    if (paths.length === 0) {
      log('import needs a directory of documents, or files: npm run import -- DIR');
      return 2;
    }
    const config = loadConfig();
    if (config.neo4j.kind === 'external') {
      log(
        "NEO4J_URI names a server of its own; the bulk import replaces the store of the project's local server only. " +
          'Use npm run ingest -- FILE... for that server.',
      );
      return 2;
    }
    const read = await Promise.all(documentFiles(paths).map(readDocumentFile));
    const unreadable = read.filter((r): r is Problem => 'path' in r);
    if (unreadable.length > 0) {
      logProblems(`${unreadable.length} problem(s); nothing was loaded:`, unreadable);
      return 1;
    }
    const inputs = read.filter((r): r is DocumentInput => !('path' in r));
    const began = performance.now();
    const { instance, database } = config.neo4j;
    // No statement timeout: after the load, constraints and indexes are built over the whole store at once.
    const open = () => openDb({ ...config, queryTimeoutMs: 0 }, log);
    const result = await importDocuments(inputs, { instance, database, open, log, progress: progressBar() });
    if (!result.ok) {
      if ('refused' in result) log(result.refused);
      else logProblems(`${result.problems.length} problem(s); nothing was loaded:`, result.problems);
      return 1;
    }
    log(
      `imported ${result.documents} document(s): ${result.nodes} nodes, ${result.relationships} relationships, ` +
        `in ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );
    return 0;
  },
});
