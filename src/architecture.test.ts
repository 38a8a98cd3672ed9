import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from './project-root.js';

/**
 * The direction of flow, checked on the import statements of src/ (type imports included): domain/ imports
 * nothing of ours, ingest/ and the drafting pipeline are pure, repositories/ hold Cypher and import neither ingest/
 * nor services/, the GraphQL edge (api/) sits above everything it serves, and no module reaches itself again
 * through its imports.
 */

const SRC = projectPath('src');

function sourceFiles(dir: string, withTests = false): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path, withTests);
    return name.endsWith('.ts') && (withTests || !name.endsWith('.test.ts')) ? [path] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
}

/** Line numbers over 140 characters, leaving out inline snapshots: they hold generated Cypher as the code built it. */
function longLines(text: string): number[] {
  let inSnapshot = false;
  return text.split('\n').flatMap((line, i) => {
    if (line.includes('toMatchInlineSnapshot(`')) inSnapshot = true;
    const long = !inSnapshot && line.length > 140;
    if (inSnapshot && /^\s*`\);?$/.test(line)) inSnapshot = false;
    return long ? [i + 1] : [];
  });
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
/** Folders with sub-folders of their own in the table below: a file there belongs to its sub-folder. */
const NESTED = ['api/ide', 'api/plugins', 'api/presenters', 'api/resolvers', 'drafting/pipeline'];

/** The files of src/ that compose the others: they import anything. */
const ENTRY_POINTS = ['index.ts', 'cli.ts', 'app.ts', 'generate-schemas.ts'].map((name) => join(SRC, name));

const folderOf = (file: string) => {
  const parts = relative(SRC, file).split('/');
  if (parts.length === 1) return '.';
  const nested = parts.slice(0, 2).join('/');
  return parts.length > 2 && NESTED.includes(nested) ? nested : parts[0]!;
};

/**
 * Folders each folder may import besides itself, lowest first; '.' is src/ itself, its shared foundations (config,
 * errors, logger, list bounds...) beneath everything; `api` alone is the root of api/ (server, http, context,
 * type-defs), whose request context its sub-folders read.
 */
const ALLOWED: Record<string, readonly string[]> = {
  '.': ['domain', 'local-neo4j'],
  domain: [],
  ingest: ['domain'],
  exports: ['domain'],
  resolution: ['domain'],
  // The pipeline reads CoreNLP's annotation, whose shape nlp/annotation.ts gives; it calls no server.
  'drafting/pipeline': ['domain', 'resolution', 'nlp', '.'],
  // What the two local JVM servers share: Java, Maven provisioning, pid files, the folder scheme.
  'local-jvm': ['.'],
  'local-neo4j': ['local-jvm', '.'],
  'local-nlp': ['local-jvm', '.'],
  // The NLP server's client, and where it is: CORENLP_URL or the project's own instance, started on first use.
  nlp: ['local-nlp', '.'],
  db: ['domain', 'local-neo4j', '.'],
  // Never `__generated__`: repositories return their own models, and resolvers map them to the GraphQL types.
  repositories: ['domain', 'db', '.'],
  services: ['domain', 'ingest', 'resolution', 'exports', 'repositories', 'db', '.'],
  drafting: ['domain', 'drafting/pipeline', 'resolution', 'ingest', 'nlp', 'services', 'repositories', 'db', '.'],
  // neo4j-admin runs on the java the local Neo4j runs on.
  'bulk-import': ['domain', 'ingest', 'services', 'repositories', 'db', 'local-neo4j', 'local-jvm', '.'],
  'api/ide': [],
  'api/presenters': ['domain', 'repositories'],
  'api/plugins': ['api', 'domain', 'db', '.'],
  'api/resolvers': ['api', 'api/presenters', 'services', 'drafting', 'repositories', 'domain', '__generated__', '.'],
  api: ['api/resolvers', 'api/plugins', 'api/ide', 'services', 'repositories', 'db', 'domain', 'nlp', '.'],
  cli: [
    'domain',
    'ingest',
    'drafting',
    'drafting/pipeline',
    'services',
    'bulk-import',
    'repositories',
    'db',
    'local-neo4j',
    'nlp',
    'local-nlp',
    '.',
  ],
};

describe('the architecture of src/', () => {
  it('imports only along the flow: each folder from the folders below it', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      const from = folderOf(file);
      // The generated resolver types name the context and models they map to.
      if (ENTRY_POINTS.includes(file) || from === '__generated__') continue;
      const allowed = ALLOWED[from];
      if (!allowed) {
        wrong.push(`${relative(SRC, file)} is in a folder the table does not name`);
        continue;
      }
      for (const target of imports) {
        const to = folderOf(target);
        if (to !== from && !allowed.includes(to)) wrong.push(`${relative(SRC, file)} imports ${relative(SRC, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps every line of TypeScript within 140 characters (the formatter cannot break strings)', () => {
    const typescript = ['src', 'tests', 'bench'].flatMap((dir) => sourceFiles(projectPath(dir), true));
    const long = typescript
      .filter((file) => !file.includes('__generated__'))
      .flatMap((file) => longLines(readFileSync(file, 'utf8')).map((line) => `${relative(SRC, file)}:${line}`));
    expect(typescript.length).toBeGreaterThan(50);
    expect(long).toEqual([]);
  });

  it('reads every import it checks (the pattern still matches the code)', () => {
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
  });
});
