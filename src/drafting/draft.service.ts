import { Worker } from 'node:worker_threads';
import type { Db } from '../db/run-query.js';
import { blockKeys } from '../domain/name-words.js';
import { parsePartialDate } from '../domain/partial-date.js';
import type { Problem } from '../domain/problem.js';
import { AppError, ErrorCode } from '../errors.js';
import { stripDraft } from '../ingest/strip-draft.js';
import { validateBatch } from '../ingest/validation/validate-batch.js';
import type { Nlp } from '../nlp/nlp-server.js';
import { readGazetteer } from '../repositories/gazetteer.repository.js';
import { findNamesByBlockKeys } from '../repositories/resolution.repository.js';
import { blockPartners } from '../resolution/candidates.js';
import { graphLookup } from '../services/ingest.service.js';
import type { DraftJob } from './draft-worker.js';
import type { DraftOptions } from './pipeline/document.js';
import type { Gazetteer } from './pipeline/people.js';
import { textForReading } from './pipeline/prepare.js';
import { publicationDate, readingProperties } from './pipeline/reading.js';

/**
 * The most text one draft takes. CoreNLP's parse and coreference grow faster than the text: a report of 12,000
 * characters (a long one) annotates in about NN s on these machines, 30,000 in about NN s. 30,000 characters,
 * 6,000 words and 600 sentences leave room for the longest reports; a run-on "sentence" of more than 250 words is
 * no prose and only stalls the parser.
 */
export const DRAFT_TEXT_LIMITS = { characters: 30_000, words: 6_000, sentences: 600, sentenceWords: 250 } as const;

/**
 * How long our pipeline may run over an annotation before it is stopped: its passes are linear in the annotation,
 * which drafts in milliseconds, so only something unforeseen reaches this. The NLP server has a time limit of its own.
 */
export const DRAFT_TIME_LIMIT_MS = 10_000;

/** Where a draft's time went: the NLP server's annotation, and our pipeline with the graph's people read. */
export interface DraftTimings {
  nlpMs: number;
  draftMs: number;
}

/** Refuses what cannot be drafted before any work: a publication day the calendar lacks, a text past the limits. */
function checkDraftInput(text: string, options: DraftOptions): void {
  if (options.published !== null && parsePartialDate(options.published)?.precision !== 'DAY') {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `published is not a day of the calendar: "${options.published}" (YYYY-MM-DD)`, {
      argument: 'published',
    });
  }
  const counts = {
    characters: () => text.length,
    words: () => text.match(/\S+/g)?.length ?? 0,
    // Every full stop, question or exclamation mark before a space or the end, abbreviations included: at most
    // the sentences the drafter reads.
    sentences: () => text.match(/[.!?]+(?=\s|$)/g)?.length ?? 0,
    // The longest run of words without a stop or a line break.
    sentenceWords: () => Math.max(0, ...text.split(/[.!?]+(?=\s|$)|\n/).map((run) => run.match(/\S+/g)?.length ?? 0)),
  };
  for (const limit of ['characters', 'words', 'sentences', 'sentenceWords'] as const) {
    const actual = counts[limit]();
    const max = DRAFT_TEXT_LIMITS[limit];
    if (actual > max) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        limit === 'sentenceWords'
          ? `text has a sentence of ${actual} words; a draft takes sentences of at most ${max}`
          : `text has ${actual} ${limit}; a draft takes at most ${max} (a long report has half of that)`,
        {
          argument: 'text',
          limit,
          max,
          actual,
        },
      );
    }
  }
}

/**
 * The graph's people a report could name, as an ingest finds its newcomers' candidates: the people sharing
 * blocking keys with the text's capitalised words (at most PEOPLE_PER_BLOCK_KEY a key), kept when they share
 * enough of them (blockPartners), with the graph's countries and posts. Never the whole Person set.
 */
export async function gazetteerFor(db: Db, text: string): Promise<Gazetteer> {
  const keys = blockKeys(text.match(/\p{Lu}[\p{L}\p{M}]*/gu) ?? []);
  const named = await findNamesByBlockKeys({ run: (cypher, params) => db.read(cypher, params) }, keys);
  const report = { id: '', name: '', aliases: [], blockKeys: keys };
  const people = blockPartners([report], named).get('') ?? [];
  return readGazetteer(
    db,
    people.map((p) => p.id),
  );
}

/** A thread that drafts one job: the built JavaScript beside this module, or from sources through tsx's loader. */
function draftWorker(job: DraftJob): Worker {
  const built = import.meta.url.endsWith('.js');
  const entry = new URL(built ? './draft-worker.js' : './draft-worker.ts', import.meta.url);
  if (built) return new Worker(entry, { workerData: job });
  const boot =
    `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))});` +
    `register(); await import(${JSON.stringify(entry.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: job });
}

/**
 * Drafts in a worker thread, so the API's requests are answered while it runs; a draft past `timeLimitMs` is
 * stopped (the thread terminated) and refused with DRAFT_TIMEOUT.
 */
function draftOffTheLoop(job: DraftJob, timeLimitMs: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const worker = draftWorker(job);
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        new AppError(ErrorCode.DRAFT_TIMEOUT, `Drafting took longer than ${timeLimitMs} ms and was stopped; draft a shorter text`, {
          argument: 'text',
          max: timeLimitMs,
        }),
      );
    }, timeLimitMs);
    worker.once('message', (document: Record<string, unknown>) => {
      clearTimeout(timer);
      resolve(document);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // After the answer this changes nothing; before it, the thread died without one.
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the draft worker stopped with exit code ${code} before answering`));
    });
  });
}

/**
 * Drafts a source document from a report's text against what the graph holds, and validates it as ingest would
 * (draft blocks stripped), so the analyst sees the proposal and what must be fixed before `npm run ingest`. The
 * report is annotated by the NLP server (started on the first draft), then drafted in a worker thread. Throws
 * BAD_USER_INPUT naming `published` or `text` for input it does not draft, NLP_UNAVAILABLE or NLP_TIMEOUT when the
 * NLP server cannot annotate it, DRAFT_TIMEOUT past the pipeline's time limit.
 */
export async function draftFromText(
  db: Db,
  nlp: Nlp,
  text: string,
  options: DraftOptions,
  timeLimitMs = DRAFT_TIME_LIMIT_MS,
): Promise<{ document: Record<string, unknown>; problems: Problem[]; timings: DraftTimings }> {
  checkDraftInput(text, options);
  const read = textForReading(text);
  const asked = performance.now();
  const annotation = await nlp.annotate(read, publicationDate(read, options.published), {
    properties: readingProperties(read),
  });
  const annotated = performance.now();
  const document = await draftOffTheLoop({ text, annotation, options, gazetteer: await gazetteerFor(db, text) }, timeLimitMs);
  const timings = { nlpMs: annotated - asked, draftMs: performance.now() - annotated };
  const checked = await validateBatch(
    [{ file: 'draft', value: stripDraft(document) }],
    graphLookup({ run: (cypher, params) => db.read(cypher, params) }),
  );
  return { document, problems: checked.problems, timings };
}
