import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectionKey } from '../context.js';
import { selectionOf } from './selection.js';

function infoFor(document: string) {
  const ast = parse(document);
  const operation = ast.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    ast.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const root = operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD);
  return { fieldNodes: root, fragments };
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
      id: {},
      participants: { role: {}, person: { id: {}, name: {} } },
      date: { value: {} },
      topics: { code: {} },
    });
  });
});

describe('selectionKey', () => {
  it('is the same whatever order the fields were asked in, and differs when the fields do', () => {
    expect(selectionKey({ b: {}, a: { y: {}, x: {} } })).toBe(selectionKey({ a: { x: {}, y: {} }, b: {} }));
    expect(selectionKey({ a: {} })).not.toBe(selectionKey({ a: { x: {} } }));
    expect(selectionKey(undefined)).toBe('*');
  });
});
