import { describe, expect, it } from 'vitest';
import { stripDraft } from './strip-draft.js';

describe('stripDraft', () => {
  it('removes every draft block, at the top and in entries, and nothing else', () => {
    expect(stripDraft({ format: 'f', draft: { tool: 't' }, people: [{ id: 'p', draft: { confidence: 1 }, aliases: ['x'] }] })).toEqual({
      format: 'f',
      people: [{ id: 'p', aliases: ['x'] }],
    });
  });

  it('keeps key order and keys such as "__proto__" as own keys, and walks any depth without recursion', () => {
    const parsed = JSON.parse('{"b": 1, "__proto__": {"x": 1}, "a": [1, {"draft": 2, "c": 3}]}');
    const stripped = stripDraft(parsed) as Record<string, unknown>;
    expect(Object.keys(stripped)).toEqual(['b', '__proto__', 'a']);
    expect(Object.getPrototypeOf(stripped)).toBe(Object.prototype);
    expect(stripped.a).toEqual([1, { c: 3 }]);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [{ draft: i, v: deep }];
    let walked = stripDraft(deep);
    for (let i = 0; i < 100_000; i++) walked = (walked as { v: unknown }[])[0]!.v;
    expect(walked).toBe('leaf');
  });
});
