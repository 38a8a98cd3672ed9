import { type FieldNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FIRST, selectionKey } from '../../repositories/projections.js';
import { buildContractSchema } from '../type-defs.js';
import { selectionOf } from './selection.js';

const schema = buildContractSchema();

/** What a root resolver's info says of a document: its one root field, fragments and variables. */
function infoFor(document: string, variableValues: Record<string, unknown> = {}) {
  const ast = parse(document);
  const operation = ast.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    ast.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const root = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  return { fieldNodes: root, fragments, schema, parentType: schema.getQueryType()!, fieldName: root[0]!.name.value, variableValues };
}

describe('selectionOf', () => {
  it('merges aliases, inline fragments and named fragments by field name, and leaves out __typename', () => {
    const info = infoFor(`
      query { meetingsBetween(personA: "a", personB: "b") {
        id __typename
        one: participants { role }
        two: participants { person { ...Who } }
        ... on Meeting { date { value } topics { code } }
      } }
      fragment Who on Person { id name }`);
    expect(selectionOf(info)).toEqual({
      [FIRST]: 100,
      id: {},
      participants: { [FIRST]: 50, role: {}, person: { id: {}, name: {} } },
      date: { value: {} },
      topics: { [FIRST]: 10, code: {} },
    });
  });

  it("keeps each list's first as execution reads it: a literal, a variable, the default, the largest of its aliases", () => {
    const info = infoFor(
      `query ($n: Int) { person(id: "p") {
        one: meetings(first: 3) { meeting { participants(first: $n) { person { aliases } } } }
        two: meetings(first: 7) { evidence { note } }
      } }`,
      { n: 4 },
    );
    const selection = selectionOf(info);
    expect(selection[FIRST]).toBeUndefined();
    expect(selection.meetings![FIRST]).toBe(7);
    expect(selection.meetings!.meeting!.participants![FIRST]).toBe(4);
    expect(selection.meetings!.meeting!.participants!.person!.aliases![FIRST]).toBe(50);
    expect(selection.meetings!.evidence![FIRST]).toBe(20);
  });
});

describe('selectionKey', () => {
  it('is the same whatever order the fields were asked in, and differs when the fields do', () => {
    expect(selectionKey({ b: {}, a: { y: {}, x: {} } })).toBe(selectionKey({ a: { x: {}, y: {} }, b: {} }));
    expect(selectionKey({ a: {} })).not.toBe(selectionKey({ a: { x: {} } }));
    expect(selectionKey(undefined)).toBe('*');
    expect(selectionKey({ a: { [FIRST]: 5, x: {} } })).not.toBe(selectionKey({ a: { [FIRST]: 6, x: {} } }));
    expect(selectionKey({ a: { [FIRST]: 5 } })).not.toBe(selectionKey({ a: {} }));
  });
});
