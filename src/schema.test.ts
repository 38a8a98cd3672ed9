import { mergeTypeDefs } from '@graphql-tools/merge';
import { buildASTSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from './schema.js';

describe('the GraphQL contract', () => {
  it('matches the reviewed snapshot, so every API change shows in review', () => {
    const schema = buildASTSchema(mergeTypeDefs(loadTypeDefs()));
    expect(printSchema(lexicographicSortSchema(schema))).toMatchSnapshot();
  });
});
