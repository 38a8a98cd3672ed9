import { type JvmLayout, jvmLayout } from '../local-jvm/jvm-layout.js';
import { projectPath } from '../project-root.js';

/** The CoreNLP release the drafter's annotations were measured with. */
export const CORENLP_VERSION = '4.5.10';

export type NlpInstanceName = 'local' | 'test';

/** CoreNLP's usual port for the app's server; the tests' server has its own, so a test run never stops a draft's. */
export const NLP_INSTANCE_PORTS: Record<NlpInstanceName, number> = { local: 9000, test: 19000 };

/** The jars and instance folders of `JvmLayout`; the run folder is the server's temporary folder, where it writes its shutdown key. */
export interface NlpLayout extends JvmLayout {
  name: NlpInstanceName;
  port: number;
}

/** Folders of one CoreNLP instance under `<project>/.corenlp` (git-ignored). */
export function nlpLayout(name: NlpInstanceName, root = projectPath('.corenlp'), port = NLP_INSTANCE_PORTS[name]): NlpLayout {
  return { ...jvmLayout(root, `corenlp-${CORENLP_VERSION}`, name, 'corenlp.pid'), name, port };
}
