import { randomUUID, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import { type AppContext, createContext } from './context.js';
import type { Db } from './db/run-query.js';
import { IDE_CONTENT_SECURITY_POLICY, IDE_PAGE, ideAsset } from './ide/ide.js';
import type { Logger } from './logger.js';
import { projectPath } from './project-root.js';
import { EXPORT_FORMATS, type ExportFormat, exportGraph, writesSeveralFiles } from './services/export.service.js';

export interface HttpOptions {
  db: Db;
  apiKey: string | undefined;
  browserUrl: string;
  logger: Logger;
  /** Requests with a larger body are refused with 413 before they are parsed. */
  maxBodyBytes?: number;
  /** Serve the GraphQL IDE at /graphql to browsers. */
  ide?: boolean;
  /** Exports (GET /export/FORMAT) need the API key, as queries do when QUERIES_REQUIRE_API_KEY is set. */
  exportsRequireKey?: boolean;
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

/** The IDE's page (a browser asking /graphql or / for HTML) and its assets under /ide/; undefined for anything else. */
async function ideResponse(
  path: string,
  accept: string,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer | string } | undefined> {
  if (path === '/' && accept.includes('text/html')) return { status: 302, headers: { location: '/graphql' }, body: '' };
  if (path === '/graphql' && accept.includes('text/html')) {
    return {
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': IDE_CONTENT_SECURITY_POLICY,
        'cache-control': 'no-cache',
      },
      body: IDE_PAGE,
    };
  }
  const name = /^\/ide\/([a-z.-]+)$/.exec(path)?.[1];
  if (!name) return undefined;
  const asset = await ideAsset(name);
  if (!asset) return { status: 404, headers: { 'content-type': 'text/plain' }, body: `no IDE asset ${name}` };
  return {
    status: 200,
    headers: { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=3600' },
    body: asset.body,
  };
}

/**
 * GET /export/FORMAT: a one-file format as a download; documents and csv, which are several files, as an index of
 * their names at /export/FORMAT and each file at /export/FORMAT/NAME.
 */
async function sendExport(response: ServerResponse, db: Db, format: string, name: string | undefined, meetings: string | null) {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    return sendJson(response, 404, { error: `no export format ${format}; formats: ${EXPORT_FORMATS.join(', ')}` });
  }
  if (meetings !== null && meetings !== 'nodes' && meetings !== 'edges')
    return sendJson(response, 400, { error: 'meetings must be nodes or edges' });
  const { files } = await exportGraph(db, format as ExportFormat, { meetings: meetings ?? 'nodes' });
  const several = writesSeveralFiles(format as ExportFormat);
  if (several && name === undefined)
    return sendJson(response, 200, { files: files.map((f) => ({ name: f.name, url: `/export/${format}/${f.name}` })) });
  const file = several ? files.find((f) => f.name === name) : name === undefined ? files[0] : undefined;
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

/**
 * The HTTP front of the API: /graphql through Apollo, /health (the process answers) and /ready (Neo4j answers).
 * Every response carries x-request-id, the id internal errors are logged under.
 */
export function createHttpHandler(server: ApolloServer<AppContext>, options: HttpOptions) {
  const limit = options.maxBodyBytes ?? 1_000_000;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const offeredId = request.headers['x-request-id'];
    const requestId = typeof offeredId === 'string' && REQUEST_ID.test(offeredId) ? offeredId : randomUUID();
    response.setHeader('x-request-id', requestId);
    const url = new URL(request.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/health') return sendJson(response, 200, { status: 'ok' });
      if (url.pathname === '/ready') {
        if (options.db.isUnavailable) return sendJson(response, 503, { status: 'not ready', reason: 'Neo4j does not answer' });
        try {
          const [schema] = await withinBudget(options.db.read<{ applied: boolean }>(READY_CHECK), READY_BUDGET_MS);
          if (!schema?.applied)
            return sendJson(response, 503, { status: 'not ready', reason: 'the graph schema (constraints) is not applied' });
          return sendJson(response, 200, { status: 'ready' });
        } catch {
          return sendJson(response, 503, { status: 'not ready', reason: 'Neo4j does not answer' });
        }
      }
      const asset = BROWSER_ASSET.exec(url.pathname);
      if (asset && request.method === 'OPTIONS') {
        response.writeHead(204, {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET, HEAD',
          'access-control-allow-headers': '*',
          'access-control-max-age': '600',
        });
        return void response.end();
      }
      if (asset && (request.method === 'GET' || request.method === 'HEAD')) return sendBrowserAsset(response, asset[1]!, asset[2]!);
      const exported = /^\/export\/([a-z]+)(?:\/([A-Za-z0-9._-]+))?$/.exec(url.pathname);
      if (exported && request.method === 'GET') {
        if (options.exportsRequireKey && !presentsKey(request, options.apiKey)) {
          return sendJson(response, 401, { error: 'exports need the API key (Authorization: Bearer <key> or x-api-key)' });
        }
        return sendExport(response, options.db, exported[1]!, exported[2], url.searchParams.get('meetings'));
      }
      if (options.ide && request.method === 'GET') {
        const ide = await ideResponse(url.pathname, request.headers.accept ?? '');
        if (ide) {
          response.writeHead(ide.status, ide.headers);
          return void response.end(ide.body);
        }
      }
      if (url.pathname !== '/graphql') return sendJson(response, 404, { error: 'not found; the API is at /graphql' });

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
          return sendJson(response, 400, {
            errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
          });
        }
      }
      const result = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (request.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
        context: async () =>
          createContext(options.db, { requestId, authenticated: presentsKey(request, options.apiKey), browserUrl: options.browserUrl }),
      });
      for (const [key, value] of result.headers) response.setHeader(key, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        response.end(result.body.string);
        return;
      }
      for await (const chunk of result.body.asyncIterator) response.write(chunk);
      response.end();
    } catch (error) {
      if (error instanceof HttpError) {
        if (error.status === 413) response.setHeader('connection', 'close');
        return sendJson(response, error.status, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
      }
      options.logger.log('error', 'http handler failed', { requestId, error: error instanceof Error ? error.stack : String(error) });
      if (!response.headersSent)
        sendJson(response, 500, {
          errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }],
        });
      else response.end();
    }
  };
}
