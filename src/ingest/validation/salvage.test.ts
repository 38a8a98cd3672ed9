import { describe, expect, it } from 'vitest';
import { documentWith, evidence, person } from '../../../tests/helpers/validation-fixtures.js';
import { salvage } from './salvage.js';
import { checkShape } from './shape.js';

const salvaged = (value: unknown) => salvage(value, checkShape('d.json', value));

describe('salvage', () => {
  it('keeps every well-formed entry and field, and leaves out whole the entries and fields the schema refused', () => {
    const country = { id: 'AZ', name: 'Azerbaijan', evidence: evidence() };
    const value = { ...documentWith({ people: [person('p-bad', ''), person('p-good', 'Good')], countries: [country] }), extra: 1 };
    const result = salvaged(value);
    expect(result?.document).toEqual(documentWith({ people: [person('p-good', 'Good')], countries: [country] }));
    expect([...(result?.leftOut ?? [])]).toEqual([['p-bad', 'Person']]);
  });

  it('keeps nothing of a document whose sources, or whole self, the schema refused', () => {
    expect(salvaged(documentWith({}, { paragraphs: 'four' }))).toBeUndefined();
    expect(salvaged({ ...documentWith(), sources: [] })).toBeUndefined();
    expect(salvaged([documentWith()])).toBeUndefined();
    expect(salvaged({ format: 'officials-graph/source-document@1' })).toBeUndefined();
  });
});
