import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Db } from '../db/run-query.js';
import type { Problem } from '../domain/problem.js';
import { AppError, ErrorCode } from '../errors.js';
import type { Nlp } from '../nlp/nlp-server.js';
import { draftFromText } from './draft.service.js';
import { type ReportKey, reportKeyProblems } from './pipeline/report-key.js';
import { addKeyScores, type DraftForScoring, type KeyScores, scoreAgainstKey } from './pipeline/score-key.js';

/** Dev keys are read report by report; held-out keys are kept for figures at the end of a round. */
export type KeySet = 'dev' | 'held-out';

export interface KeyedReport {
  key: ReportKey;
  file: string;
  set: KeySet;
}

export interface KeyedReportEvaluation {
  id: string;
  set: KeySet;
  words: number;
  /** The whole served draft: the graph's people read, the worker thread, the validation. */
  ms: number;
  scores: KeyScores;
  /** Why the drafter refused the text; the report is then scored as an empty draft. */
  refused?: string;
}

export interface KeyEvaluation {
  reports: KeyedReportEvaluation[];
  /** Keys whose text is not in the texts folder: neither drafted nor scored. */
  skipped: { id: string; set: KeySet }[];
  totals: Record<KeySet, { reports: number; scores: KeyScores }>;
}

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return jsonFilesUnder(path);
      return entry.name.endsWith('.json') ? [path] : [];
    });
}

/**
 * Reads every key under `dir` (DIR/**\/ID.json) with the set its folder gives: held-out when a folder on its path is
 * named `held-out`, dev otherwise. Answers the keys, or every problem of every key that is not sound (the file
 * named relative to `dir`), ids used twice and files not named by their key's id included.
 */
export function readReportKeys(dir: string): { keys: KeyedReport[]; problems: Problem[] } {
  const keys: KeyedReport[] = [];
  const problems: Problem[] = [];
  for (const path of jsonFilesUnder(dir)) {
    const file = relative(dir, path) || path;
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push({ file, path: '/', message: `is not JSON: ${(error as Error).message}` });
      continue;
    }
    const found = reportKeyProblems(value, file);
    problems.push(...found);
    if (found.length > 0) continue;
    const key = value as ReportKey;
    if (!path.endsWith(`${sep}${key.id}.json`)) problems.push({ file, path: '/id', message: `is ${key.id}`, expected: 'the file name' });
    const twice = keys.find((k) => k.key.id === key.id);
    if (twice) problems.push({ file, path: '/id', message: `is also the id of ${twice.file}` });
    keys.push({ key, file, set: resolve(path).split(sep).includes('held-out') ? 'held-out' : 'dev' });
  }
  return { keys, problems };
}

/**
 * Drafts the text of each keyed report, TEXTS/ID.txt, as the API does (`draftFromText`, told the key's publication
 * date, publisher and address) and scores the draft against its key. A text the drafter refuses is scored as an
 * empty draft, with the reason; a key without a text is skipped. Answers each report and the totals of each set.
 */
export async function evaluateAgainstKeys(db: Db, nlp: Nlp, keys: KeyedReport[], textsDir: string): Promise<KeyEvaluation> {
  const reports: KeyedReportEvaluation[] = [];
  const skipped: KeyEvaluation['skipped'] = [];
  for (const { key, set } of keys) {
    const textFile = join(textsDir, `${key.id}.txt`);
    if (!existsSync(textFile)) {
      skipped.push({ id: key.id, set });
      continue;
    }
    const text = readFileSync(textFile, 'utf8');
    const began = performance.now();
    const drafted = await draftFromText(db, nlp, text, { published: key.published, publisher: key.publisher, url: key.url }).catch(
      (error: unknown) => {
        if (
          error instanceof AppError &&
          (error.code === ErrorCode.BAD_USER_INPUT || error.code === ErrorCode.DRAFT_TIMEOUT || error.code === ErrorCode.NLP_TIMEOUT)
        )
          return error;
        throw error;
      },
    );
    const ms = performance.now() - began;
    const draft = drafted instanceof AppError ? {} : (drafted.document as DraftForScoring);
    reports.push({
      id: key.id,
      set,
      words: text.split(/\s+/).filter(Boolean).length,
      ms,
      scores: scoreAgainstKey(draft, key),
      ...(drafted instanceof AppError ? { refused: drafted.message } : {}),
    });
  }
  const total = (set: KeySet) => {
    const of = reports.filter((r) => r.set === set);
    return { reports: of.length, scores: addKeyScores(of.map((r) => r.scores)) };
  };
  return { reports, skipped, totals: { dev: total('dev'), 'held-out': total('held-out') } };
}
