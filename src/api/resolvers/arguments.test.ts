import { describe, expect, it } from 'vitest';
import { parseSearchText, SEARCH_TEXT_LIMITS } from './arguments.js';

const refusal = expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'text' }) });

describe('parseSearchText', () => {
  it('turns words into the full-text query, up to every limit', () => {
    expect(parseSearchText('text', 'Which meetings were about demin*?')).toBe('which meetings were about demin*');
    const widest = Array.from({ length: SEARCH_TEXT_LIMITS.words }, () => 'w').join(' ');
    expect(parseSearchText('text', widest)).toBe(widest);
    expect(parseSearchText('text', `${'a'.repeat(SEARCH_TEXT_LIMITS.wordCharacters)}*`)).toMatch(/^a+\*$/);
  });

  it('refuses what the full-text index cannot take, before any query is built: too many words, too long a word or text', () => {
    const { characters, words, wordCharacters } = SEARCH_TEXT_LIMITS;
    const tooMany = [
      'a* '.repeat(1000),
      'a '.repeat(1025),
      `${'a'.repeat(1100)}*`,
      'a'.repeat(300_000),
      Array.from({ length: words + 1 }, () => 'w').join(' '),
      `${'a'.repeat(wordCharacters + 1)}*`,
      'a'.repeat(wordCharacters + 1),
      `${'word '.repeat(characters / 5)}x`,
    ];
    for (const text of tooMany) expect(() => parseSearchText('text', text), text.slice(0, 20)).toThrow(refusal);
  });

  it('refuses a text without a word', () => {
    expect(() => parseSearchText('text', '  ?! ')).toThrow(refusal);
  });
});
