import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockPartners, pairsAmong } from './candidates.js';

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

  it('pairs people of a first load once each: those sharing enough keys, one of them among the first holders of a shared key', () => {
    const keys = fc.uniqueArray(fc.constantFrom('ali', 'hsnv', 'bkrv', 'mmd', 'kmr', 'jvd'), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(keys, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 50 }), (keyLists, perKey) => {
        // One name for all, so the names never rule a pair out and the keys alone decide.
        const people = keyLists.map((list, i) => ({ ...person(`p${String(i).padStart(2, '0')}`, list), name: 'Amir Khan' }));
        const firstHolders = (key: string) => people.filter((p) => p.blockKeys.includes(key)).slice(0, perKey);
        const expected = people.flatMap((p, i) =>
          people.slice(i + 1).flatMap((o) => {
            const shared = o.blockKeys.filter((key) => p.blockKeys.includes(key));
            const enough = shared.length > 0 && shared.length >= Math.min(2, p.blockKeys.length, o.blockKeys.length);
            const met = shared.some((key) => firstHolders(key).includes(o) || firstHolders(key).includes(p));
            return enough && met ? [`${p.id}|${o.id}`] : [];
          }),
        );
        const found = pairsAmong(people, perKey).map(([a, b]) => `${a.id}|${b.id}`);
        expect(found.sort()).toEqual(expected.sort());
      }),
      { numRuns: 500 },
    );
  });
});
