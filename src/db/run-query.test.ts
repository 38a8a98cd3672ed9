import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../errors.js';
import { countItems, mapNeo4jError, worthRetrying } from './run-query.js';

const mapped = (code: string) => mapNeo4jError(new Neo4jError('server said no', code, 'N/A', 'N/A')) as AppError;

describe('mapNeo4jError', () => {
  it('tells the user to split the work when a transaction runs out of memory, not that the server is down', () => {
    const error = mapped('Neo.TransientError.General.MemoryPoolOutOfMemoryError');
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.message).toContain('dbms.memory.transaction.total.max');
  });

  it('reports other transient failures as an unavailable database', () => {
    expect(mapped('Neo.TransientError.Transaction.DeadlockDetected').code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
    expect(mapped('ServiceUnavailable').code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
  });

  it('maps a broken uniqueness rule to CONFLICT and passes unknown errors through', () => {
    expect(mapped('Neo.ClientError.Schema.ConstraintValidationFailed').code).toBe(ErrorCode.CONFLICT);
    const unknown = new Neo4jError('boom', 'Neo.DatabaseError.General.UnknownError', 'N/A', 'N/A');
    expect(mapNeo4jError(unknown)).toBe(unknown);
  });
});

describe('worthRetrying', () => {
  const failure = (code: string) => new Neo4jError('server said no', code, 'N/A', 'N/A');

  it('sends a read again when the server or a transaction was in the way', () => {
    expect(worthRetrying(failure('ServiceUnavailable'))).toBe(true);
    expect(worthRetrying(failure('SessionExpired'))).toBe(true);
    expect(worthRetrying(failure('Neo.TransientError.General.DatabaseUnavailable'))).toBe(true);
  });

  it('does not send again what would fail the same way: a memory ceiling, a bad query, a timeout', () => {
    expect(worthRetrying(failure('Neo.TransientError.General.MemoryPoolOutOfMemoryError'))).toBe(false);
    expect(worthRetrying(failure('Neo.ClientError.Statement.SyntaxError'))).toBe(false);
    expect(worthRetrying(failure('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'))).toBe(false);
    expect(worthRetrying(new Error('not from the driver'))).toBe(false);
  });
});

describe('countItems', () => {
  it('counts rows and the items of every list in them, however deep, and nothing else', () => {
    expect(countItems([])).toBe(0);
    expect(countItems([{ id: 'a', name: 'A' }])).toBe(1);
    const row = {
      id: 'p',
      details: { meetings_0: [{ meeting: { topics: [{ code: 'X' }, { code: 'Y' }] } }, { meeting: { topics: [] } }] },
    };
    // the row, two attendances, two topics
    expect(countItems([row, { id: 'q', details: { meetings_0: null } }])).toBe(1 + 2 + 2 + 1);
  });
});
