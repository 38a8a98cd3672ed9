import { randomUUID, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { Db } from '../db/run-query.js';
import { AppError, ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Nlp } from '../nlp/nlp-server.js';
import { projectPath } from '../project-root.js';
import { EXPORT_FORMATS, ExportBuilds, fileNeedsKey, isExportFormat, mayHoldFile, writesSeveralFiles } from '../services/export.service.js';
import { type AppContext, createContext } from './context.js';
import { IDE_CONTENT_SECURITY_POLICY, IDE_PAGE, ideAsset } from './ide/ide.js';
import { queriesNeedTheKey } from './plugins/auth.plugin.js';
import { RETRY_AFTER_SECONDS } from './plugins/error-masking.plugin.js';

export interface HttpOptions {
  db: Db;
  apiKey: string | undefined;
  browserUrl: string;
  /** The NLP server drafts are annotated by; nothing starts it before the first draft. */
  nlp: Nlp;
  logger: Logger;
  /** Requests with a larger body are refused with 413 before they are parsed. */
  maxBodyBytes?: number;
  /** Serve the GraphQL IDE at /graphql to browsers. */
  ide?: boolean;
  /** QUERIES_REQUIRE_API_KEY: queries and exports need the API key; a caller without it is refused before Apollo reads its document. */
  queriesRequireKey?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Ready means Neo4j answers and the constraints ingestion relies on are in place. */
const READY_CHECK = `SHOW CONSTRAINTS YIELD name WHERE name IN ['person_id', 'source_id'] RETURN count(*) = 2 AS applied`;

/** A probe that waits longer than this is answered "not ready": load balancers give probes a few seconds. */
const READY_BUDGET_MS = 2_500;

/** The promise's value, or a rejection once `ms` have passed; the work itself goes on and is left to its own timeouts. */
function withinBudget<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** One request as a route's handler sees it; `match` holds the groups of the route's path. */
interface Exchange {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  requestId: string;
  match: RegExpExecArray;
}

interface Route {
  /** Methods the route answers; any method when absent. */
  methods?: readonly string[];
  path: RegExp;
  /** A further condition on the request (a browser asking for a page). */
  when?: (request: IncomingMessage) => boolean;
  handle(exchange: Exchange): Promise<void> | void;
}

/** A GET route answers HEAD too: Node leaves the body out of a HEAD response, so the headers are the GET's. */
const READ_METHODS = ['GET', 'HEAD'] as const;

/** Files of browser/ that Neo4j Browser fetches on connect (style sheet, guide) or that users download (favourites). */
const BROWSER_ASSET = /^\/browser\/((?:favorites\/)?[a-z0-9-]+\.(grass|html|cypher))$/;
const ASSET_TYPES: Record<string, string> = { grass: 'text/plain', html: 'text/html', cypher: 'text/plain' };

async function sendBrowserAsset(response: ServerResponse, file: string, extension: string): Promise<void> {
  let body: Buffer;
  try {
    body = await readFile(projectPath('browser', file));
  } catch {
    return sendJson(response, 404, { error: `no browser asset ${file}` });
  }
  // Neo4j Browser runs on another origin (its own port) and fetches these with XHR.
  response.writeHead(200, {
    'content-type': `${ASSET_TYPES[extension]}; charset=utf-8`,
    'access-control-allow-origin': '*',
    'cache-control': 'no-cache',
  });
  response.end(body);
}

function allowBrowserOrigins(response: ServerResponse): void {
  response.writeHead(204, {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, HEAD',
    'access-control-allow-headers': '*',
    'access-control-max-age': '600',
  });
  response.end();
}

const wantsPage = (request: IncomingMessage) => (request.headers.accept ?? '').includes('text/html');

/** The IDE's page (a browser asking /graphql or / for HTML) and its assets under /ide/. */
const IDE_ROUTES: Route[] = [
  {
    methods: READ_METHODS,
    path: /^\/$/,
    when: wantsPage,
    handle: ({ response }) => {
      response.writeHead(302, { location: '/graphql' });
      response.end();
    },
  },
  {
    methods: READ_METHODS,
    path: /^\/graphql$/,
    when: wantsPage,
    handle: ({ response }) => {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': IDE_CONTENT_SECURITY_POLICY,
        // For browsers that predate CSP's frame-ancestors.
        'x-frame-options': 'DENY',
        'cache-control': 'no-cache',
      });
      response.end(IDE_PAGE);
    },
  },
  {
    methods: READ_METHODS,
    path: /^\/ide\/([a-z.-]+)$/,
    handle: async ({ response, match }) => {
      const asset = await ideAsset(match[1]!);
      if (!asset) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        return void response.end(`no IDE asset ${match[1]}`);
      }
      response.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=3600' });
      response.end(asset.body);
    },
  },
];

/**
 * Ready means Neo4j answers and the constraints are applied. The check is a statement like any other: while Neo4j
 * is known to be down it waits for the Db's shared probe, so a load balancer that polls only /ready sees the API
 * come back with Neo4j, and the budget bounds the wait whatever the probe does.
 */
async function sendReadiness(response: ServerResponse, db: Db): Promise<void> {
  try {
    const [schema] = await withinBudget(db.read<{ applied: boolean }>(READY_CHECK), READY_BUDGET_MS);
    if (!schema?.applied) return sendJson(response, 503, { status: 'not ready', reason: 'the graph schema (constraints) is not applied' });
    sendJson(response, 200, { status: 'ready' });
  } catch {
    sendJson(response, 503, { status: 'not ready', reason: 'Neo4j does not answer' });
  }
}

const EXPORT_PATH = /^\/export\/([a-z]+)(?:\/([A-Za-z0-9._-]+))?$/;

/**
 * GET /export/FORMAT: a one-file format as a download; documents and csv, which are several files, as an index of
 * their names at /export/FORMAT and each file at /export/FORMAT/NAME. A name no export of the format can hold is
 * refused before anything is built; the judgements file needs the key, and the index says so.
 */
async function sendExport(
  { request, response, url, match }: Exchange,
  { db, builds, apiKey }: { db: Db; builds: ExportBuilds; apiKey: string | undefined },
): Promise<void> {
  const [, format = '', name] = match;
  if (!isExportFormat(format)) {
    return sendJson(response, 404, { error: `no export format ${format}; formats: ${EXPORT_FORMATS.join(', ')}` });
  }
  const meetings = url.searchParams.get('meetings');
  if (meetings !== null && meetings !== 'nodes' && meetings !== 'edges')
    return sendJson(response, 400, { error: 'meetings must be nodes or edges' });
  if (name !== undefined) {
    if (fileNeedsKey(format, name) && !presentsKey(request, apiKey)) {
      return sendJson(response, 401, {
        error: `${name} needs the API key, as match candidates do (Authorization: Bearer <key> or x-api-key)`,
      });
    }
    if (!(await mayHoldFile(db, format, name))) return sendJson(response, 404, { error: `no file ${name} in the ${format} export` });
  }
  const { files } = await builds.files(format, { meetings: meetings ?? 'nodes' });
  if (name === undefined && writesSeveralFiles(format)) {
    return sendJson(response, 200, {
      files: files.map((f) => ({
        name: f.name,
        url: `/export/${format}/${f.name}`,
        ...(fileNeedsKey(format, f.name) ? { needsKey: true } : {}),
      })),
    });
  }
  const file = name === undefined ? files[0] : files.find((f) => f.name === name);
  if (!file) return sendJson(response, 404, { error: `no file ${name} in the ${format} export` });
  response.writeHead(200, {
    'content-type': `${file.type}; charset=utf-8`,
    'content-disposition': `attachment; filename="${file.name}"`,
  });
  response.end(file.body);
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new HttpError(413, `request body over ${limit} bytes`));
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Destroying the socket would reset the connection before the client reads the 413; the rest of the body is
        // drained unread instead, and the response closes the connection.
        request.removeAllListeners('data');
        request.resume();
        reject(new HttpError(413, `request body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function presentsKey(request: IncomingMessage, apiKey: string | undefined): boolean {
  if (!apiKey) return false;
  const header = request.headers.authorization;
  const offered = header?.startsWith('Bearer ') ? header.slice(7) : (request.headers['x-api-key'] as string | undefined);
  if (!offered) return false;
  const a = Buffer.from(offered);
  const b = Buffer.from(apiKey);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** An error as GraphQL answers carry it, for the routes beside /graphql. */
function sendError(response: ServerResponse, status: number, error: { message: string; code: string; requestId?: string }): void {
  const { message, ...extensions } = error;
  sendJson(response, status, { errors: [{ message, extensions }] });
}

/** /graphql through Apollo; where queries need the key, a caller without it is refused before Apollo parses anything. */
async function answerGraphql(
  server: ApolloServer<AppContext>,
  { request, response, url, requestId }: Exchange,
  options: HttpOptions,
  limit: number,
): Promise<void> {
  const authenticated = presentsKey(request, options.apiKey);
  // Validation runs before any plugin and names the fields it cannot find: a refusal after it would let a caller
  // without the key probe the schema one field name at a time.
  if (options.queriesRequireKey && !authenticated) {
    const refusal = queriesNeedTheKey();
    return sendError(response, 401, { message: refusal.message, code: refusal.code });
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const text = request.method === 'POST' ? await readBody(request, limit) : '';
  let body: unknown = text;
  if (text && (headers.get('content-type') ?? '').includes('application/json')) {
    try {
      body = JSON.parse(text);
    } catch {
      return sendError(response, 400, { message: 'The request body is not valid JSON', code: 'BAD_REQUEST' });
    }
  }
  const result = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (request.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
    context: async () => createContext(options.db, { requestId, authenticated, browserUrl: options.browserUrl, nlp: options.nlp }),
  });
  for (const [key, value] of result.headers) response.setHeader(key, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

/**
 * The HTTP front of the API, as a table of routes: /graphql through Apollo, /health (the process answers), /ready
 * (Neo4j answers), /export/*, Neo4j Browser's assets and the IDE. Every response carries x-request-id, the id
 * internal errors are logged under, and nosniff. A route that fails answers 503 with retry-after when Neo4j is
 * unavailable, and a masked 500 otherwise; no failure leaves a request unanswered.
 */
export function createHttpHandler(server: ApolloServer<AppContext>, options: HttpOptions) {
  const limit = options.maxBodyBytes ?? 1_000_000;
  const builds = new ExportBuilds(options.db);
  const routes: Route[] = [
    { path: /^\/health$/, handle: ({ response }) => sendJson(response, 200, { status: 'ok' }) },
    { path: /^\/ready$/, handle: ({ response }) => sendReadiness(response, options.db) },
    { methods: ['OPTIONS'], path: BROWSER_ASSET, handle: ({ response }) => allowBrowserOrigins(response) },
    { methods: READ_METHODS, path: BROWSER_ASSET, handle: ({ response, match }) => sendBrowserAsset(response, match[1]!, match[2]!) },
    {
      methods: READ_METHODS,
      path: EXPORT_PATH,
      handle: (exchange) => {
        if (options.queriesRequireKey && !presentsKey(exchange.request, options.apiKey)) {
          return sendJson(exchange.response, 401, { error: 'exports need the API key (Authorization: Bearer <key> or x-api-key)' });
        }
        return sendExport(exchange, { db: options.db, builds, apiKey: options.apiKey });
      },
    },
    ...(options.ide ? IDE_ROUTES : []),
    { path: /^\/graphql$/, handle: (exchange) => answerGraphql(server, exchange, options, limit) },
  ];

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const offeredId = request.headers['x-request-id'];
    const requestId = typeof offeredId === 'string' && REQUEST_ID.test(offeredId) ? offeredId : randomUUID();
    response.setHeader('x-request-id', requestId);
    response.setHeader('x-content-type-options', 'nosniff');
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    try {
      for (const route of routes) {
        const match = route.path.exec(url.pathname);
        if (!match || (route.methods && !route.methods.includes(method)) || (route.when && !route.when(request))) continue;
        return await route.handle({ request, response, url, requestId, match });
      }
      sendJson(response, 404, { error: 'not found; the API is at /graphql' });
    } catch (error) {
      if (response.headersSent) {
        options.logger.log('error', 'http response failed after its headers', { requestId, error: errorText(error) });
        return void response.end();
      }
      if (error instanceof HttpError) {
        if (error.status === 413) response.setHeader('connection', 'close');
        return sendError(response, error.status, { message: error.message, code: 'BAD_REQUEST' });
      }
      if (error instanceof AppError && error.code === ErrorCode.DATABASE_UNAVAILABLE) {
        response.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
        return sendError(response, 503, { message: error.message, code: error.code });
      }
      options.logger.log('error', 'http handler failed', { requestId, path: url.pathname, error: errorText(error) });
      sendError(response, 500, { message: 'Internal server error', code: ErrorCode.INTERNAL_SERVER_ERROR, requestId });
    }
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
