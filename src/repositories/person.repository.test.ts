import { describe, expect, it } from 'vitest';
import { explainMatch } from './person.repository.js';

const bekirov = { name: 'Subhan Bekirov', aliases: ['Subhan Bakirov', 'Субхан Бекиров'] };

describe('explainMatch', () => {
  it('says which name matched and why', () => {
    expect(explainMatch('subhan bekirov', bekirov)).toEqual({ reason: 'NAME', matched: 'Subhan Bekirov' });
    expect(explainMatch('Subhan Bakirov', bekirov)).toEqual({ reason: 'ALIAS', matched: 'Subhan Bakirov' });
    expect(explainMatch('Субхан Бакиров', bekirov)).toEqual({ reason: 'TRANSLITERATION', matched: 'Subhan Bakirov' });
    expect(explainMatch('Bakirov', bekirov)).toEqual({ reason: 'PARTIAL', matched: 'Subhan Bakirov' });
    expect(explainMatch('Бекиров', bekirov)).toEqual({ reason: 'PARTIAL', matched: 'Subhan Bekirov' });
  });
});
