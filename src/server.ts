import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { AppContext } from './context.js';
import type { Logger } from './logger.js';
import { type AuthOptions, authPlugin } from './plugins/auth.plugin.js';
import { errorMaskingPlugin, maskError } from './plugins/error-masking.plugin.js';
import { MAX_TOKENS, queryLimitsPlugin } from './plugins/query-limits.plugin.js';
import { requestLoggingPlugin } from './plugins/request-logging.plugin.js';
import { resolvers } from './resolvers/index.js';
import { loadTypeDefs } from './schema.js';

export interface ServerOptions {
  logger: Logger;
  /** Production turns off introspection and field suggestions in errors. */
  production: boolean;
  auth: AuthOptions;
}

/** The Apollo server with the project's contract, resolvers and plugins. It never listens: see http.ts. */
export function createServer({ logger, production, auth }: ServerOptions): ApolloServer<AppContext> {
  return new ApolloServer<AppContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: !production,
    // "Did you mean ...?" in validation errors would name the fields that turning introspection off hides.
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // index.ts owns shutdown (HTTP drain, then Apollo, then the driver); Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    formatError: maskError,
    plugins: [
      authPlugin(auth),
      queryLimitsPlugin(),
      requestLoggingPlugin(logger),
      errorMaskingPlugin(logger),
      // The API serves its own IDE (http.ts): Apollo's landing page would load one from a CDN.
      ApolloServerPluginLandingPageDisabled(),
      // No field sets cache hints; Apollo's cache-control plugin would still run a hook on every resolved field.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}
