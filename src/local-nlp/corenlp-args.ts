import { renderCopyDependenciesPom } from '../local-jvm/maven.js';
import { CORENLP_VERSION, type NlpLayout } from './layout.js';

/** How the server runs: its heap (`-mx`), its request threads and the annotators it loads before it listens. */
export interface NlpServerSettings {
  heap: string;
  threads: number;
  /** Comma-separated annotators, the ones every request asks for, so no request pays their model load. */
  preload: string;
}

/** The server gives up on an annotation after this long unless the request asks for less. */
export const SERVER_TIMEOUT_MS = 60_000;

/** A POM whose only job is to let `mvn dependency:copy-dependencies` gather CoreNLP, its models and their dependencies. */
export function renderCoreNlpPom(): string {
  const corenlp = `<groupId>edu.stanford.nlp</groupId><artifactId>stanford-corenlp</artifactId><version>${CORENLP_VERSION}</version>`;
  return renderCopyDependenciesPom('corenlp-server-jars', [corenlp, `${corenlp}<classifier>models</classifier>`]);
}

/**
 * The command line of a detached server. The options after the class name are StanfordCoreNLPServer's own; it has none
 * for the address it listens on, and binds every interface. Before it: the JVM exits on an OutOfMemoryError (a server
 * whose heap ran out answers nothing reliably; a stopped one is diagnosed from its log), and its temporary folder is
 * the instance's own, since the server writes its shutdown key there and would otherwise overwrite the
 * `/tmp/corenlp.shutdown` of any other CoreNLP on the machine.
 */
export function serverJvmArgs(layout: NlpLayout, settings: NlpServerSettings): string[] {
  return [
    `-mx${settings.heap}`,
    '-XX:+ExitOnOutOfMemoryError',
    `-Djava.io.tmpdir=${layout.runDir}`,
    '-cp',
    `${layout.libDir}/*`,
    'edu.stanford.nlp.pipeline.StanfordCoreNLPServer',
    '-port',
    String(layout.port),
    '-timeout',
    String(SERVER_TIMEOUT_MS),
    '-threads',
    String(settings.threads),
    '-quiet',
    '-preload',
    settings.preload,
  ];
}
