import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Db } from '../../db/run-query.js';
import { draftFromText } from '../../drafting/draft.service.js';
import type { DraftOptions } from '../../drafting/pipeline/document.js';
import { AppError, ErrorCode } from '../../errors.js';
import { nlpServer } from '../../nlp/nlp-server.js';
import { defineCommand } from '../command.js';
import { log, logProblems, withDb } from '../shared.js';

/** Errors a report's text or its drafting can cause, said as the API says them; anything else is the program's. */
const REFUSALS = new Set<string>([ErrorCode.BAD_USER_INPUT, ErrorCode.DRAFT_TIMEOUT, ErrorCode.NLP_TIMEOUT]);

async function draftOrRefusal(db: Db, text: string, options: DraftOptions) {
  return draftFromText(db, nlpServer(log), text, options).catch((error: unknown) => {
    if (error instanceof AppError && REFUSALS.has(error.code)) return error;
    throw error;
  });
}

/** How a report of a folder was published: REPORT.meta.json beside it, else the command's options. */
function optionsFor(file: string, fallback: DraftOptions): DraftOptions {
  const meta = file.replace(/\.txt$/, '.meta.json');
  if (!existsSync(meta)) return fallback;
  const given = JSON.parse(readFileSync(meta, 'utf8')) as Partial<DraftOptions>;
  return { published: given.published ?? fallback.published, publisher: given.publisher ?? fallback.publisher, url: given.url ?? null };
}

/**
 * Drafts every REPORT.txt of a folder, `jobs` at a time (the NLP server annotates as many at once as it has
 * threads), into OUT/REPORT.draft.json, with a bar on stderr; says how many reports a minute and where the time went.
 */
async function draftFolder(db: Db, dir: string, out: string, jobs: number, fallback: DraftOptions): Promise<number> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  mkdirSync(out, { recursive: true });
  const bar = new SingleBar({ format: 'drafting {bar} {value}/{total} reports | {eta}s left', stream: process.stderr });
  bar.start(files.length, 0);
  const began = performance.now();
  let next = 0;
  let refused = 0;
  let nlpMs = 0;
  let draftMs = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const file = join(dir, files[i]!);
      const drafted = await draftOrRefusal(db, readFileSync(file, 'utf8'), optionsFor(file, fallback));
      if (drafted instanceof AppError) {
        refused++;
        writeFileSync(join(out, `${basename(file, '.txt')}.refused.txt`), `${drafted.message}\n`);
      } else {
        nlpMs += drafted.timings.nlpMs;
        draftMs += drafted.timings.draftMs;
        writeFileSync(join(out, `${basename(file, '.txt')}.draft.json`), `${JSON.stringify(drafted.document, null, 2)}\n`);
      }
      bar.increment();
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, worker));
  bar.stop();
  const minutes = (performance.now() - began) / 60_000;
  const share = nlpMs + draftMs > 0 ? Math.round((100 * nlpMs) / (nlpMs + draftMs)) : 0;
  log(
    `drafted ${files.length - refused} of ${files.length} report(s) into ${out} in ${(minutes * 60).toFixed(1)} s ` +
      `(${(files.length / Math.max(minutes, 1e-9)).toFixed(1)} a minute, ${jobs} at a time); ` +
      `${share} % of the drafting time in the NLP server, ${100 - share} % in the pipeline`,
  );
  if (refused > 0) log(`${refused} refused: see ${out}/*.refused.txt`);
  return refused > 0 ? 1 : 0;
}

export const draftCommand = defineCommand({
  name: 'draft',
  summary: "propose a source document from a report's text (or each report of a folder), for review before ingest",
  usage: `Usage: npm run draft -- REPORT.txt [--published YYYY-MM-DD] [--publisher NAME] [--url URL] [--out FILE]
       npm run draft -- FOLDER [--out DIR] [--jobs N] [--published YYYY-MM-DD] [--publisher NAME]

  Proposes a source document from a report's text, with the graph's people it names, for review before ingest;
  prints the problems validation finds in it. The text is annotated by the NLP server (CoreNLP), started on the
  first draft unless CORENLP_URL names one.

  With a FOLDER, drafts each FOLDER/REPORT.txt (published as REPORT.meta.json beside it says, else as the options
  say) into DIR/REPORT.draft.json, N at a time, with a progress bar, and says how many a minute.

  --published YYYY-MM-DD when the report was published
  --publisher NAME       who published it (default: Unknown publisher)
  --url URL              where it was published
  --out FILE|DIR         write the document to FILE (default: standard output), or a folder's drafts to DIR
                         (default: FOLDER/drafts)
  --jobs N               reports drafted at once for a folder (default: the machine's cores)`,
  options: {
    published: { type: 'string' },
    publisher: { type: 'string' },
    url: { type: 'string' },
    out: { type: 'string' },
    jobs: { type: 'string' },
  },
  async run({ positionals: [file], values: options }) {
    if (!file) {
      log('draft needs a REPORT file or a FOLDER of them');
      return 2;
    }
    const given: DraftOptions = {
      published: options.published ?? null,
      publisher: options.publisher ?? 'Unknown publisher',
      url: options.url ?? null,
    };
    if (statSync(file).isDirectory()) {
      const jobs = options.jobs === undefined ? availableParallelism() : Number(options.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) {
        log(`--jobs must be a whole number of at least 1, got ${options.jobs}`);
        return 2;
      }
      return withDb((db) => draftFolder(db, file, options.out ?? join(file, 'drafts'), jobs, given));
    }
    const text = readFileSync(file, 'utf8');
    return withDb(async (db) => {
      const drafted = await draftOrRefusal(db, text, given);
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
      if (problems.length > 0) logProblems(`${problems.length} problem(s) to fix before ingest:`, problems);
      return 0;
    });
  },
});
