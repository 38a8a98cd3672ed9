import { describe, expect, it } from 'vitest';
import { copiedRuns, fingerprint } from './copy-check.js';

const source = 'The delegation was briefed on the structure and operational capabilities of the navy, and on the tasks ahead.';

describe('copy check', () => {
  it('finds eight words in a row taken from the source, whatever the case and punctuation', () => {
    const print = fingerprint(source);
    expect(copiedRuns('Notes: THE STRUCTURE AND OPERATIONAL CAPABILITIES OF THE NAVY; nothing else.', print)).toEqual([
      'the structure and operational capabilities of the navy',
    ]);
  });

  it('passes text in other words', () => {
    expect(copiedRuns('The hosts explained how their navy is organised and what it can do.', fingerprint(source))).toEqual([]);
  });

  it('keeps hashes only, never the words', () => {
    expect(fingerprint(source).join(' ')).not.toMatch(/navy|delegation/);
  });
});
