import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../errors.js';
import { maskError } from './error-masking.plugin.js';

describe('maskError', () => {
  it('keeps errors written for the user', () => {
    const error = new AppError(ErrorCode.BAD_USER_INPUT, 'first must be between 1 and 100, got 0', { argument: 'first' });
    expect(maskError({ message: error.message, extensions: { code: 'BAD_USER_INPUT', argument: 'first' } }, error)).toEqual({
      message: 'first must be between 1 and 100, got 0',
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
    const validation = {
      message: 'Cannot query field "x" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at x'] },
    };
    expect(maskError(validation, new GraphQLError(validation.message))).toEqual({
      message: validation.message,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('hides everything else behind a generic internal error', () => {
    const leaked = {
      message: 'Neo4jError: Invalid input ... MATCH (p:Person)',
      path: ['person'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at run-query.ts'] },
    };
    expect(maskError(leaked, new Error(leaked.message))).toEqual({
      message: 'Internal server error',
      path: ['person'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
