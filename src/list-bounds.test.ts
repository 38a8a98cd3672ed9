import { getNullableType, isListType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildContractSchema } from './api/type-defs.js';
import { MAX_FIRST, SHORT_LISTS } from './list-bounds.js';

const schema = buildContractSchema();
const fields = Object.values(schema.getTypeMap())
  .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
  .flatMap((type) =>
    isObjectType(type) ? Object.values(type.getFields()).map((field) => ({ type, field, name: `${type.name}.${field.name}` })) : [],
  );

describe('the bounds of every list of the schema', () => {
  it('bound each list field: by its first, as a page of a connection, or in SHORT_LISTS', () => {
    const unbounded = fields
      .filter(({ field }) => isListType(getNullableType(field.type)))
      .filter(({ type, field, name }) => {
        const page = 'pageInfo' in type.getFields() && (field.name === 'nodes' || field.name === 'edges');
        return !page && !(name in MAX_FIRST) && !(name in SHORT_LISTS);
      })
      .map(({ name }) => name);
    expect(unbounded).toEqual([]);
  });

  it('give every first a maximum, a default within it, and a description that states it', () => {
    const paged = fields.flatMap(({ field, name }) => {
      const first = field.args.find((a) => a.name === 'first');
      return first ? [{ name, first }] : [];
    });
    expect(paged.map(({ name }) => name).sort()).toEqual(Object.keys(MAX_FIRST).sort());
    for (const { name, first } of paged) {
      const max = MAX_FIRST[name as keyof typeof MAX_FIRST];
      expect(first.defaultValue, name).toBeGreaterThanOrEqual(1);
      expect(first.defaultValue, name).toBeLessThanOrEqual(max);
      expect(first.description, name).toContain(`at most ${max}`);
    }
  });

  it('name only fields of the schema, each short list with its reason', () => {
    const names = new Set(fields.map(({ name }) => name));
    expect(Object.keys(SHORT_LISTS).filter((name) => !names.has(name))).toEqual([]);
    for (const [name, { items, because }] of Object.entries(SHORT_LISTS)) {
      expect(items, name).toBeGreaterThan(0);
      expect(because.length, name).toBeGreaterThan(10);
    }
  });
});
