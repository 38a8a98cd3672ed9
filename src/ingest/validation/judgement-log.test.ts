import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../domain/problem.js';
import { checkJudgementLog } from './judgement-log.js';

const verdict = (a: string, b: string, v: string, at: string) => ({ a, b, verdict: v, by: 'analyst', at });

describe('checkJudgementLog', () => {
  it('reads a pair judged again as a change of mind, up to a SAME, and a SAME repeated as that SAME', () => {
    const judgements = [
      verdict('p', 'q', 'UNSURE', '2021-06-01T10:00:00Z'),
      verdict('q', 'p', 'DIFFERENT', '2021-06-02T10:00:00Z'),
      verdict('p', 'q', 'SAME', '2021-06-03T10:00:00Z'),
      verdict('q', 'p', 'SAME', '2021-06-04T10:00:00Z'),
      verdict('p', 'r', 'DIFFERENT', '2021-06-03T10:00:00Z'),
    ];
    expect(checkJudgementLog([{ file: 'j.json', judgements }])).toEqual([]);
  });

  it('refuses, listing each with its path, a verdict after a SAME, in any file, a pair judged two ways at once, and a == b', () => {
    const problems = checkJudgementLog([
      {
        file: 'one.json',
        judgements: [
          verdict('p', 'q', 'SAME', '2021-06-01T10:00:00Z'),
          verdict('p', 'q', 'DIFFERENT', '2021-06-02T10:00:00Z'),
          verdict('s', 's', 'SAME', '2021-06-02T10:00:00Z'),
          verdict('x', 'y', 'DIFFERENT', '2021-06-05T10:00:00.000Z'),
        ],
      },
      {
        file: 'two.json',
        judgements: [verdict('q', 'p', 'UNSURE', '2021-06-03T12:00:00+02:00'), verdict('y', 'x', 'UNSURE', '2021-06-05T12:00:00+02:00')],
      },
    ]);
    expect(formatProblems(problems).split('\n')).toEqual([
      'one.json /judgements/1/verdict: is DIFFERENT, after one.json /judgements/0 judged the pair SAME: they are one person from then on ' +
        '(expected no verdict after a SAME on the same pair but that SAME again)',
      'one.json /judgements/2/b: names the same person as a ("s") (expected the ids of two people)',
      'two.json /judgements/0/verdict: is UNSURE, after one.json /judgements/0 judged the pair SAME: they are one person from then on ' +
        '(expected no verdict after a SAME on the same pair but that SAME again)',
      'two.json /judgements/1/at: is the instant one.json /judgements/3 judges the pair DIFFERENT, and this says UNSURE ' +
        '(expected one verdict per pair at a time, so that the latest is known)',
    ]);
  });
});
