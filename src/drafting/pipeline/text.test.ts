import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from './text.js';

describe('splitParagraphs', () => {
  it('puts headline, byline and dateline in paragraph 0, numbers the body from 1, and stops at the trailer', () => {
    const text =
      'Ministers meet in Vel\n\nBy A. Writer, 9 June 2021\n\nThe ministers met on Monday.\n\n' +
      'They discussed trade.\n\n--\n\nFollow us online';
    expect(splitParagraphs(text)).toEqual([
      { index: 0, text: 'Ministers meet in Vel By A. Writer, 9 June 2021' },
      { index: 1, text: 'The ministers met on Monday.' },
      { index: 2, text: 'They discussed trade.' },
    ]);
  });

  it('leaves paragraph 0 empty when the text starts with the body', () => {
    expect(splitParagraphs('The ministers met on Monday.\n\nThey discussed trade.')[0]).toEqual({ index: 0, text: '' });
  });
});

describe('splitSentences', () => {
  it('does not end a sentence after a rank, an initial or "No."', () => {
    const texts = splitSentences({
      index: 1,
      text: 'Maj. Gen. R. T. Oduya, No. 2 in the command, met Adm. Kim. They spoke of training.',
    }).map((s) => s.text);
    expect(texts).toEqual(['Maj. Gen. R. T. Oduya, No. 2 in the command, met Adm. Kim.', 'They spoke of training.']);
  });
});
