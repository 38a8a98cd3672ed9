import { loadConfig } from '../../src/config.js';
import { createNlp, type Nlp } from '../../src/nlp/nlp-server.js';

let nlp: Nlp | undefined;

/**
 * The tests' NLP server: CORENLP_URL when set, else the project's `test` instance (port 19000), started by the first
 * test file of a run that asks for it and shared by the files after it (one module graph per run). A run that never
 * asks starts nothing; tests/nlp-global-setup.ts stops what a run started when it ends, unless NLP_TEST_KEEP=1.
 */
export async function testNlp(): Promise<Nlp> {
  await testNlpServer().url();
  return testNlpServer();
}

/** The same server, not yet asked to start: the first annotation (or `url()`) starts it. */
export function testNlpServer(): Nlp {
  nlp ??= createNlp(loadConfig({ instance: 'test' }), { log: (line) => process.stderr.write(`[nlp] ${line}\n`) });
  return nlp;
}
