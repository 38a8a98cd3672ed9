import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildContractSchema } from '../type-defs.js';
import { measureOperation } from './query-limits.plugin.js';

const schema = buildContractSchema();

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const measured = measureOperation(schema, document, operation, variables);
  if (!measured) throw new Error('the variables do not coerce');
  return measured;
}

describe('measureOperation', () => {
  it('counts depth through fragments and aliases', () => {
    expect(
      measure(`{ a: person(id: "x") { ...P } b: person(id: "y") { id } } fragment P on Person { meetings { meeting { id } } }`),
    ).toEqual({ depth: 4, aliases: 2, cost: 1 + 1 + 100 + 100 + 1 + 1 });
  });

  it('weighs list fields by their page size, variables included', () => {
    const wide = measure(`query($n: Int) { people(first: $n) { nodes { meetings(first: 10) { meeting { id } } } } }`, { n: 100 });
    // people 1, nodes 100 (the page), meetings 100, meeting 100 × 10, id 100 × 10
    expect(wide.cost).toBe(1 + 100 + 100 + 1000 + 1000);
  });

  it("weighs every other list by its bound: its first's default, its bound in SHORT_LISTS, each value of a list of values", () => {
    // person 1, meetings 1, meeting 100 (Person.meetings' default), participants 100, person 100 × 50, name 100 × 50
    expect(measure(`{ person(id: "x") { meetings { meeting { participants { person { name } } } } } }`).cost).toBe(
      1 + 1 + 100 + 100 + 5_000 + 5_000,
    );
    // connections 1, hops 3 (first's default), explanation 3 × 6 hops at most
    expect(measure(`{ connections(from: "a", to: "b") { hops { explanation } } }`).cost).toBe(1 + 3 + 18);
    // person 1, aliases 50 values
    expect(measure(`{ person(id: "x") { aliases } }`).cost).toBe(1 + 50);
    // Two levels of a person's meetings and their participants: 50 million fields at most.
    const twice = measure(
      `{ person(id: "x") { meetings { meeting { participants { person {
        meetings { meeting { participants { person { name } } } } } } } } } }`,
    );
    expect(twice.cost).toBeGreaterThan(50_000_000);
  });

  it("reads a variable's default and the schema's default page size, as execution will", () => {
    const nested = 'nodes { participants { person { meetings { meeting { id } } } } }';
    const literal = measure(`{ meetings(first: 100) { ${nested} } }`).cost;
    expect(measure(`query($f: Int = 100) { meetings(first: $f) { ${nested} } }`).cost).toBe(literal);
    // Omitted: the connection's default of 20, not one item.
    expect(measure(`{ meetings { ${nested} } }`).cost).toBe(measure(`{ meetings(first: 20) { ${nested} } }`).cost);
    expect(measure(`{ counterparts(personId: "p") { person { id } } }`).cost).toBe(1 + 50 + 50);
  });

  it('leaves introspection out', () => {
    expect(measure(`{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`)).toEqual({
      depth: 0,
      aliases: 0,
      cost: 0,
    });
  });
});
