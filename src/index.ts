import { type RunningApp, startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { browserConnectUrl } from './domain/browser-link.js';
import { LocalNeo4jError } from './local-neo4j/local-neo4j.js';
import { createJsonLogger } from './logger.js';
import { guardProcess } from './process-guard.js';

const say = (line: string) => process.stdout.write(`${line}\n`);
const logger = createJsonLogger();

/** How long a stop after an uncaught exception may take before the process exits anyway: the stop itself may hang. */
const FATAL_STOP_MS = 10_000;

let app: RunningApp | undefined;
let stopping = false;

function stopAndExit(running: RunningApp, code = 0): void {
  const began = performance.now();
  running.stop().then(
    () => {
      say(`API stopped in ${Math.round(performance.now() - began)} ms.`);
      process.exit(code);
    },
    (error: unknown) => {
      process.stderr.write(`error while stopping: ${String(error)}\n`);
      process.exit(1);
    },
  );
}

// After an uncaught exception the API stops as on SIGTERM (requests in flight get their grace) and exits 1, so a
// supervisor starts a clean process; a rejection nobody awaited is logged and the API serves on.
guardProcess(logger, () => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), FATAL_STOP_MS).unref();
  if (app) stopAndExit(app, 1);
  else process.exit(1);
});

// Installed before anything is printed: a supervisor may signal as soon as it reads the first line.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping the API…`);
    if (app) stopAndExit(app);
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  app = await startApp(config, { logger, say });
  if (stopping) return stopAndExit(app);
  say(`GraphQL API:   ${app.url}${config.ide ? ' (open it in a browser for the GraphQL IDE)' : ''}`);
  if (app.browserUrl) {
    // Only the project's own local instance gets here (never a server named by NEO4J_URI): its password is ours to show.
    const { uri, username, password } = app.database.neo4j;
    say(`Neo4j Browser: ${browserConnectUrl(app.browserUrl, uri, username)}`);
    say(`               user ${username}, password ${password}`);
  }
  say('Ctrl-C stops the API; the local Neo4j keeps running (npm run neo4j:stop stops it).');
}

main().catch((error: unknown) => {
  if (error instanceof LocalNeo4jError || error instanceof ConfigError) process.stderr.write(`error: ${error.message}\n`);
  else process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
