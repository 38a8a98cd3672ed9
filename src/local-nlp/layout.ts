import { join, resolve } from 'node:path';
import { projectPath } from '../project-root.js';

/** The CoreNLP release the drafter's annotations were measured with. */
export const CORENLP_VERSION = '4.5.10';
/** The same plugin version the local Neo4j is assembled with, so one plugin in the Maven cache serves both. */
export const MAVEN_DEPENDENCY_PLUGIN_VERSION = '3.8.1';

export type NlpInstanceName = 'local' | 'test';

/** CoreNLP's usual port for the app's server; the tests' server has its own, so a test run never stops a draft's. */
export const NLP_INSTANCE_PORTS: Record<NlpInstanceName, number> = { local: 9000, test: 19000 };

export interface NlpLayout {
  name: NlpInstanceName;
  /** Jars shared by every instance: copied once from the Maven cache, reused offline. */
  distDir: string;
  libDir: string;
  home: string;
  /** The server's temporary folder, where it writes its shutdown key; its path also marks the process as this instance's. */
  runDir: string;
  pidFile: string;
  consoleLog: string;
  port: number;
}

/** Folders of one CoreNLP instance under `<project>/.corenlp` (git-ignored). */
export function nlpLayout(name: NlpInstanceName, root = projectPath('.corenlp'), port = NLP_INSTANCE_PORTS[name]): NlpLayout {
  const distDir = resolve(root, 'dist', `corenlp-${CORENLP_VERSION}`);
  const home = resolve(root, 'instances', name);
  return {
    name,
    distDir,
    libDir: join(distDir, 'lib'),
    home,
    runDir: join(home, 'run'),
    pidFile: join(home, 'run', 'corenlp.pid'),
    consoleLog: join(home, 'logs', 'console.log'),
    port,
  };
}
