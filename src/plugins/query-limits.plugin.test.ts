import { mergeTypeDefs } from '@graphql-tools/merge';
import { buildASTSchema, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../schema.js';
import { measureSelection } from './query-limits.plugin.js';

const schema = buildASTSchema(mergeTypeDefs(loadTypeDefs()));

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return measureSelection(schema, operation.selectionSet, schema.getQueryType()!, fragments, variables);
}

describe('measureSelection', () => {
  it('counts depth through fragments and aliases', () => {
    expect(
      measure(`{ a: person(id: "x") { ...P } b: person(id: "y") { id } } fragment P on Person { meetings { meeting { id } } }`),
    ).toEqual({ depth: 4, aliases: 2, cost: 1 + 1 + 10 + 10 + 1 + 1 });
  });

  it('weighs list fields by their page size, variables included', () => {
    const wide = measure(`query($n: Int) { people(first: $n) { nodes { meetings { meeting { id } } } } }`, { n: 100 });
    // people 1, nodes 100 (the page), meetings 100, meeting 100 × 10, id 100 × 10
    expect(wide.cost).toBe(1 + 100 + 100 + 1000 + 1000);
  });

  it('leaves introspection out', () => {
    expect(measure(`{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`)).toEqual({
      depth: 0,
      aliases: 0,
      cost: 0,
    });
  });
});
