import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpHandler } from './api/http.js';
import { createServer } from './api/server.js';
import type { Config } from './config.js';
import { type OpenDb, openDb } from './db/open-db.js';
import type { Logger } from './logger.js';
import { createNlp } from './nlp/nlp-server.js';
import { applyConstraints } from './services/constraints.service.js';
import { seedGraph } from './services/seed.service.js';

/** How long requests in flight may take to finish when the API stops. */
const STOP_GRACE_MS = 5_000;

export interface RunningApp {
  url: string;
  browserUrl: string | undefined;
  database: OpenDb;
  stop(): Promise<void>;
}

/**
 * The whole start-up, in the order of the data flow: Neo4j (found by the one rule) → constraints and indexes →
 * seed documents → Apollo server → HTTP listener. Every step is idempotent, so a restart changes no data.
 */
export async function startApp(
  config: Config,
  options: { logger: Logger; say: (line: string) => void; seed?: boolean },
): Promise<RunningApp> {
  const database = await openDb(config, options.say);
  try {
    const statements = await applyConstraints(database.db);
    options.say(`Applied ${statements} constraints and indexes.`);
    if (options.seed ?? true) await seedGraph(database.db, options.say);
    const server = createServer({
      logger: options.logger,
      production: config.production,
      ide: config.ide,
      auth: { mutationsEnabled: config.apiKey !== undefined, queriesRequireKey: config.queriesRequireApiKey },
    });
    await server.start();
    const http = createHttpServer(
      createHttpHandler(server, {
        db: database.db,
        apiKey: config.apiKey,
        browserUrl: config.browserUrl,
        // Made here, started by the first draft: the API answers GraphQL without waiting for the NLP models.
        nlp: createNlp(config, { log: options.say }),
        logger: options.logger,
        ide: config.ide,
        queriesRequireKey: config.queriesRequireApiKey,
      }),
    );
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.http.port, config.http.host, resolve);
    });
    const { port } = http.address() as AddressInfo;
    const host = config.http.host === '0.0.0.0' || config.http.host === '127.0.0.1' ? 'localhost' : config.http.host;
    return {
      url: `http://${host}:${port}/graphql`,
      browserUrl: database.neo4j.browserUrl,
      database,
      async stop() {
        // Requests in flight get a grace period; idle keep-alive connections would otherwise hold close() open.
        const closed = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        const grace = setTimeout(() => http.closeAllConnections(), STOP_GRACE_MS);
        await closed;
        clearTimeout(grace);
        await server.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
