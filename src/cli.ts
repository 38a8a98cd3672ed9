import { COMMANDS } from './cli/commands/index.js';
import { runCommandLine } from './cli/dispatch.js';
import { log } from './cli/shared.js';
import { ConfigError } from './config.js';
import { AppError, ErrorCode } from './errors.js';
import { LocalNeo4jError } from './local-neo4j/local-neo4j.js';
import { LocalNlpError } from './local-nlp/local-nlp.js';

/** Errors whose message says what to do: printed alone, without a stack. */
function isForTheUser(error: unknown): error is Error {
  if (error instanceof LocalNeo4jError || error instanceof LocalNlpError || error instanceof ConfigError) return true;
  return error instanceof AppError && (error.code === ErrorCode.NLP_UNAVAILABLE || error.code === ErrorCode.NLP_TIMEOUT);
}

// The entry point of `npm run cli -- <command>` and of the scripts named after commands (npm run ingest, ...).
runCommandLine(process.argv.slice(2), COMMANDS).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (isForTheUser(error)) log(`error: ${error.message}`);
    else log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
