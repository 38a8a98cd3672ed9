import type { Logger } from './logger.js';

/**
 * Nothing that escapes a handler ends the process unlogged. An unhandled rejection is logged and the process goes
 * on: it means a promise nobody awaited, and says nothing of the state of the rest. An uncaught exception is logged
 * and then `onUncaught` runs: Node's state may be broken after one (a write half done, a listener never called),
 * so the caller stops the process rather than serve on.
 */
export function guardProcess(logger: Logger, onUncaught: (error: unknown) => void): void {
  process.on('unhandledRejection', (reason) => {
    logger.log('error', 'unhandled promise rejection; the process goes on', { error: errorText(reason) });
  });
  process.on('uncaughtException', (error) => {
    logger.log('error', 'uncaught exception; the process stops', { error: errorText(error) });
    onUncaught(error);
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
