import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { LocalNeo4jError } from './local-neo4j/local-neo4j.js';
import { createJsonLogger } from './logger.js';

const say = (line: string) => process.stdout.write(line + '\n');

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await startApp(config, { logger: createJsonLogger(), say });
  say(`GraphQL API:   ${app.url}`);
  if (app.browserUrl) say(`Neo4j Browser: ${app.browserUrl}  (user neo4j, password in .neo4j/instances/local/password)`);
  say('Ctrl-C stops the API; the local Neo4j keeps running (npm run neo4j:stop stops it).');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping the API…`);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof LocalNeo4jError || error instanceof ConfigError) process.stderr.write(`error: ${error.message}\n`);
  else process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
