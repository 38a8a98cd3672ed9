import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockPartners } from './candidates.js';

const person = (id: string, blockKeys: string[]) => ({ id, name: id, aliases: [], blockKeys });

/** Partners by their definition: every pair compared, sharing two keys, or one when either has one key only. */
function everyPair(newcomers: ReturnType<typeof person>[], others: ReturnType<typeof person>[]): Map<string, string[]> {
  return new Map(
    newcomers.map((p) => [
      p.id,
      others
        .filter((o) => o.id !== p.id)
        .filter((o) => {
          const shared = o.blockKeys.filter((key) => p.blockKeys.includes(key)).length;
          return shared > 0 && shared >= Math.min(2, p.blockKeys.length, o.blockKeys.length);
        })
        .map((o) => o.id)
        .sort(),
    ]),
  );
}

describe('blocking', () => {
  it('pairs a newcomer with everyone sharing two keys, or one with a one-key name, without walking its largest block', () => {
    const keys = fc.uniqueArray(fc.constantFrom('ali', 'hsnv', 'bkrv', 'mmd', 'kmr', 'jvd', 'bjv', 'nz'), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(keys, { minLength: 1, maxLength: 40 }), fc.nat(), (keyLists, cut) => {
        const people = keyLists.map((list, i) => person(`p${i}`, list));
        const newcomers = people.slice(0, 1 + (cut % people.length));
        const found = blockPartners(newcomers, people);
        const expected = everyPair(newcomers, people);
        expect(new Map([...found].map(([id, partners]) => [id, partners.map((o) => o.id).sort()]))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('finds Bekirov for Bakirov by the keys their names give, when the graph has not stored them', () => {
    const graph = [
      { id: 'bekirov', name: 'Subhan Bekirov', aliases: [] },
      { id: 'other', name: 'Subhan Mammadov', aliases: [] },
    ];
    const found = blockPartners([{ id: 'bakirov', name: 'Subhan Bakirov', aliases: [] }], graph);
    expect(found.get('bakirov')!.map((o) => o.id)).toEqual(['bekirov']);
  });
});
