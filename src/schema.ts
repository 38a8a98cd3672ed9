import { readdirSync, readFileSync } from 'node:fs';
import type { DocumentNode } from 'graphql';
import { gql } from 'graphql-tag';
import { projectPath } from './project-root.js';

/** The SDL files of schema/, the API's contract, in name order. */
export function loadTypeDefs(): DocumentNode[] {
  const dir = projectPath('schema');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => gql(readFileSync(`${dir}/${f}`, 'utf8')));
}
