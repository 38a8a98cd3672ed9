import { lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildContractSchema } from './type-defs.js';

describe('the GraphQL contract', () => {
  it('matches the reviewed snapshot, so every API change shows in review', () => {
    const schema = buildContractSchema();
    expect(printSchema(lexicographicSortSchema(schema))).toMatchSnapshot();
  });
});
