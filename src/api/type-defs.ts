import { readdirSync, readFileSync } from 'node:fs';
import { buildASTSchema, concatAST, type DocumentNode, type GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { projectPath } from '../project-root.js';

/** The SDL files of schema/, the API's contract, in name order. */
export function loadTypeDefs(): DocumentNode[] {
  const dir = projectPath('schema');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => gql(readFileSync(`${dir}/${f}`, 'utf8')));
}

/** The contract as one schema: the files' types and their extensions built together, as the server builds them. */
export function buildContractSchema(): GraphQLSchema {
  return buildASTSchema(concatAST(loadTypeDefs()));
}
