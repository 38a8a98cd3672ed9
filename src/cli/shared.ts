import { SingleBar } from 'cli-progress';
import { loadConfig } from '../config.js';
import { openDb } from '../db/open-db.js';
import type { Db } from '../db/run-query.js';
import { formatProblems, type Problem } from '../domain/problem.js';
import type { IngestProgress } from '../services/ingest.service.js';

/** A line on stderr: what commands say about their work, leaving stdout to their output. */
export const log = (line: string) => process.stderr.write(`${line}\n`);

/** The heading, then every problem with its file and path. */
export function logProblems(heading: string, problems: Problem[]): void {
  log(`${heading}\n${formatProblems(problems)}`);
}

/** Runs `work` on the configured database, closed afterwards whatever happens. */
export async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const opened = await openDb(loadConfig(), log);
  try {
    return await work(opened.db);
  } finally {
    await opened.close();
  }
}

/** A bar on stderr for inputs large enough to wait for; silent when output is not a terminal. */
export function progressBar(): IngestProgress | undefined {
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
