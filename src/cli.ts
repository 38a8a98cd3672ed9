import { COMMANDS } from './cli/commands/index.js';
import { runCommandLine } from './cli/dispatch.js';
import { log } from './cli/shared.js';
import { ConfigError } from './config.js';
import { LocalNeo4jError } from './local-neo4j/local-neo4j.js';

// The entry point of `npm run cli -- <command>` and of the scripts named after commands (npm run ingest, ...).
runCommandLine(process.argv.slice(2), COMMANDS).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof LocalNeo4jError || error instanceof ConfigError) log(`error: ${error.message}`);
    else log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
