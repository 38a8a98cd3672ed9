import { describe, expect, it } from 'vitest';
import { REFERENCE_FIELDS } from '../../domain/registry/index.js';
import { buildContractSchema } from '../type-defs.js';
import { byIdResolvers, detailsResolvers } from './details.js';

describe('detailsResolvers', () => {
  const schema = buildContractSchema();
  const derived = detailsResolvers(schema);

  it('reads every reference field the contract declares through the details loader, under its API name', () => {
    const declared = REFERENCE_FIELDS.flatMap((ref) => {
      const type = schema.getType(ref.label) as { getFields?: () => Record<string, unknown> } | undefined;
      const name = ref.apiName ?? ref.field;
      return type?.getFields && name in type.getFields() ? [`${ref.label}.${name}`] : [];
    });
    expect(declared).toContain('CountryRelation.holder');
    for (const field of declared) {
      const [label, name] = field.split('.') as [string, string];
      expect(derived[label], field).toHaveProperty(name);
    }
  });

  it('leaves out the fields the contract does not declare, and those an argument of their own keeps', () => {
    expect(Object.keys(derived.Statement!).sort()).toEqual(['about', 'addressedTo', 'evidence', 'onBehalfOf', 'speaker']);
    expect(Object.keys(derived.Country!).sort()).toEqual(['evidence', 'organizations']);
    expect(derived).not.toHaveProperty('Source');
  });
});

describe('byIdResolvers', () => {
  it('answers each root field the contract declares as <label>(id: ID!) for an entity label, and no other', () => {
    const roots = Object.keys(byIdResolvers(buildContractSchema()));
    expect(roots).toEqual(expect.arrayContaining(['country', 'meeting', 'organization', 'person', 'post']));
    // A source is not an entity label, and a list of people takes more than an id.
    expect(roots).not.toContain('source');
    expect(roots).not.toContain('people');
  });
});
