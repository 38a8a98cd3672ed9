import type { ApolloServerPlugin } from '@apollo/server';
import { AppError, ErrorCode } from '../../errors.js';
import type { AppContext } from '../context.js';

export interface AuthOptions {
  /** Mutations are possible only when an API key is configured. */
  mutationsEnabled: boolean;
  queriesRequireKey: boolean;
}

/** The refusal of a caller without the key where queries need it; the HTTP edge sends it before Apollo reads the document. */
export function queriesNeedTheKey(): AppError {
  return new AppError(ErrorCode.UNAUTHENTICATED, 'This server needs the API key for queries too: send "Authorization: Bearer <key>".', {
    http: { status: 401 },
  });
}

/** Decides once per operation, before any resolver runs, whether the caller may run it. */
export function authPlugin(options: AuthOptions): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'mutation') {
            if (!options.mutationsEnabled) {
              throw new AppError(ErrorCode.FORBIDDEN, 'Mutations are disabled on this server; set API_KEY to enable them.', {
                http: { status: 403 },
              });
            }
            if (!contextValue.authenticated) {
              throw new AppError(
                ErrorCode.UNAUTHENTICATED,
                'Mutations need the API key: send "Authorization: Bearer <key>" or "x-api-key: <key>".',
                { http: { status: 401 } },
              );
            }
          } else if (options.queriesRequireKey && !contextValue.authenticated) {
            throw queriesNeedTheKey();
          }
        },
      };
    },
  };
}
