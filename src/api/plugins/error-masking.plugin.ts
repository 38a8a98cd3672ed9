import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { AppContext } from '../context.js';

/** Codes whose messages are written for the user: Apollo's request errors and our own AppErrors. */
const USER_FACING = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  ...Object.values(ErrorCode),
]);

/** When a client may try again after the database was unavailable; a restart of Neo4j takes about this long. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * For Apollo's formatError: keeps errors meant for the user and replaces anything else with a generic internal
 * error, so no driver message, Cypher or stack leaves the server.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  if (original instanceof AppError || (typeof code === 'string' && USER_FACING.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR)) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** Logs each masked error in full with the request id, and gives that id to the client so the two can be matched. */
export function errorMaskingPlugin(logger: Logger): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (original instanceof AppError) continue;
            const code = error.extensions?.code;
            if (typeof code === 'string' && USER_FACING.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) continue;
            logger.log('error', 'internal error', {
              requestId: contextValue.requestId,
              operationName,
              path: error.path,
              error: original instanceof Error ? (original.stack ?? original.message) : String(original),
            });
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          // GraphQL over HTTP allows a 5xx when the request could not be served; a load balancer sees a 503, not a 200.
          if (errors.some((e) => e.extensions?.code === ErrorCode.DATABASE_UNAVAILABLE)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          }
          for (const error of errors) {
            if (error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
        },
      };
    },
  };
}
