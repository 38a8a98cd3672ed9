import { nlpLayout } from '../src/local-nlp/layout.js';
import { runningPid, stopNlp } from '../src/local-nlp/local-nlp.js';

let runningBefore = false;

/** Notes whether the tests' NLP server already ran (kept from an earlier run, or started by hand): then it is not ours to stop. */
export function setup(): void {
  runningBefore = runningPid(nlpLayout('test')) !== undefined;
}

/** Stops the tests' NLP server if this run started it (tests/helpers/nlp.ts does, on demand), unless NLP_TEST_KEEP=1. */
export async function teardown(): Promise<void> {
  if (runningBefore || process.env.NLP_TEST_KEEP === '1') return;
  if (await stopNlp('test')) process.stderr.write('[nlp] stopped the test instance\n');
}
