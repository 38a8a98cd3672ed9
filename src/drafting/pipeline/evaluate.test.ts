import { describe, expect, it } from 'vitest';
import { precision, recall, scoreDraft } from './evaluate.js';

describe('scoreDraft', () => {
  const gold = {
    people: [
      { id: 'person-a', name: 'Anna Berg' },
      { id: 'g1', name: 'Graph Person' },
      { id: 'person-c', name: 'Carl Dorn' },
    ],
    meetings: [{ id: 'm', date: '2021-06-04', format: 'BILATERAL', participants: [{ person: 'person-a' }, { person: 'g1' }] }],
  };

  it('matches new people by name, graph people by id, and counts pairs, dates and invented precision', () => {
    const draft = {
      people: [
        { id: 'x-anna', name: 'Anna Bergg' },
        { id: 'g1', name: 'Graph Person' },
        { id: 'y', name: 'Someone Else' },
      ],
      meetings: [{ id: 'd', date: '2021-06', format: 'BILATERAL', participants: [{ person: 'x-anna' }, { person: 'g1' }] }],
    };
    const s = scoreDraft(draft, gold, new Set(['g1']));
    expect([precision(s.pairs), recall(s.pairs)]).toEqual([1, 1]);
    expect(s.people).toEqual({ truePositives: 2, proposed: 3, expected: 3 });
    expect(s.dates).toEqual({ exact: 0, total: 1, invented: 0 });
  });

  it('does not match a call with a meeting, and counts a person only mentioned who became a participant', () => {
    const draft = {
      people: gold.people,
      meetings: [{ id: 'd', format: 'CALL', participants: [{ person: 'person-a' }, { person: 'person-c' }] }],
    };
    const s = scoreDraft(draft, gold, new Set(['g1']));
    expect(s.meetings).toEqual({ truePositives: 0, proposed: 1, expected: 1 });
    expect(s.mentionedAsParticipants).toBe(1);
  });
});
