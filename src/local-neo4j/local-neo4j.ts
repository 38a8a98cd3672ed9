import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { assertJava17, javaCommand } from '../local-jvm/java.js';
import type { JvmServer, Log } from '../local-jvm/jvm-server.js';
import { copyMavenDependencies } from '../local-jvm/maven.js';
import { du, isAlive, portIsFree, runningPid as runningJvmPid, stopProcess, tail } from '../local-jvm/processes.js';
import { BROWSER_ASSETS_URL, type InstanceLayout, type InstanceName, instanceLayout, NEO4J_VERSION } from './layout.js';
import { renderNeo4jConf, renderProvisionPom, serverJvmArgs } from './neo4j-conf.js';

const run = promisify(execFile);

/** A problem the user can fix: the CLI prints its message alone, without a stack. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface LocalConnection {
  uri: string;
  username: string;
  password: string;
  httpUrl: string;
  browserUrl: string;
}

export type { Log };

const NEO4J_SERVER: JvmServer = {
  name: 'the local Neo4j',
  fullName: 'the local Neo4j',
  download: 'Neo4j from Maven Central into .neo4j/',
  otherwise: 'or set NEO4J_URI to a server of your own',
  otherwiseBriefly: 'or set NEO4J_URI',
  error: (message) => new LocalNeo4jError(message),
};

const USERNAME = 'neo4j';
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

function isProvisioned(layout: InstanceLayout): boolean {
  return existsSync(layout.libDir) && readdirSync(layout.libDir).some((f) => f.startsWith(`neo4j-server-${NEO4J_VERSION}`));
}

/** Downloads the server and Browser jars once; later calls find them and touch no network. */
export function provision(layout: InstanceLayout, log: Log): Promise<{ downloaded: boolean }> {
  const copy = {
    distDir: layout.distDir,
    libDir: layout.libDir,
    pom: renderProvisionPom(),
    isProvisioned: () => isProvisioned(layout),
    announce: `Downloading Neo4j ${NEO4J_VERSION} from Maven Central (once; about 140 MB)…`,
    failed: (detail: string) => new LocalNeo4jError(`mvn could not fetch Neo4j ${NEO4J_VERSION}:\n${detail}`),
  };
  return copyMavenDependencies(NEO4J_SERVER, copy, log);
}

/** The pid of this instance's server if it runs, judged by the pid file and the process's command line. */
export function runningPid(layout: InstanceLayout): number | undefined {
  return runningJvmPid(layout.pidFile, `--home-dir=${layout.home}`);
}

/** Bolt handshake by hand: the server answers the magic preamble with the protocol version it agrees to. */
export function boltAnswers(port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => {
      const hello = Buffer.alloc(20);
      hello.writeUInt32BE(0x6060b017, 0);
      hello.writeUInt32BE(0x00000405, 4); // 5.4, and below
      hello.writeUInt32BE(0x00000004, 8);
      socket.write(hello);
    });
    socket.once('data', (data) => done(data.length >= 4 && data.readUInt32BE(0) !== 0));
  });
}

function connectionOf(layout: InstanceLayout): LocalConnection {
  const password = readFileSync(layout.passwordFile, 'utf8').trim();
  const httpUrl = `http://localhost:${layout.ports.http}`;
  return {
    uri: `bolt://127.0.0.1:${layout.ports.bolt}`,
    username: USERNAME,
    password,
    httpUrl,
    browserUrl: `${httpUrl}/browser/`,
  };
}

function hasDatabaseFiles(layout: InstanceLayout): boolean {
  return existsSync(join(layout.dataDir, 'databases'));
}

async function prepareHome(layout: InstanceLayout, initialPassword: string | undefined, browserAssetsUrl: string, log: Log): Promise<void> {
  for (const dir of [
    layout.confDir,
    layout.dataDir,
    layout.logsDir,
    layout.runDir,
    join(layout.home, 'web'),
    join(layout.home, 'import'),
    join(layout.home, 'plugins'),
  ]) {
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(join(layout.confDir, 'neo4j.conf'), renderNeo4jConf(layout, { browserAssetsUrl }));
  if (existsSync(layout.passwordFile)) return;
  if (hasDatabaseFiles(layout)) {
    throw new LocalNeo4jError(
      `The local Neo4j (${layout.home}) has data but its password file is gone. ` +
        `Reset it with: npm run neo4j:reset${layout.name === 'test' ? ' -- --test' : ''}`,
    );
  }
  const password = initialPassword ?? randomBytes(18).toString('base64url');
  await setInitialPassword(layout, password);
  writeFileSync(layout.passwordFile, `${password}\n`, { mode: 0o600 });
  log(`Set the password of user neo4j (kept in ${layout.passwordFile}).`);
}

/**
 * Runs neo4j-admin's set-initial-password. The `--` matters: a password that begins with "-" (one random
 * base64url password in 64 does) would otherwise be read as an option and the tool would stop.
 */
export async function setInitialPassword(layout: InstanceLayout, password: string): Promise<void> {
  try {
    await run(javaCommand(), ['-cp', `${layout.libDir}/*`, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', '--', password], {
      env: { ...process.env, NEO4J_HOME: layout.home, NEO4J_CONF: layout.confDir },
    });
  } catch (error) {
    throw new LocalNeo4jError(`neo4j-admin could not set the initial password: ${(error as { stderr?: string }).stderr ?? String(error)}`);
  }
}

/**
 * Makes sure the instance runs: provisions jars if needed, writes the conf, sets the initial password
 * before the first start, starts the server detached (it outlives this process) and waits until Bolt answers.
 * Reuses a server of this instance that already runs. Throws LocalNeo4jError on anything the user must fix.
 */
export async function ensureRunning(
  name: InstanceName,
  options: { initialPassword?: string | undefined; log?: Log; layout?: InstanceLayout; browserAssetsUrl?: string } = {},
): Promise<LocalConnection & { started: boolean; pid: number; startMs: number }> {
  const log = options.log ?? (() => {});
  const layout = options.layout ?? instanceLayout(name);
  const running = runningPid(layout);
  if (running !== undefined) {
    const begin = Date.now();
    await waitForBolt(layout, running, begin);
    return { ...connectionOf(layout), started: false, pid: running, startMs: 0 };
  }

  await assertJava17(NEO4J_SERVER);
  for (const [what, port] of [
    ['Bolt', layout.ports.bolt],
    ['HTTP', layout.ports.http],
  ] as const) {
    if (!(await portIsFree(port, '127.0.0.1'))) {
      throw new LocalNeo4jError(
        `Port ${port} (${what}) on 127.0.0.1 is taken by another program, so the local Neo4j cannot start. ` +
          'Stop that program, or set NEO4J_URI/NEO4J_PASSWORD to use the server that holds the port.',
      );
    }
  }
  await provision(layout, log);
  await prepareHome(layout, options.initialPassword, options.browserAssetsUrl ?? BROWSER_ASSETS_URL[name], log);

  const begin = Date.now();
  const out = openSync(layout.consoleLog, 'a');
  const child = spawn(javaCommand(), serverJvmArgs(layout), { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  if (child.pid === undefined) throw new LocalNeo4jError(`Could not start java for the local Neo4j; see ${layout.consoleLog}`);
  writeFileSync(layout.pidFile, String(child.pid));
  child.unref();
  log(`Starting Neo4j ${NEO4J_VERSION} (${layout.name}, pid ${child.pid})…`);
  await waitForBolt(layout, child.pid, begin);
  return { ...connectionOf(layout), started: true, pid: child.pid, startMs: Date.now() - begin };
}

async function waitForBolt(layout: InstanceLayout, pid: number, begin: number): Promise<void> {
  while (Date.now() - begin < START_TIMEOUT_MS) {
    if (!isAlive(pid)) {
      throw new LocalNeo4jError(
        `The local Neo4j stopped during start-up. Last lines of ${layout.consoleLog}:\n${tail(layout.consoleLog, 15)}`,
      );
    }
    if (await boltAnswers(layout.ports.bolt)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new LocalNeo4jError(
    `The local Neo4j did not answer on Bolt port ${layout.ports.bolt} within ${START_TIMEOUT_MS / 1000} s; see ${layout.consoleLog}`,
  );
}

/** Stops the instance with SIGTERM (a clean shutdown), SIGKILL after a minute. Returns false if it was not running. */
export async function stop(name: InstanceName, layout = instanceLayout(name)): Promise<boolean> {
  const pid = runningPid(layout);
  if (pid === undefined) return false;
  await stopProcess(pid, layout.pidFile, STOP_TIMEOUT_MS);
  return true;
}

/** Stops the instance and deletes its data, logs and password; the downloaded jars stay. */
export async function reset(name: InstanceName, layout = instanceLayout(name)): Promise<void> {
  await stop(name, layout);
  rmSync(layout.home, { recursive: true, force: true });
}

export interface LocalStatus {
  instance: InstanceName;
  version: string;
  provisioned: boolean;
  running: boolean;
  pid: number | undefined;
  bolt: string;
  browser: string;
  home: string;
  diskBytes: { jars: number; instance: number };
}

export function status(name: InstanceName, layout = instanceLayout(name)): LocalStatus {
  const pid = runningPid(layout);
  return {
    instance: name,
    version: NEO4J_VERSION,
    provisioned: isProvisioned(layout),
    running: pid !== undefined,
    pid,
    bolt: `bolt://127.0.0.1:${layout.ports.bolt}`,
    browser: `http://localhost:${layout.ports.http}/browser/`,
    home: layout.home,
    diskBytes: { jars: du(layout.distDir), instance: du(layout.home) },
  };
}
