import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type ValidationRule } from 'graphql';
import type { Logger } from '../logger.js';
import type { AppContext } from './context.js';
import { type AuthOptions, authPlugin } from './plugins/auth.plugin.js';
import { errorMaskingPlugin, maskError } from './plugins/error-masking.plugin.js';
import { DEFAULT_QUERY_LIMITS, MAX_TOKENS, type QueryLimits, queryLimitsPlugin } from './plugins/query-limits.plugin.js';
import { requestLoggingPlugin } from './plugins/request-logging.plugin.js';
import { resolvers } from './resolvers/index.js';
import { loadTypeDefs } from './type-defs.js';

export interface ServerOptions {
  logger: Logger;
  /** Production turns off introspection (unless the IDE is served) and field suggestions in errors. */
  production: boolean;
  /** The API serves the GraphQL IDE, which reads the schema by introspection for its docs and completion. */
  ide?: boolean;
  auth: AuthOptions;
  /** How large an operation and its answer may be; DEFAULT_QUERY_LIMITS unless a test narrows them. */
  limits?: QueryLimits;
}

/** Refuses __schema and __type in our words (Apollo's own refusal tells callers to reconfigure the server). */
const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(new GraphQLError('Introspection is off in production.', { nodes: [node] }));
    }
  },
});

/** The Apollo server with the project's contract, resolvers and plugins. It never listens: see http.ts. */
export function createServer({
  logger,
  production,
  ide = false,
  auth,
  limits = DEFAULT_QUERY_LIMITS,
}: ServerOptions): ApolloServer<AppContext> {
  // Asking for the IDE in production (GRAPHQL_IDE=true) asks for a working one, and it needs the schema; with
  // QUERIES_REQUIRE_API_KEY the HTTP edge refuses every caller without the key first, so only key holders read it.
  const introspection = !production || ide;
  if (production && ide) logger.log('info', 'introspection is on in production: GRAPHQL_IDE=true serves the IDE, which reads the schema');
  return new ApolloServer<AppContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    // Apollo's own switch would add its rule, whose message tells callers how to configure the server.
    introspection: true,
    validationRules: introspection ? [] : [noIntrospection],
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
      queryLimitsPlugin(limits),
      requestLoggingPlugin(logger),
      errorMaskingPlugin(logger),
      // The API serves its own IDE (http.ts): Apollo's landing page would load one from a CDN.
      ApolloServerPluginLandingPageDisabled(),
      // No field sets cache hints; Apollo's cache-control plugin would still run a hook on every resolved field.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}
