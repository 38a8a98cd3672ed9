import { describe, expect, it } from 'vitest';
import { copiedWording } from './copied-wording.js';

const REPORT = 'The two ministers discussed the prospects of cooperation in the field of military education on Monday.';

describe('copiedWording', () => {
  it('names every note or summary that repeats eight words of the report, with its path', () => {
    const document = {
      meetings: [
        {
          summary: 'The ministers talked about military schooling.',
          evidence: [{ paragraph: 1, note: 'They discussed the prospects of cooperation in the field of military education.' }],
        },
      ],
    };
    expect(copiedWording('d.json', document, REPORT)).toEqual([
      {
        file: 'd.json',
        path: '/meetings/0/evidence/0/note',
        message: 'repeats the report\'s words "discussed the prospects of cooperation in the field"',
        expected: 'the fact in our own words',
      },
    ]);
  });

  it('lets names, titles and dates recur: runs shorter than eight words are chance', () => {
    expect(copiedWording('d.json', { people: [{ evidence: [{ note: 'The two ministers on Monday.' }] }] }, REPORT)).toEqual([]);
  });
});
