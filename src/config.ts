import { availableParallelism } from 'node:os';
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

/** Where the NLP server (CoreNLP) is: a server the user names, or the project's own, started on first use. */
export type NlpTarget = { kind: 'external'; url: string } | { kind: 'local'; instance: 'local' | 'test' };

/** How the project's own NLP server runs (NLP_HEAP, NLP_THREADS); a server named by CORENLP_URL runs as its owner set it. */
export interface LocalNlpSettings {
  heap: string;
  threads: number;
}

export interface Config {
  neo4j: Neo4jTarget;
  nlp: NlpTarget;
  localNlp: LocalNlpSettings;
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

function readNlpTarget(env: Env, instance: 'local' | 'test'): NlpTarget {
  const url = env.CORENLP_URL;
  if (!url) return { kind: 'local', instance };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`CORENLP_URL must be an http:// or https:// URL, got "${url}"`);
  }
  if (!['http:', 'https:'].includes(parsed.protocol) || parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new ConfigError(`CORENLP_URL must be an http:// or https:// URL without credentials, query or fragment, got "${url}"`);
  }
  return { kind: 'external', url: url.replace(/\/+$/, '') };
}

function readLocalNlp(env: Env): LocalNlpSettings {
  const heap = env.NLP_HEAP || '3g';
  if (!/^[1-9]\d*[kmgKMG]?$/.test(heap)) throw new ConfigError(`NLP_HEAP must be a Java heap size such as 3g or 4096m, got "${heap}"`);
  return { heap, threads: readPositive(env, 'NLP_THREADS', availableParallelism()) };
}

/**
 * Reads and validates the environment (and `.env` when `loadEnvFile` is set). The only reader of `process.env`.
 * NEO4J_URI present → that server, and NEO4J_PASSWORD becomes mandatory; absent → the local server
 * (`instance` picks the app's or the tests' one). The NLP server likewise: CORENLP_URL, else the project's own
 * instance of the same name. Throws ConfigError with a message naming the variable.
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
    nlp: readNlpTarget(env, options.instance ?? 'local'),
    localNlp: readLocalNlp(env),
    http: { host: env.HOST || '127.0.0.1', port: readPort(env, 'PORT', 4000) },
    browserUrl: env.NEO4J_BROWSER_URL || `http://localhost:${INSTANCE_PORTS[uri ? 'local' : (options.instance ?? 'local')].http}/browser/`,
    apiKey: env.API_KEY || undefined,
    queriesRequireApiKey: env.QUERIES_REQUIRE_API_KEY === 'true',
    production: env.NODE_ENV === 'production',
    ide: env.GRAPHQL_IDE ? env.GRAPHQL_IDE === 'true' : env.NODE_ENV !== 'production',
    queryTimeoutMs: readPositive(env, 'QUERY_TIMEOUT_MS', 15_000),
  };
}
