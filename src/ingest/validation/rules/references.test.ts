import { describe, expect, it } from 'vitest';
import { documentWith, evidence, named, person, problemsOfResolved } from '../../../../tests/helpers/validation-fixtures.js';
import { references } from './references.js';

const tenure = (person: string, post: string) => ({ id: 't1', person, post, start: '2021', evidence: evidence() });

describe('references', () => {
  it('accepts ids declared in the batch or held by the graph, of a kind the field allows', () => {
    const documents = named({
      file: 'd.json',
      value: documentWith({ people: [person('p1', 'One', { country: 'AZ' })], tenures: [tenure('p1', 'post-minister')] }),
    });
    expect(problemsOfResolved(references, documents, { labels: { AZ: 'Country', 'post-minister': 'Post' } })).toEqual([]);
  });

  it('refuses an id named nowhere, and an id of another kind, at the field', () => {
    const documents = named({
      file: 'd.json',
      value: documentWith({ people: [person('p1', 'One', { country: 'org-x' })], tenures: [tenure('p1', 'post-gone')] }),
    });
    expect(problemsOfResolved(references, documents, { labels: { 'org-x': 'Organization' } })).toEqual([
      { file: 'd.json', path: '/people/0/country', message: 'names "org-x", which is a Organization', expected: 'the id of a Country' },
      {
        file: 'd.json',
        path: '/tenures/0/post',
        message: 'names "post-gone", which is neither in these documents nor in the graph',
        expected: 'the id of a Post',
      },
    ]);
  });

  it("refuses a meeting's participant that names no person, at the participant", () => {
    const meeting = { id: 'm1', format: 'CALL', participants: [{ person: 'AZ', role: 'HOST' }], evidence: evidence() };
    const documents = named({ file: 'd.json', value: documentWith({ meetings: [meeting] }) });
    expect(problemsOfResolved(references, documents, { labels: { AZ: 'Country' } })).toEqual([
      {
        file: 'd.json',
        path: '/meetings/0/participants/0/person',
        message: 'names "AZ", which is a Country',
        expected: 'the id of a Person',
      },
    ]);
  });
});
