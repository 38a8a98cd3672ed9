import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../../logger.js';
import type { AppContext } from '../context.js';

/** One log line per operation: name, duration, database statements sent, and whether it failed. */
export function requestLoggingPlugin(logger: Logger): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart({ contextValue }) {
      const began = performance.now();
      return {
        async willSendResponse({ operationName, response }) {
          logger.log('info', 'graphql', {
            requestId: contextValue.requestId,
            operationName,
            ms: Math.round(performance.now() - began),
            statements: contextValue.db.statementCount,
            errors: response.body.kind === 'single' ? (response.body.singleResult.errors?.length ?? 0) : 0,
          });
        },
      };
    },
  };
}
