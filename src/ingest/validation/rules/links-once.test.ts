import { describe, expect, it } from 'vitest';
import { documentWith, evidence, named, problemsOf } from '../../../../tests/helpers/validation-fixtures.js';
import { linksOnce } from './links-once.js';

const meeting = (id: string, people: string[]) => ({
  id,
  format: 'CALL',
  participants: people.map((person) => ({ person, role: 'HOST' })),
  evidence: evidence(),
});

describe('links-once', () => {
  it('accepts each participant once per meeting, and one person in several meetings', () => {
    const documents = named({ file: 'd.json', value: documentWith({ meetings: [meeting('m1', ['a', 'b']), meeting('m2', ['a'])] }) });
    expect(problemsOf(linksOnce, documents)).toEqual([]);
  });

  it('refuses a participant named twice in one meeting, at the repeat', () => {
    const documents = named({ file: 'd.json', value: documentWith({ meetings: [meeting('m1', ['a', 'b', 'a'])] }) });
    expect(problemsOf(linksOnce, documents)).toEqual([
      {
        file: 'd.json',
        path: '/meetings/0/participants/2/person',
        message: '"a" takes part twice',
        expected: 'each person once per meeting',
      },
    ]);
  });
});
