import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { createHttpHandler } from '../src/api/http.js';
import { createServer } from '../src/api/server.js';
import type { Db, Params } from '../src/db/run-query.js';
import { silentLogger } from '../src/logger.js';
import { nlpServer } from '../src/nlp/nlp-server.js';

/** A statement the API sent, with when it was handed to the driver and when its rows came back. */
export interface RecordedStatement {
  cypher: string;
  params: Params;
  began: number;
  ended: number;
}

export type RecordingDb = Db & { capture: RecordedStatement[] | undefined };

/** A Db that, while `capture` holds a list, adds to it every statement run through it, with start and end times. */
export function recordingDb(db: Db): RecordingDb {
  const recorder: RecordingDb = {
    capture: undefined,
    get database() {
      return db.database;
    },
    get statementCount() {
      return db.statementCount;
    },
    read: (cypher, params = {}) => record(cypher, params, () => db.read(cypher, params)),
    write: (cypher, params = {}) => record(cypher, params, () => db.write(cypher, params)),
    writeTransaction: (work) => db.writeTransaction(work),
  };
  async function record<T>(cypher: string, params: Params, run: () => Promise<T>): Promise<T> {
    const list = recorder.capture;
    const began = performance.now();
    const result = await run();
    list?.push({ cypher, params, began, ended: performance.now() });
    return result;
  }
  return recorder;
}

/**
 * Our API as production runs it (no logging), on a free port of 127.0.0.1. Production runs compiled JavaScript
 * without source maps; tsx turns them on for the whole process, and the driver formats a stack trace for every
 * statement it runs (0.07 ms each through the maps), so they are turned off again, for every variant alike.
 */
export async function startOurApi(db: Db): Promise<{ url: string; stop: () => Promise<void> }> {
  process.setSourceMapsEnabled(false);
  const apollo = createServer({ logger: silentLogger, production: true, auth: { mutationsEnabled: false, queriesRequireKey: false } });
  await apollo.start();
  const http = createHttpServer(
    createHttpHandler(apollo, {
      db,
      apiKey: undefined,
      browserUrl: 'http://localhost:27474/browser/',
      logger: silentLogger,
      nlp: nlpServer(),
    }),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`,
    async stop() {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await apollo.stop();
    },
  };
}

/** Runs the statements our API sent for request `i` and answers their records. */
type Replay = (i: number) => Promise<{ toObject(): object }[]>;

/**
 * The least an HTTP API over the same statements can do: node:http reads the JSON body, `answer` runs the
 * statements our API sent for that request (the body names it by `variables.i`) as the direct variant runs them,
 * and the rows go back as JSON. No GraphQL, no resolvers, no conversion: what it adds to direct is HTTP's own
 * share, the floor under any HTTP API on this driver and machine.
 */
export async function startPlainHttp(): Promise<{ url: string; answer: (run: Replay) => void; stop: () => Promise<void> }> {
  let run: Replay = async () => [];
  const http = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString()) as { variables: { i: number } };
      run(variables.i).then(
        (records) => {
          const body = JSON.stringify({ data: records.map((record) => record.toObject()) });
          response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
        },
        (error: unknown) => response.writeHead(500).end(JSON.stringify({ errors: [{ message: String(error) }] })),
      );
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/`,
    answer(next) {
      run = next;
    },
    async stop() {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

/** One keep-alive pool per server, wide enough for the highest concurrency a sweep asks for. */
const pools = new Map<string, Pool>();

/**
 * Posts a query; anything but data without errors is thrown, so a benchmark never times failures. The load
 * generator is undici's pool rather than fetch: fetch's streams cost 0.3 ms of CPU a request in this process, a
 * cost that is the client's, not the server's, and was charged to the GraphQL variants alone.
 */
export async function postGraphql(url: string, query: string, variables: Record<string, unknown>): Promise<void> {
  const { origin, pathname } = new URL(url);
  let pool = pools.get(origin);
  if (!pool) {
    pool = new Pool(origin, { connections: 32 });
    pools.set(origin, pool);
  }
  const response = await pool.request({
    path: pathname,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.body.json()) as { data?: unknown; errors?: { message: string }[] };
  if (response.statusCode !== 200 || body.errors?.length || body.data == null) {
    throw new Error(`${url} answered ${response.statusCode}: ${JSON.stringify(body.errors ?? body).slice(0, 400)}`);
  }
}
