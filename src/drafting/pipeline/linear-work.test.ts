import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXTS } from '../../../tests/helpers/hostile-text.js';
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

function stepsOf(text: string): number {
  const steps: Steps = { count: 0 };
  draftDocument(`News\n\n${text}`, { published: '2021-05-14', publisher: 'Wire', steps }, gazetteer);
  return steps.count;
}

describe('the drafter on hostile text', () => {
  for (const [name, make] of Object.entries(HOSTILE_TEXTS)) {
    it(`does at most twice the work for twice the text: ${name}`, () => {
      const once = stepsOf(make(200));
      const twice = stepsOf(make(400));
      expect(once).toBeGreaterThan(0);
      expect(twice / once).toBeLessThan(2.2);
    });
  }
});
