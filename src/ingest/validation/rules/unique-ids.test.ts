import { describe, expect, it } from 'vitest';
import { documentWith, evidence, named, person, problemsOf, source } from '../../../../tests/helpers/validation-fixtures.js';
import { uniqueIds } from './unique-ids.js';

const expected = { twice: 'a unique id', otherKind: 'an id not used by another kind of entity' };

describe('unique-ids', () => {
  it('accepts one id per entry, and the same entity declared again in another document', () => {
    const documents = named(
      { file: 'a.json', value: documentWith({ people: [person('p1', 'One'), person('p2', 'Two')] }) },
      { file: 'b.json', value: { ...documentWith({ people: [person('p1', 'One')] }), sources: [source({ id: 's2' })] } },
      { file: 'c.json', value: documentWith({ countries: [{ id: 'AZ', name: 'Azerbaijan', evidence: evidence() }] }) },
    );
    expect(problemsOf(uniqueIds, documents)).toEqual([]);
  });

  it('refuses an id used twice in one document, at the second entry', () => {
    const documents = named({ file: 'd.json', value: documentWith({ people: [person('p1', 'One'), person('p1', 'Also one')] }) });
    expect(problemsOf(uniqueIds, documents)).toEqual([
      { file: 'd.json', path: '/people/1/id', message: '"p1" is used twice in this document', expected: expected.twice },
    ]);
  });

  it('refuses an id of two kinds of entity across the batch, naming where the other kind is', () => {
    const documents = named(
      { file: 'a.json', value: documentWith({ people: [person('x1', 'Person X')] }) },
      {
        file: 'b.json',
        value: { ...documentWith({ countries: [{ id: 'x1', name: 'Country X', evidence: evidence() }] }), sources: [source({ id: 's2' })] },
      },
    );
    expect(problemsOf(uniqueIds, documents)).toEqual([
      { file: 'b.json', path: '/countries/0/id', message: '"x1" is a Person in a.json /people/0', expected: expected.otherKind },
    ]);
  });

  it('refuses the id of a source reused by an entity once, with its file and path, in one document or across two', () => {
    const documents = named(
      { file: 'a.json', value: documentWith({ people: [person('s1', 'Named Like The Source')] }) },
      {
        file: 'b.json',
        value: { ...documentWith({ countries: [{ id: 's1', name: 'Country S', evidence: evidence() }] }), sources: [source({ id: 's2' })] },
      },
    );
    expect(problemsOf(uniqueIds, documents)).toEqual([
      { file: 'a.json', path: '/people/0/id', message: '"s1" is a Source in a.json /sources/0', expected: expected.otherKind },
      { file: 'b.json', path: '/countries/0/id', message: '"s1" is a Person in a.json /people/0', expected: expected.otherKind },
    ]);
  });
});
