import { describe, expect, it } from 'vitest';
import { annotatedTexts, fixtureKey, storedKeys } from '../helpers/annotated-texts.js';

describe('the stored CoreNLP annotations of our own texts', () => {
  it('hold one for every text the drafter’s unit tests read, and none for a text no longer read (else: npm run nlp:fixtures)', () => {
    const wanted = annotatedTexts().map(fixtureKey).sort();
    expect(storedKeys().sort()).toEqual(wanted);
  });
});
