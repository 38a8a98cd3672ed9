import { describe, expect, it } from 'vitest';
import { stripDraft } from './strip-draft.js';

describe('stripDraft', () => {
  it('removes every draft block, at the top and in entries, and nothing else', () => {
    expect(stripDraft({ format: 'f', draft: { tool: 't' }, people: [{ id: 'p', draft: { confidence: 1 }, aliases: ['x'] }] })).toEqual({
      format: 'f',
      people: [{ id: 'p', aliases: ['x'] }],
    });
  });
});
