import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertJava17, javaCommand } from '../local-jvm/java.js';
import type { JvmServer, Log } from '../local-jvm/jvm-server.js';
import { copyMavenDependencies } from '../local-jvm/maven.js';
import { du, isAlive, portIsFree, runningPid as runningJvmPid, stopProcess, tail } from '../local-jvm/processes.js';
import { type NlpServerSettings, renderCoreNlpPom, serverJvmArgs } from './corenlp-args.js';
import { CORENLP_VERSION, type NlpInstanceName, type NlpLayout, nlpLayout } from './layout.js';

/** A problem the user can fix: the CLI prints its message alone, without a stack. */
export class LocalNlpError extends Error {
  override name = 'LocalNlpError';
}

export type { Log };

/** Loading the models and annotating a first sentence took 40–70 s here with other work running; a slower machine may take more. */
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
const OWN_SERVER = 'or set CORENLP_URL to a CoreNLP server of your own';

const NLP_SERVER: JvmServer = {
  name: 'the NLP server',
  fullName: 'the NLP server (CoreNLP)',
  download: 'CoreNLP and its models from Maven Central into .corenlp/',
  otherwise: OWN_SERVER,
  otherwiseBriefly: OWN_SERVER,
  error: (message) => new LocalNlpError(message),
};

function isProvisioned(layout: NlpLayout): boolean {
  if (!existsSync(layout.libDir)) return false;
  const jars = readdirSync(layout.libDir);
  return [`stanford-corenlp-${CORENLP_VERSION}.jar`, `stanford-corenlp-${CORENLP_VERSION}-models.jar`].every((jar) => jars.includes(jar));
}

/**
 * Copies CoreNLP, its models and their dependencies once into the instance-shared lib folder, through Maven's cache
 * (which downloads what it lacks from Maven Central); later calls find them and touch neither Maven nor the network.
 */
function provision(layout: NlpLayout, log: Log): Promise<{ downloaded: boolean }> {
  const copy = {
    distDir: layout.distDir,
    libDir: layout.libDir,
    pom: renderCoreNlpPom(),
    isProvisioned: () => isProvisioned(layout),
    announce: `Fetching CoreNLP ${CORENLP_VERSION} and its English models through Maven (once; about 495 MB)…`,
    failed: (detail: string) =>
      new LocalNlpError(
        `mvn could not fetch CoreNLP ${CORENLP_VERSION} from Maven Central:\n${detail}\n` +
          `Check the network (or the proxy in ~/.m2/settings.xml) and run npm run nlp:start again, ${OWN_SERVER}.`,
      ),
  };
  return copyMavenDependencies(NLP_SERVER, copy, log);
}

/** The pid of this instance's server if it runs, judged by the pid file and the process's command line. */
export function runningPid(layout: NlpLayout): number | undefined {
  return runningJvmPid(layout.pidFile, `-Djava.io.tmpdir=${layout.runDir}`);
}

/** The server's own readiness endpoint: it answers only once the preloaded models are in memory. */
async function serverReady(port: number, timeoutMs = 2000): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The sentence for a server whose heap ran out, read from its console log (the JVM prints the error as it exits), or
 * undefined when the log does not say so.
 */
export function outOfMemory(layout: NlpLayout): string | undefined {
  if (!existsSync(layout.consoleLog)) return undefined;
  const log = readFileSync(layout.consoleLog, 'utf8');
  if (!log.includes('OutOfMemoryError')) return undefined;
  // The log's first line is the command line it was started with.
  const heap = /-mx(\S+)/.exec(log)?.[1];
  return (
    `The NLP server ran out of memory${heap ? ` with a heap of ${heap}` : ''} (see ${layout.consoleLog}): ` +
    'give it more with NLP_HEAP, for example NLP_HEAP=4g.'
  );
}

async function startupFailure(layout: NlpLayout): Promise<LocalNlpError> {
  const memory = outOfMemory(layout);
  if (memory) return new LocalNlpError(`${memory} Or set CORENLP_URL to a CoreNLP server of your own.`);
  // The server loads its models first and binds the port last; a failed bind ends it quietly (exit code 0, nothing logged).
  if (!(await portIsFree(layout.port))) {
    return new LocalNlpError(
      `Port ${layout.port} was taken by another program while the NLP server loaded its models, so it could not listen. ` +
        `Stop that program, ${OWN_SERVER} (if it is one).`,
    );
  }
  return new LocalNlpError(
    `The NLP server stopped during start-up; fix what the last lines of ${layout.consoleLog} say, ${OWN_SERVER}:\n` +
      tail(layout.consoleLog, 15),
  );
}

/**
 * One short sentence through every preloaded annotator. The server answers /ready once the models are loaded, yet
 * its first annotation after that took 10–20 s here (the later ones a fraction of a second): waiting for it at the
 * start keeps that out of the first report's time, and an error or a heap that runs out shows at the start.
 */
async function warmUp(layout: NlpLayout, annotators: string, timeoutMs: number): Promise<boolean> {
  const properties = JSON.stringify({ annotators, outputFormat: 'json' });
  let answer: { status: number; body: string };
  try {
    const response = await fetch(`http://127.0.0.1:${layout.port}/?properties=${encodeURIComponent(properties)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'The minister met her counterpart in Tarn on Monday. She thanked him.',
      signal: AbortSignal.timeout(Math.max(timeoutMs, 1)),
    });
    answer = { status: response.status, body: await response.text() };
  } catch {
    // Gone or past the start's time: the caller's loop says which.
    return false;
  }
  if (answer.status !== 200) {
    throw new LocalNlpError(
      `The NLP server started but could not annotate a test sentence (HTTP ${answer.status}: ${answer.body.split('\n')[0]}; ` +
        `see ${layout.consoleLog}); stop it with npm run nlp:stop and start it again, ${OWN_SERVER}.`,
    );
  }
  return true;
}

async function waitUntilReady(layout: NlpLayout, annotators: string, stopped: () => boolean, begin: number): Promise<void> {
  while (Date.now() - begin < START_TIMEOUT_MS) {
    if (stopped()) throw await startupFailure(layout);
    if ((await serverReady(layout.port)) && (await warmUp(layout, annotators, START_TIMEOUT_MS - (Date.now() - begin)))) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new LocalNlpError(
    `The NLP server did not answer on port ${layout.port} within ${START_TIMEOUT_MS / 1000} s (see ${layout.consoleLog}); ` +
      `it may still be loading: npm run nlp:status says when it is ready.`,
  );
}

export interface RunningNlp {
  url: string;
  started: boolean;
  /** From the start until the server had annotated its first sentence, or 0 when it already ran. */
  startMs: number;
}

/**
 * Makes sure the instance runs: provisions the jars if needed, starts the server detached (it outlives this process)
 * and waits until its models are loaded and it has annotated a sentence. Reuses a server of this instance that already
 * runs, waiting for it if it is still loading. Throws LocalNlpError on anything the user must fix: no Java 17, no Maven, a failed
 * download, the port taken by a program that is not this server, the heap too small for the models.
 */
export async function ensureNlpRunning(
  name: NlpInstanceName,
  settings: NlpServerSettings,
  options: { log?: Log; layout?: NlpLayout } = {},
): Promise<RunningNlp> {
  const log = options.log ?? (() => {});
  const layout = options.layout ?? nlpLayout(name);
  const url = `http://127.0.0.1:${layout.port}`;
  const running = runningPid(layout);
  if (running !== undefined) {
    await waitUntilReady(layout, settings.preload, () => !isAlive(running), Date.now());
    return { url, started: false, startMs: 0 };
  }

  await assertJava17(NLP_SERVER);
  // Tried on every interface, as the server binds: a program holding the port on any one address would make it fail.
  if (!(await portIsFree(layout.port))) {
    throw new LocalNlpError(
      `Port ${layout.port} is taken by another program, so the project's NLP server cannot start. ` +
        `Stop that program, or, if it is a CoreNLP server, set CORENLP_URL=http://127.0.0.1:${layout.port} to use it.`,
    );
  }
  await provision(layout, log);
  for (const dir of [layout.runDir, join(layout.home, 'logs')]) mkdirSync(dir, { recursive: true });

  const begin = Date.now();
  const args = serverJvmArgs(layout, settings);
  // A fresh log per start: what it says about a stop is about this run.
  const out = openSync(layout.consoleLog, 'w');
  writeFileSync(out, `${[javaCommand(), ...args].join(' ')}\n`);
  const child = spawn(javaCommand(), args, { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  let exited = false;
  const markExited = () => {
    exited = true;
  };
  // 'error' too: a java that cannot be spawned reports it there, and an unheard 'error' would end this process.
  child.once('exit', markExited).once('error', markExited);
  if (child.pid === undefined)
    throw new LocalNlpError(`Could not start java for the NLP server (see ${layout.consoleLog}), ${OWN_SERVER}.`);
  writeFileSync(layout.pidFile, String(child.pid));
  child.unref();
  log(`Starting CoreNLP ${CORENLP_VERSION} (${layout.name}, port ${layout.port}, pid ${child.pid}); loading its models…`);
  await waitUntilReady(layout, settings.preload, () => exited, begin);
  return { url, started: true, startMs: Date.now() - begin };
}

/** Stops the instance with SIGTERM, SIGKILL after half a minute. Returns false if it was not running. */
export async function stopNlp(name: NlpInstanceName, layout = nlpLayout(name)): Promise<boolean> {
  const pid = runningPid(layout);
  if (pid === undefined) return false;
  await stopProcess(pid, layout.pidFile, STOP_TIMEOUT_MS);
  return true;
}

export interface NlpStatus {
  instance: NlpInstanceName;
  version: string;
  provisioned: boolean;
  running: boolean;
  /** Running and answering ready (false while it loads its models). */
  ready: boolean;
  pid: number | undefined;
  url: string;
  consoleLog: string;
  jarBytes: number;
}

export async function nlpStatus(name: NlpInstanceName, layout = nlpLayout(name)): Promise<NlpStatus> {
  const pid = runningPid(layout);
  return {
    instance: name,
    version: CORENLP_VERSION,
    provisioned: isProvisioned(layout),
    running: pid !== undefined,
    ready: pid !== undefined && (await serverReady(layout.port)),
    pid,
    url: `http://127.0.0.1:${layout.port}`,
    consoleLog: layout.consoleLog,
    jarBytes: du(layout.distDir),
  };
}
