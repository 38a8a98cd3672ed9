import { loadConfig } from '../../config.js';
import { ensureRunning, type LocalStatus, reset, status, stop } from '../../local-neo4j/local-neo4j.js';
import { defineCommand } from '../command.js';
import { log } from '../shared.js';

function formatBytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function printStatus(s: LocalStatus): void {
  process.stdout.write(
    `${[
      `instance  ${s.instance}`,
      `neo4j     ${s.version} ${s.provisioned ? '(jars cached)' : '(not downloaded yet)'}`,
      `state     ${s.running ? `running, pid ${s.pid}` : 'stopped'}`,
      `bolt      ${s.bolt}`,
      `browser   ${s.browser}`,
      `home      ${s.home}`,
      `disk      jars ${formatBytes(s.diskBytes.jars)}, instance ${formatBytes(s.diskBytes.instance)}`,
    ].join('\n')}\n`,
  );
}

type Instance = 'local' | 'test';

/** Each action on an instance, answering the exit code. */
const ACTIONS: Record<string, (instance: Instance) => Promise<number>> = {
  async start(instance) {
    const target = loadConfig({ instance }).neo4j;
    const c = await ensureRunning(instance, { initialPassword: target.kind === 'local' ? target.initialPassword : undefined, log });
    log(c.started ? `started in ${(c.startMs / 1000).toFixed(1)} s` : 'already running');
    printStatus(status(instance));
    return 0;
  },
  async stop(instance) {
    log((await stop(instance)) ? 'stopped' : 'was not running');
    return 0;
  },
  async status(instance) {
    const s = status(instance);
    printStatus(s);
    return s.running ? 0 : 3;
  },
  async reset(instance) {
    await reset(instance);
    log(`stopped and deleted the ${instance} instance's data; the downloaded jars stay`);
    return 0;
  },
};

export const neo4jCommand = defineCommand({
  name: 'neo4j',
  summary: "manage the project's local Neo4j: start, stop, status or reset (--test: the tests' own server)",
  usage: `Usage: npm run cli -- neo4j start|stop|status|reset [--test]   (also npm run neo4j:start, neo4j:stop, ...)

  Manages the project's local Neo4j:
    start   provision it if needed, start it, wait until Bolt answers; print its status
    stop    clean shutdown
    status  running or not, pid, ports, disk used; exits 3 when stopped
    reset   stop it and delete its data, logs and password; the downloaded jars stay

  --test  the tests' own server instead of the local one`,
  options: { test: { type: 'boolean', default: false } },
  async run({ positionals: [action], values }) {
    const act = action !== undefined && Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
    if (!act) {
      log(`unknown neo4j action "${action ?? ''}"; use start, stop, status or reset`);
      return 2;
    }
    return act(values.test ? 'test' : 'local');
  },
});
