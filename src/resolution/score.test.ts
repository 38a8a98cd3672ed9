import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jaroWinkler } from '../domain/similarity.js';
import { projectPath } from '../project-root.js';
import { blockPartners } from './candidates.js';
import { namesMayMatch, type PersonProfile, scorePair } from './score.js';

const profile = (id: string, name: string, country: string | null = null, posts: PersonProfile['posts'] = []): PersonProfile => ({
  id,
  name,
  aliases: [],
  country,
  posts,
});

interface LabelledPair {
  a: string;
  b: string;
  countryA: string | null;
  countryB: string | null;
  same: boolean;
}

const { pairs } = JSON.parse(readFileSync(projectPath('tests', 'fixtures', 'name-pairs.json'), 'utf8')) as { pairs: LabelledPair[] };

describe('jaroWinkler', () => {
  it('rates spelling variants high and different names low', () => {
    expect(jaroWinkler('bekirov', 'bakirov')).toBeGreaterThan(0.86);
    expect(jaroWinkler('shahbaz', 'shehbaz')).toBeGreaterThan(0.86);
    expect(jaroWinkler('ilham', 'heydar')).toBeLessThan(0.6);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('', 'x')).toBe(0);
  });
});

describe('scorePair', () => {
  it('proposes the misspelled official without his middle name, with the reasons in words', () => {
    const match = scorePair(profile('a', 'Qamar Javed Bajwa', 'PK'), profile('b', 'General Qamar Bajwa', 'PK'));
    expect(match?.score).toBeGreaterThanOrEqual(0.9);
    expect(match?.reasons).toEqual([
      'Qamar and Bajwa are the same in "Qamar Javed Bajwa" and "General Qamar Bajwa"',
      'Javed appears in one spelling only (a middle name?)',
      'titles left out: general',
      'both of PK',
    ]);
  });

  it('never proposes people who share only a surname, or who differ in country', () => {
    expect(scorePair(profile('a', 'Ilham Aliyev', 'AZ'), profile('b', 'Heydar Aliyev', 'AZ'))).toBeNull();
    expect(scorePair(profile('a', 'Imran Khan', 'PK'), profile('b', 'Amjad Khan Niazi', 'PK'))).toBeNull();
    expect(scorePair(profile('a', 'Imran Khan', 'PK'), profile('b', 'Imran Khan', 'GB'))).toBeNull();
    expect(scorePair(profile('a', 'Bajwa', 'PK'), profile('b', 'Qamar Javed Bajwa', 'PK'))).toBeNull();
  });

  it('adds a shared post to the reasons', () => {
    const posts = [{ post: 'post-pk-coas', organization: 'org-pk-army' }];
    expect(scorePair(profile('a', 'Qamar Bajwa', 'PK', posts), profile('b', 'Q. J. Bajwa', 'PK', posts))?.reasons).toContain(
      'both held the post post-pk-coas',
    );
  });

  it(`reaches precision and recall of at least 0.95 on ${pairs.length} labelled pairs of the genre, through blocking`, () => {
    let [truePositive, falsePositive, falseNegative] = [0, 0, 0];
    const wrong: string[] = [];
    for (const pair of pairs) {
      // The whole path an ingest takes: blocking, the names-only stage, then the full score.
      const [a, b] = [profile('a', pair.a, pair.countryA), profile('b', pair.b, pair.countryB)];
      const blocked = blockPartners([a], [b]).get('a')?.length === 1;
      const proposed = blocked && namesMayMatch(a, b) && scorePair(a, b) !== null;
      if (proposed && pair.same) truePositive++;
      if (proposed && !pair.same) falsePositive++;
      if (!proposed && pair.same) falseNegative++;
      if (proposed !== pair.same) wrong.push(`${pair.a} / ${pair.b}`);
    }
    const precision = truePositive / (truePositive + falsePositive);
    const recall = truePositive / (truePositive + falseNegative);
    const summary = `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}; wrong: ${wrong.join('; ') || 'none'}`;
    process.stderr.write(`[candidates] ${pairs.length} pairs: ${summary}\n`);
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
