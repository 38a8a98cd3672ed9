import { describe, expect, it } from 'vitest';
import { draftDocument } from './draft-document.js';
import type { Gazetteer } from './mentions.js';
import type { Steps } from './steps.js';

/**
 * The drafter's passes do work in proportion to the text, however hostile: each pass counts its elementary steps
 * (a word, a title, a person or a character looked at), and doubling a text at most doubles the count. Timing
 * would say the same less reliably; the counts say which pass is at fault.
 */

const gazetteer: Gazetteer = {
  people: [
    { id: 'person-zakir-hasanov', name: 'Zakir Hasanov', aliases: [], country: 'AZ' },
    { id: 'person-kerim-valiyev', name: 'Kerim Valiyev', aliases: ['Karim Valiyev'], country: 'AZ' },
  ],
  countries: [{ id: 'AZ', name: 'Azerbaijan' }],
  posts: [{ id: 'post-az-minister-of-defence', title: 'Minister of Defence of Azerbaijan', country: 'AZ' }],
};

/**
 * A name-like word for a number whose blocking key (its consonants) is its own: consonants from two alphabets in
 * turn, so no two neighbours fold into one, each after a vowel. "Kama", "Kamab", …
 */
const word = (n: number, first = 'K') => {
  const alphabets = ['mnprstvz', 'bdfgjl'];
  let letters = '';
  let rest = n;
  for (let p = 0; p === 0 || rest > 0; p++) {
    const alphabet = alphabets[p % 2]!;
    letters += `a${alphabet[rest % alphabet.length]}`;
    rest = Math.floor(rest / alphabet.length);
  }
  return first + letters;
};

function stepsOf(text: string): number {
  const steps: Steps = { count: 0 };
  draftDocument(`News\n\n${text}`, { published: '2021-05-14', publisher: 'Wire', steps }, gazetteer);
  return steps.count;
}

const HOSTILE: Record<string, (n: number) => string> = {
  'one title repeated': (n) => 'Defence Minister '.repeat(n),
  'an abbreviated rank and a capital, repeated': (n) => 'Gen. X '.repeat(n),
  'initials alone': (n) => 'B. '.repeat(n),
  'titled sentences, two new people each': (n) =>
    Array.from(
      { length: n },
      (_, i) => `Defence Minister ${word(i)} ${word(i, 'B')} met Foreign Minister ${word(i, 'G')} ${word(i, 'D')}.`,
    ).join(' '),
  'a paired list of names': (n) =>
    `The defence ministers ${Array.from({ length: n }, (_, i) => `${word(i)} ${word(i, 'B')}`).join(', ')} and Zakir Hasanov met.`,
  'people sharing a surname, then that surname alone': (n) =>
    `${Array.from({ length: n }, (_, i) => `Minister ${word(i)} Aliyev spoke.`).join(' ')} ${'Aliyev agreed. '.repeat(n)}`,
  'many generals, then "the general"': (n) =>
    `${Array.from({ length: n }, (_, i) => `General ${word(i)} ${word(i, 'B')} arrived.`).join(' ')} ${'The general spoke. '.repeat(n)}`,
  'names the graph knows, written without a title': (n) => 'Zakir Hasanov and Karim Valiyev talked. '.repeat(n),
};

describe('the drafter on hostile text', () => {
  for (const [name, make] of Object.entries(HOSTILE)) {
    it(`does at most twice the work for twice the text: ${name}`, () => {
      const once = stepsOf(make(200));
      const twice = stepsOf(make(400));
      expect(once).toBeGreaterThan(0);
      expect(twice / once).toBeLessThan(2.2);
    });
  }
});
