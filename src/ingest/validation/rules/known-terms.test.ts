import { describe, expect, it } from 'vitest';
import { documentWith, evidence, named, problemsOfResolved } from '../../../../tests/helpers/validation-fixtures.js';
import { knownTerms, nearestTerms } from './known-terms.js';

const meeting = (topics: string[], role = 'HOST') => ({
  id: 'm1',
  format: 'CALL',
  topics,
  participants: [{ person: 'a', role }],
  evidence: evidence(),
});
const known = {
  topic: ['DEMINING', 'DEFENCE_INDUSTRY', 'ENERGY'],
  participantRole: ['HOST', 'GUEST'],
  meetingFormat: ['CALL'],
  sourceKind: ['NEWS_REPORT'],
};

describe('known-terms', () => {
  it('accepts the codes each open vocabulary knows, in fields and in link properties', () => {
    const documents = named({ file: 'd.json', value: documentWith({ meetings: [meeting(['DEMINING', 'ENERGY'], 'GUEST')] }) });
    expect(problemsOfResolved(knownTerms, documents, { terms: known })).toEqual([]);
  });

  it('refuses an unknown code at its index, naming the nearest known codes', () => {
    const documents = named({ file: 'd.json', value: documentWith({ meetings: [meeting(['DEMINING', 'DEMINNG'], 'OBSERVER')] }) });
    expect(problemsOfResolved(knownTerms, documents, { terms: known })).toEqual([
      {
        file: 'd.json',
        path: '/meetings/0/topics/1',
        message: '"DEMINNG" is not a term of the topic vocabulary',
        expected: "a known term (nearest: DEMINING, DEFENCE_INDUSTRY, ENERGY), or one declared in the document's vocabulary section",
      },
      {
        file: 'd.json',
        path: '/meetings/0/participants/0/role',
        message: '"OBSERVER" is not a term of the participantRole vocabulary',
        expected: "a known term (nearest: HOST, GUEST), or one declared in the document's vocabulary section",
      },
    ]);
  });

  it('names at most three nearest codes, the closest spelling first', () => {
    expect(nearestTerms('ENERGI', ['ENERGY', 'DEMINING', 'EDUCATION', 'ENVOY'])).toEqual(['ENERGY', 'ENVOY', 'DEMINING']);
  });
});
