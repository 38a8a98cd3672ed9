import type { Db, Params } from '../db/run-query.js';
import { AppError, ErrorCode } from '../errors.js';

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

const PREFIX = 'offset:';

/**
 * The largest offset a cursor may name: far past any page a graph of officials holds, and small enough that the
 * slice it starts (Cypher list indexes are 32-bit) stays an integer Neo4j accepts.
 */
export const MAX_CURSOR_OFFSET = 1_000_000_000;

export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`).toString('base64url');
}

/**
 * The position after a cursor. Only cursors this API issues are read: `offset:` and the offset in plain digits, base64url
 * without padding, the offset within MAX_CURSOR_OFFSET. Anything else (1e3, 0x10, a trailing space, a number past the
 * bound) is the user's error, named as such, and no statement is sent.
 */
export function decodeCursor(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  const digits = /^offset:(0|[1-9][0-9]{0,9})$/.exec(Buffer.from(after, 'base64url').toString('utf8'))?.[1];
  const offset = digits === undefined ? Number.NaN : Number(digits);
  if (!(offset <= MAX_CURSOR_OFFSET) || encodeCursor(offset) !== after) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'after is not a cursor from this API; pass an endCursor from a previous page', {
      argument: 'after',
    });
  }
  return offset + 1;
}

export interface ListQuery {
  /** A MATCH binding `n`, and conditions on it; both built from constant fragments. */
  match: string;
  conditions: string[];
  orderBy: string;
  projection: string;
  params: Params;
}

/** The Cypher of one page: the matches in order, their count, and the slice asked for, in one statement. */
export function pageCypher(query: ListQuery): string {
  return `
${query.match}
${query.conditions.length > 0 ? `WHERE ${query.conditions.join('\n  AND ')}` : ''}
WITH n ORDER BY ${query.orderBy}
WITH collect(n) AS matches
RETURN size(matches) AS totalCount, [n IN matches[toInteger($skip)..toInteger($skip + $first)] | ${query.projection}] AS page`;
}

export async function listPage<T>(db: Db, query: ListQuery, first: number, after: string | null | undefined): Promise<Page<T>> {
  const skip = decodeCursor(after);
  const [row] = await db.read(pageCypher(query), { ...query.params, skip, first });
  const nodes = (row?.page ?? []) as T[];
  const totalCount = (row?.totalCount ?? 0) as number;
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(skip + i), node }));
  return {
    edges,
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: skip + nodes.length < totalCount,
      hasPreviousPage: skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
