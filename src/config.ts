import { config as loadDotenv } from 'dotenv';
import { INSTANCE_PORTS } from './local-neo4j/layout.js';

/** Where the graph lives: a server the user names, or the project's own local Neo4j. */
export type Neo4jTarget =
  | { kind: 'external'; uri: string; username: string; password: string; database: string }
  | {
      kind: 'local';
      instance: 'local' | 'test';
      initialPassword: string | undefined;
      database: string;
      browserAssetsUrl: string | undefined;
    };

export interface Config {
  neo4j: Neo4jTarget;
  http: { host: string; port: number };
  /** Neo4j Browser, for the links the API returns (NEO4J_BROWSER_URL). */
  browserUrl: string;
  /** Key that mutations must present as `Authorization: Bearer <key>` or `x-api-key`; undefined disables mutations. */
  apiKey: string | undefined;
  /** QUERIES_REQUIRE_API_KEY=true closes queries to callers without the key too. */
  queriesRequireApiKey: boolean;
  production: boolean;
  /** GRAPHQL_IDE: the GraphQL IDE at /graphql for browsers; on unless in production, where it must be asked for. */
  ide: boolean;
  /** QUERY_TIMEOUT_MS: the server stops a query that runs longer. */
  queryTimeoutMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function readPort(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${key} must be a port number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function readPositive(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${key} must be a positive whole number, got "${raw}"`);
  return value;
}

/**
 * Reads and validates the environment (and `.env` when `loadEnvFile` is set). The only reader of `process.env`.
 * NEO4J_URI present → that server, and NEO4J_PASSWORD becomes mandatory; absent → the local server
 * (`instance` picks the app's or the tests' one). Throws ConfigError with a message naming the variable.
 */
export function loadConfig(options: { instance?: 'local' | 'test'; env?: Env; loadEnvFile?: boolean } = {}): Config {
  if (options.loadEnvFile ?? options.env === undefined) loadDotenv({ quiet: true });
  const env = options.env ?? process.env;
  const database = env.NEO4J_DATABASE || 'neo4j';
  const uri = options.instance === 'test' ? env.NEO4J_TEST_URI || env.NEO4J_URI : env.NEO4J_URI;

  let neo4j: Neo4jTarget;
  if (uri) {
    if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(uri)) {
      throw new ConfigError(`NEO4J_URI must start with bolt:// or neo4j:// (optionally +s or +ssc), got "${uri}"`);
    }
    const password = env.NEO4J_PASSWORD;
    if (!password) throw new ConfigError('NEO4J_PASSWORD is required when NEO4J_URI is set');
    neo4j = { kind: 'external', uri, username: env.NEO4J_USERNAME || 'neo4j', password, database };
  } else {
    const initialPassword = env.NEO4J_PASSWORD || undefined;
    if (initialPassword !== undefined && initialPassword.length < 8) {
      throw new ConfigError('NEO4J_PASSWORD must have at least 8 characters (Neo4j refuses shorter ones)');
    }
    const instance = options.instance ?? 'local';
    // The local Browser fetches its style and guide from this API; a PORT other than the default moves them.
    const browserAssetsUrl = instance === 'local' && env.PORT ? `http://localhost:${readPort(env, 'PORT', 4000)}/browser` : undefined;
    neo4j = { kind: 'local', instance, initialPassword, database, browserAssetsUrl };
  }

  if (env.QUERIES_REQUIRE_API_KEY === 'true' && !env.API_KEY) throw new ConfigError('QUERIES_REQUIRE_API_KEY=true needs API_KEY');
  if (env.API_KEY !== undefined && env.API_KEY !== '' && env.API_KEY.length < 16)
    throw new ConfigError('API_KEY must have at least 16 characters');
  return {
    neo4j,
    http: { host: env.HOST || '127.0.0.1', port: readPort(env, 'PORT', 4000) },
    browserUrl: env.NEO4J_BROWSER_URL || `http://localhost:${INSTANCE_PORTS[uri ? 'local' : (options.instance ?? 'local')].http}/browser/`,
    apiKey: env.API_KEY || undefined,
    queriesRequireApiKey: env.QUERIES_REQUIRE_API_KEY === 'true',
    production: env.NODE_ENV === 'production',
    ide: env.GRAPHQL_IDE ? env.GRAPHQL_IDE === 'true' : env.NODE_ENV !== 'production',
    queryTimeoutMs: readPositive(env, 'QUERY_TIMEOUT_MS', 15_000),
  };
}
