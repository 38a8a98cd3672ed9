import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { importDocuments } from './bulk-import/import.service.js';
import { ConfigError, loadConfig } from './config.js';
import { openDb } from './db/open-db.js';
import { fingerprint, RUN_LENGTH } from './domain/copy-check.js';
import { formatProblems, type Problem } from './domain/problem.js';
import type { Verdict } from './domain/registry/index.js';
import { draftFromText } from './drafting/draft.service.js';
import { evaluateDrafts } from './drafting/draft-evaluation.service.js';
import { precision, recall } from './drafting/pipeline/evaluate.js';
import { AppError, ErrorCode } from './errors.js';
import { copiedWording } from './ingest/copied-wording.js';
import { ensureRunning, LocalNeo4jError, type LocalStatus, reset, status, stop } from './local-neo4j/local-neo4j.js';
import { projectPath } from './project-root.js';
import type { MatchCandidateModel } from './repositories/models.js';
import type { Page } from './repositories/pagination.js';
import { listCandidates } from './repositories/resolution.repository.js';
import { applyConstraints } from './services/constraints.service.js';
import { EXPORT_FORMATS, type ExportFormat, exportGraph, writesSeveralFiles } from './services/export.service.js';
import { type Change, type DocumentInput, type IngestProgress, ingestFiles, readDocumentFile } from './services/ingest.service.js';
import { judgeMatch } from './services/resolution.service.js';
import { seedFiles } from './services/seed.service.js';

const USAGE = `Usage: npm run cli -- <command> [options]

  ingest [--dry-run] [--text REPORT.txt] FILE...
                           validate source documents as one batch; write them in one transaction if all are valid
                           (npm run ingest -- --help for more)
  import DIR|FILE...        first load into an empty local database: validate every document as ingest does, then
                           load them with neo4j-admin's offline importer (stops and restarts the local server)
  check-copy DOCUMENT --text REPORT.txt
                           name every note or summary that repeats eight words of the report
  export --out PATH [--format FORMAT] [--meetings nodes|edges]
                           write the graph out. documents (the default): one source document per source in the
                           directory PATH, and the judgements on match candidates as judgements.json; graphml and
                           gexf (meetings as nodes, or --meetings edges: person-person edges weighted by meetings
                           shared), popolo (JSON), ftm (FollowTheMoney JSON lines): the file PATH; csv: one file per
                           label and per relationship type in the directory PATH
  resolve [--yes-above S] [--by NAME] [--list]
                           review open match candidates one by one: [s]ame, [d]ifferent, [u]nsure, Enter to skip,
                           [q]uit; --yes-above judges SAME every pair scoring S or more; --list only prints them
  draft REPORT.txt [--published YYYY-MM-DD] [--publisher NAME] [--url URL] [--out FILE]
                           propose a source document from a report's text, for review before ingest; prints
                           the problems validation finds in it
  eval-draft DIR [--out FILE]
                           draft each DIR/*.txt and score it against the reviewed *.json beside it
  seed                     apply constraints and indexes, then ingest seed/documents/
  fingerprint FILE         print hashes of the 8-word runs of a source's text (JSON), to check notes for copying
  neo4j start|stop|status|reset [--test]
                           manage the project's local Neo4j (--test: the tests' own server)

Neo4j: NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD if set (environment or .env), else the local server.`;

const log = (line: string) => process.stderr.write(`${line}\n`);

/** A bar on stderr for inputs large enough to wait for; silent when output is not a terminal. */
function progressBar(): IngestProgress | undefined {
  if (!process.stderr.isTTY) return undefined;
  let bar: SingleBar | undefined;
  return {
    start(total) {
      if (total < 2000 || bar) return;
      bar = new SingleBar({ format: 'writing {bar} {percentage}% | {value}/{total} rows | {eta}s left', stream: process.stderr });
      bar.start(total, 0);
    },
    advance: (n) => bar?.increment(n),
    stop: () => bar?.stop(),
  };
}

function formatBytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function printStatus(s: LocalStatus): void {
  process.stdout.write(
    `${[
      `instance  ${s.instance}`,
      `neo4j     ${s.version} ${s.provisioned ? '(jars cached)' : '(not downloaded yet)'}`,
      `state     ${s.running ? `running, pid ${s.pid}` : 'stopped'}`,
      `bolt      ${s.bolt}`,
      `browser   ${s.browser}`,
      `home      ${s.home}`,
      `disk      jars ${formatBytes(s.diskBytes.jars)}, instance ${formatBytes(s.diskBytes.instance)}`,
    ].join('\n')}\n`,
  );
}

async function withDb<T>(work: (db: Awaited<ReturnType<typeof openDb>>['db']) => Promise<T>): Promise<T> {
  const opened = await openDb(loadConfig(), log);
  try {
    return await work(opened.db);
  } finally {
    await opened.close();
  }
}

const INGEST_USAGE = `Usage: npm run ingest -- [--dry-run] [--text REPORT.txt] FILE...

  Validates the source documents (JSON or YAML) and judgements files as one batch and writes them in one
  transaction, or nothing if anything is wrong: every problem is listed with its file and path.

  --dry-run         check and plan everything, write nothing: what would be created, updated or left unchanged
                    per label and relationship type, who would be linked to whom and why, which match candidates
                    would be raised
  --text REPORT.txt refuse notes and summaries that repeat eight words of the report the documents were written from`;

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

async function ingestCommand(files: string[], options: { dryRun: boolean; text?: string; help: boolean }): Promise<number> {
  if (options.help) {
    process.stdout.write(`${INGEST_USAGE}\n`);
    return 0;
  }
  if (files.length === 0) {
    log(`ingest needs at least one FILE\n${INGEST_USAGE}`);
    return 2;
  }
  if (options.text) {
    const copied = await copiedWordingIn(files, options.text);
    if (copied.length > 0) {
      log(`${copied.length} problem(s) checking the documents against the report; nothing was written:\n${formatProblems(copied)}`);
      return 1;
    }
  }
  return withDb(async (db) => {
    await applyConstraints(db);
    const began = Date.now();
    const result = await ingestFiles(db, files, { progress: progressBar(), dryRun: options.dryRun });
    if (!result.ok) {
      log(
        `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; nothing was written:\n` +
          formatProblems(result.problems),
      );
      return 1;
    }
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
    return 0;
  });
}

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

async function importCommand(paths: string[]): Promise<number> {
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
    log(`${unreadable.length} problem(s); nothing was loaded:\n${formatProblems(unreadable)}`);
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
    else log(`${result.problems.length} problem(s); nothing was loaded:\n${formatProblems(result.problems)}`);
    return 1;
  }
  log(
    `imported ${result.documents} document(s): ${result.nodes} nodes, ${result.relationships} relationships, ` +
      `in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
  return 0;
}

/**
 * The notes and summaries of the documents (JSON or YAML, read as ingest reads them) that repeat a run of the
 * report's words; a document that cannot be read is a problem too.
 */
async function copiedWordingIn(files: string[], textFile: string): Promise<Problem[]> {
  const text = readFileSync(textFile, 'utf8');
  const read = await Promise.all(files.map(readDocumentFile));
  return read.flatMap((r) => ('path' in r ? [r] : copiedWording(r.file, r.value, text)));
}

async function checkCopyCommand(file: string | undefined, textFile: string | undefined): Promise<number> {
  if (!file || !textFile) {
    log('check-copy needs a DOCUMENT and --text REPORT.txt');
    return 2;
  }
  const problems = await copiedWordingIn([file], textFile);
  if (problems.length === 0) {
    log(`${file}: no note or summary repeats eight words of ${textFile}`);
    return 0;
  }
  log(formatProblems(problems));
  return 1;
}

/** One candidate as a reviewer reads it: both people, the score and the reasons. */
function describeCandidate(c: MatchCandidateModel): string {
  const person = (p: MatchCandidateModel['a']) => `${p.name} (${p.id})${p.aliases.length > 0 ? `, also ${p.aliases.join(', ')}` : ''}`;
  return [`${c.score.toFixed(2)}  ${person(c.a)}`, `      ${person(c.b)}`, ...c.reasons.map((r) => `      - ${r}`)].join('\n');
}

const VERDICT_KEYS: Record<string, Verdict> = { s: 'SAME', d: 'DIFFERENT', u: 'UNSURE' };

async function resolveCommand(options: { yesAbove: string | undefined; by: string | undefined; list: boolean }): Promise<number> {
  const yesAbove = options.yesAbove === undefined ? undefined : Number(options.yesAbove);
  if (yesAbove !== undefined && !(yesAbove >= 0 && yesAbove <= 1)) {
    log('--yes-above takes a score from 0 to 1');
    return 2;
  }
  const by = options.by ?? process.env.USER ?? 'cli';
  return withDb(async (db) => {
    await applyConstraints(db);
    const open: MatchCandidateModel[] = [];
    for (let after: string | null = null; ; ) {
      const page: Page<MatchCandidateModel> = await listCandidates(db, 'OPEN', 100, after);
      open.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    process.stdout.write(`${open.length} open match candidate${open.length === 1 ? '' : 's'}\n`);
    const prompt = options.list ? undefined : createInterface({ input: process.stdin, output: process.stdout });
    let judged = 0;
    try {
      for (const candidate of open) {
        process.stdout.write(`\n${describeCandidate(candidate)}\n`);
        if (options.list) continue;
        let verdict: Verdict | undefined;
        if (yesAbove !== undefined && candidate.score >= yesAbove) {
          verdict = 'SAME';
          process.stdout.write(`SAME (score at or above ${yesAbove})\n`);
        } else if (yesAbove === undefined) {
          const answer = (await prompt!.question('[s]ame, [d]ifferent, [u]nsure, Enter to skip, [q]uit: ')).trim().toLowerCase();
          if (answer === 'q') break;
          verdict = VERDICT_KEYS[answer];
        }
        if (!verdict) continue;
        // An earlier SAME may have made the pair one person by now: a verdict on it then says so and is skipped.
        const person = await judgeMatch(db, { a: candidate.a.id, b: candidate.b.id, verdict, by, note: null }).catch((error: unknown) => {
          if (!(error instanceof AppError) || (error.code !== ErrorCode.NOT_FOUND && error.code !== ErrorCode.CONFLICT)) throw error;
          process.stdout.write(`skipped: ${error.message}\n`);
          return undefined;
        });
        if (person) judged++;
      }
    } finally {
      prompt?.close();
    }
    log(`judged ${judged} pair${judged === 1 ? '' : 's'}`);
    return 0;
  });
}

async function draftCommand(
  file: string | undefined,
  options: { published?: string; publisher?: string; url?: string; out?: string },
): Promise<number> {
  if (!file) {
    log('draft needs a REPORT file');
    return 2;
  }
  const text = readFileSync(file, 'utf8');
  return withDb(async (db) => {
    const drafted = await draftFromText(db, text, {
      published: options.published ?? null,
      publisher: options.publisher ?? 'Unknown publisher',
      url: options.url ?? null,
    }).catch((error: unknown) => {
      // A date the calendar lacks, a text past the limits, a draft past its time: said as the API says it.
      if (error instanceof AppError && (error.code === ErrorCode.BAD_USER_INPUT || error.code === ErrorCode.DRAFT_TIMEOUT)) return error;
      throw error;
    });
    if (drafted instanceof AppError) {
      log(drafted.message);
      return 2;
    }
    const { document, problems } = drafted;
    const json = `${JSON.stringify(document, null, 2)}\n`;
    if (options.out) writeFileSync(options.out, json);
    else process.stdout.write(json);
    const meetings = (document.meetings as unknown[]).length;
    log(`drafted ${(document.people as unknown[]).length} people, ${meetings} meeting(s)${options.out ? ` to ${options.out}` : ''}`);
    if (problems.length > 0) log(`${problems.length} problem(s) to fix before ingest:\n${formatProblems(problems)}`);
    return 0;
  });
}

async function evalDraftCommand(dir: string | undefined, out: string | undefined): Promise<number> {
  if (!dir) {
    log('eval-draft needs a DIR of REPORT.txt, REPORT.json and REPORT.meta.json');
    return 2;
  }
  return withDb(async (db) => {
    await applyConstraints(db);
    const { reports, total } = await evaluateDrafts(db, dir);
    const pr = (s: { truePositives: number; proposed: number; expected: number }) => `${precision(s).toFixed(2)} / ${recall(s).toFixed(2)}`;
    const rows = [
      ...reports.map((r) => ({ name: r.report, words: r.words, ms: r.ms, s: r.scores })),
      { name: 'all', words: 0, ms: 0, s: total },
    ];
    const lines = [
      '| report | pairs P / R | meetings P / R | people P / R | dates exact | posts exact | mentioned as participant | ms |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(
        (r) =>
          `| ${r.name} | ${pr(r.s.pairs)} | ${pr(r.s.meetings)} | ${pr(r.s.people)} | ${r.s.dates.exact}/${r.s.dates.total} | ` +
          `${r.s.posts.exact}/${r.s.posts.total} | ${r.s.mentionedAsParticipants} | ${r.name === 'all' ? '' : r.ms.toFixed(0)} |`,
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const file = out ?? projectPath('tests', 'artifacts', 'eval-draft.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ reports, total }, null, 2)}\n`);
    log(`wrote ${file}`);
    return 0;
  });
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      format: { type: 'string', default: 'documents' },
      meetings: { type: 'string', default: 'nodes' },
      test: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
      'yes-above': { type: 'string' },
      by: { type: 'string' },
      list: { type: 'boolean', default: false },
      published: { type: 'string' },
      publisher: { type: 'string' },
      url: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      text: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if ((values.help && command !== 'ingest') || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'ingest':
      return ingestCommand(rest, { dryRun: values['dry-run'], text: values.text, help: values.help ?? false });
    case 'import':
      return importCommand(rest);
    case 'check-copy':
      return checkCopyCommand(rest[0], values.text);
    case 'seed':
      return ingestCommand(seedFiles(), { dryRun: false, help: false });
    case 'fingerprint': {
      const [file] = rest;
      if (!file) {
        log('fingerprint needs a FILE');
        return 2;
      }
      process.stdout.write(`${JSON.stringify({ runLength: RUN_LENGTH, hashes: fingerprint(readFileSync(file, 'utf8')) })}\n`);
      return 0;
    }
    case 'draft':
      return draftCommand(rest[0], { published: values.published, publisher: values.publisher, url: values.url, out: values.out });
    case 'eval-draft':
      return evalDraftCommand(rest[0], values.out);
    case 'resolve':
      return resolveCommand({ yesAbove: values['yes-above'], by: values.by, list: values.list });
    case 'export': {
      const format = values.format as ExportFormat;
      if (!values.out || !EXPORT_FORMATS.includes(format) || !['nodes', 'edges'].includes(values.meetings ?? '')) {
        log(`export needs --out PATH, --format one of ${EXPORT_FORMATS.join(', ')}, and --meetings nodes or edges`);
        return 2;
      }
      const out = values.out;
      return withDb(async (db) => {
        const began = performance.now();
        const { files } = await exportGraph(db, format, { meetings: values.meetings as 'nodes' | 'edges' });
        // Formats of several files write a directory; the others write the one file at PATH.
        const directory = writesSeveralFiles(format);
        if (directory) mkdirSync(out, { recursive: true });
        else mkdirSync(dirname(resolve(out)), { recursive: true });
        let bytes = 0;
        for (const file of files) {
          writeFileSync(directory ? join(out, file.name) : out, file.body);
          bytes += Buffer.byteLength(file.body);
        }
        log(
          `wrote ${format}: ${files.length} file(s), ${(bytes / 1_000_000).toFixed(1)} MB, to ${out} ` +
            `in ${((performance.now() - began) / 1000).toFixed(1)} s`,
        );
        return 0;
      });
    }
    case 'neo4j': {
      const instance = values.test ? 'test' : 'local';
      const [action] = rest;
      if (action === 'start') {
        const target = loadConfig({ instance }).neo4j;
        const c = await ensureRunning(instance, { initialPassword: target.kind === 'local' ? target.initialPassword : undefined, log });
        log(c.started ? `started in ${(c.startMs / 1000).toFixed(1)} s` : 'already running');
        printStatus(status(instance));
        return 0;
      }
      if (action === 'stop') {
        log((await stop(instance)) ? 'stopped' : 'was not running');
        return 0;
      }
      if (action === 'status') {
        const s = status(instance);
        printStatus(s);
        return s.running ? 0 : 3;
      }
      if (action === 'reset') {
        await reset(instance);
        log(`stopped and deleted the ${instance} instance's data; the downloaded jars stay`);
        return 0;
      }
      log(`unknown neo4j action "${action ?? ''}"; use start, stop, status or reset`);
      return 2;
    }
    default:
      log(`unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof LocalNeo4jError || error instanceof ConfigError) log(`error: ${error.message}`);
    else log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
