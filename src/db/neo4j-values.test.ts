import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toNative } from './neo4j-values.js';

describe('toNative', () => {
  it('keeps scalars, walks maps and lists, and turns temporal values into ISO strings', () => {
    const date = new neo4j.types.Date(2021, 6, 9);
    expect(toNative({ a: 'x', b: [1, { c: date, d: null }], e: undefined, f: true })).toEqual({
      a: 'x',
      b: [1, { c: '2021-06-09', d: null }],
      e: null,
      f: true,
    });
  });

  it('gives a node or relationship as its properties', () => {
    const node = new neo4j.types.Node(1, ['Person'], { id: 'p', born: new neo4j.types.Date(1950, 1, 2) }, 'e1');
    expect(toNative([node])).toEqual([{ id: 'p', born: '1950-01-02' }]);
  });
});
