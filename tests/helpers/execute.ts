import assert from 'node:assert/strict';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { type AppContext, createContext } from '../../src/api/context.js';
import { createServer } from '../../src/api/server.js';
import type { Db } from '../../src/db/run-query.js';
import { silentLogger } from '../../src/logger.js';
import { testNlpServer } from './nlp.js';

export interface Executed<T> {
  data: T | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
  /** Database statements the operation sent. */
  statements: number;
}

/** The production Apollo pipeline, without HTTP. */
export function createTestServer(): ApolloServer<AppContext> {
  return createServer({ logger: silentLogger, production: false, auth: { mutationsEnabled: true, queriesRequireKey: false } });
}

/** Runs one operation through the real server and counts the statements it sent to Neo4j. */
export async function execute<T = Record<string, unknown>>(
  server: ApolloServer<AppContext>,
  db: Db,
  query: string,
  variables: Record<string, unknown> = {},
  options: { authenticated?: boolean } = {},
): Promise<Executed<T>> {
  const contextValue = createContext(db, {
    requestId: 'test',
    authenticated: options.authenticated ?? false,
    browserUrl: 'http://localhost:7474/browser/',
    nlp: testNlpServer(),
  });
  const response = await server.executeOperation({ query, variables }, { contextValue });
  assert(response.body.kind === 'single');
  return {
    data: response.body.singleResult.data as T | null | undefined,
    errors: response.body.singleResult.errors,
    statements: contextValue.db.statementCount,
  };
}
