import { type Driver, type ManagedTransaction, Neo4jError, routing } from 'neo4j-driver';
import { AppError, ErrorCode } from '../errors.js';
import { Availability, databaseUnavailable } from './availability.js';
import { TRANSACTION_RETRY_MS } from './driver.js';
import { toNative } from './neo4j-values.js';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** One parameterised Cypher statement, as repositories build it and tests pin it. */
export interface Statement {
  cypher: string;
  params: Params;
}

/** A statement run inside a write transaction opened by {@link Db.writeTransaction}. */
export interface Tx {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

/** The only door to Neo4j: every query of the project goes through one of these methods. */
export interface Db {
  /** Rows of a read; `T` names the shape the statement's RETURN gives them, which the caller's Cypher guarantees. */
  read<T extends object = Row>(cypher: string, params?: Params): Promise<T[]>;
  write(cypher: string, params?: Params): Promise<Row[]>;
  /** Runs `work` in one transaction: all of it commits, or none of it. Retried on transient errors, so `work` must be idempotent. */
  writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Statements sent through this Db since it was made; a request's own Db (countingDb) counts that request alone. */
  readonly statementCount: number;
  readonly database: string;
}

const TX_METADATA = { app: 'officials-graph' };

/**
 * Whether the error says the server or database cannot be reached, not that one transaction lost a race (a deadlock
 * is transient too, but the database is there).
 */
function isUnreachable(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    (error.code === 'ServiceUnavailable' ||
      error.code === 'SessionExpired' ||
      error.code === 'Neo.TransientError.General.DatabaseUnavailable')
  );
}

/** Transient by Neo4j's classification, yet sending the same work again hits the same ceiling. */
const MEMORY_LIMIT_REACHED = 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';

/** Whether a failed read may succeed if sent again: the server or a transaction was in the way, not the work itself. */
export function worthRetrying(error: unknown): boolean {
  return Neo4jError.isRetryable(error) && (error as Neo4jError).code !== MEMORY_LIMIT_REACHED;
}

/** Maps driver errors to errors the user can act on; anything unexpected passes through to be masked. */
export function mapNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new AppError(ErrorCode.CONFLICT, 'The change conflicts with data already in the graph (a uniqueness rule was broken).');
  }
  if (error.code === MEMORY_LIMIT_REACHED) {
    return new AppError(
      ErrorCode.BAD_USER_INPUT,
      'The work needs more memory than the database allows one transaction (dbms.memory.transaction.total.max); ' +
        'split the documents into smaller ones, or narrow the query.',
    );
  }
  if (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired' || error.retriable) {
    return databaseUnavailable();
  }
  if (
    error.code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
    error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
  ) {
    return new AppError(
      ErrorCode.BAD_USER_INPUT,
      'The query took too long and was stopped; narrow it (fewer hops, a smaller page, a date range).',
    );
  }
  return error;
}

function rows(records: { toObject(): Record<string, unknown> }[]): Row[] {
  return records.map((record) => toNative(record.toObject()) as Row);
}

/**
 * One read statement as an auto-commit transaction: RUN and PULL go out together and the answer is one round trip,
 * where a transaction function takes two (BEGIN, RUN, PULL, then COMMIT). On the 100k world that is 0.3–0.4 ms of
 * a 1.7 ms answer, and the server no longer opens and commits a transaction around it. The session shares the
 * bookmarks of `driver.executeQuery`, so a read on a cluster still sees what the process wrote before it.
 */
export async function readAutoCommit(
  driver: Driver,
  database: string,
  cypher: string,
  params: Params,
  config?: { timeout?: number; metadata?: Params },
) {
  const reader = driver.session({ database, defaultAccessMode: 'READ', bookmarkManager: driver.executeQueryBookmarkManager });
  try {
    return (await reader.run(cypher, params, config)).records;
  } finally {
    await reader.close();
  }
}

/** First pause before a failed read is sent again; it doubles each time, within TRANSACTION_RETRY_MS. */
const FIRST_RETRY_DELAY_MS = 100;

/** How long a request waits for the database, once it is known to be down, before it is told so. */
const UNAVAILABLE_BUDGET_MS = 2_000;

/**
 * Wraps the driver for one database with read/write routing, transaction metadata and error mapping. Statements
 * outside writeTransaction run under `timeoutMs`: the server stops them there, and the caller gets BAD_USER_INPUT.
 */
export function createDb(driver: Driver, database: string, options: { timeoutMs?: number; unavailableBudgetMs?: number } = {}): Db {
  let statementCount = 0;
  const availability = new Availability(
    () => driver.executeQuery('RETURN 1', {}, { database, routing: routing.READ }),
    options.unavailableBudgetMs ?? UNAVAILABLE_BUDGET_MS,
  );
  const transactionConfig = { metadata: TX_METADATA, ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}) };
  const failed = (error: unknown) => {
    if (isUnreachable(error)) availability.markDown();
    return mapNeo4jError(error);
  };
  // Reads are idempotent, so a transient failure is sent again here, as the driver does for transaction functions.
  const read = async (cypher: string, params: Params): Promise<Row[]> => {
    statementCount += 1;
    await availability.admit();
    const began = performance.now();
    for (let delay = FIRST_RETRY_DELAY_MS; ; delay *= 2) {
      try {
        return rows(await readAutoCommit(driver, database, cypher, params, transactionConfig));
      } catch (error) {
        const pause = delay * (0.8 + 0.4 * Math.random());
        if (!worthRetrying(error) || performance.now() - began + pause > TRANSACTION_RETRY_MS) throw failed(error);
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  };
  const write = async (cypher: string, params: Params): Promise<Row[]> => {
    statementCount += 1;
    await availability.admit();
    try {
      const result = await driver.executeQuery(cypher, params, { database, routing: routing.WRITE, transactionConfig });
      return rows(result.records);
    } catch (error) {
      throw failed(error);
    }
  };

  return {
    database,
    get statementCount() {
      return statementCount;
    },
    read: <T extends object = Row>(cypher: string, params: Params = {}) => read(cypher, params) as Promise<T[]>,
    write: (cypher, params = {}) => write(cypher, params),
    async writeTransaction(work) {
      await availability.admit();
      const session = driver.session({ database, defaultAccessMode: 'WRITE' });
      try {
        return await session.executeWrite(
          (tx: ManagedTransaction) =>
            work({
              async run(cypher, params = {}) {
                statementCount += 1;
                const result = await tx.run(cypher, params);
                return rows(result.records);
              },
            }),
          { metadata: TX_METADATA },
        );
      } catch (error) {
        throw failed(error);
      } finally {
        await session.close();
      }
    },
  };
}

/** A request's view of the database: what it sent and read, and the most list items it may read. */
export interface RequestDb extends Db {
  /** Rows, and the items of every list in them, that this request's reads returned. */
  readonly itemCount: number;
  /**
   * From now on, the read that brings the request's items over `max` fails with RESULT_TOO_LARGE, and so does every
   * later read, without being sent: an answer past the cap is abandoned as soon as it is known to be.
   */
  capItems(max: number): void;
}

/** Rows and the items of every list within them, however deep: what a statement's answer holds. */
export function countItems(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + 1 + countItems(item), 0);
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((sum: number, item) => sum + countItems(item), 0);
  return 0;
}

function resultTooLarge(max: number, actual: number): AppError {
  return new AppError(
    ErrorCode.RESULT_TOO_LARGE,
    `The answer holds more than ${max} list items; ask for fewer items (first), fewer nested lists or a narrower period.`,
    { limit: 'items', max, actual },
  );
}

/**
 * A view of `db` that counts the statements sent through it alone, and the items its reads return: each request
 * gets one, so the counts in its log line and in tests are that request's, however many run at once.
 */
export function countingDb(db: Db): RequestDb {
  let statementCount = 0;
  let itemCount = 0;
  let maxItems = Number.POSITIVE_INFINITY;
  const count = <T>(result: Promise<T>) => {
    statementCount += 1;
    return result;
  };
  const read = async <T extends object>(cypher: string, params?: Params): Promise<T[]> => {
    if (itemCount > maxItems) throw resultTooLarge(maxItems, itemCount);
    const rows = await count(db.read<T>(cypher, params));
    itemCount += countItems(rows);
    if (itemCount > maxItems) throw resultTooLarge(maxItems, itemCount);
    return rows;
  };
  return {
    database: db.database,
    get statementCount() {
      return statementCount;
    },
    get itemCount() {
      return itemCount;
    },
    capItems(max) {
      maxItems = max;
    },
    read,
    write: (cypher, params) => count(db.write(cypher, params)),
    writeTransaction: (work) =>
      db.writeTransaction((tx) =>
        work({
          run: (cypher, params) => count(tx.run(cypher, params)),
        }),
      ),
  };
}
