import { describe, expect, it } from 'vitest';
import { barredTextCypher, nameKey, nameKeys } from './names.js';

describe('nameKey', () => {
  it('gives one key to spellings of one name across scripts and transliterations', () => {
    expect(nameKey('Субхан Бекиров')).toBe(nameKey('Subhan Bekirov'));
    expect(nameKey('Субхан Бакиров')).toBe(nameKey('Subhan  Bakirov'));
    expect(nameKey('Мухаммад Амджад Хан Ниази')).toBe(nameKey('Muhammad Amjad Khan Niazi'));
    expect(nameKey('Zakir Həsənov')).toBe(nameKey('Zakir Hasanov'));
    expect(nameKey('Qamar Javed Bajwa.')).toBe('qamar javed bajwa');
  });

  it('keeps different names apart', () => {
    expect(nameKey('Subhan Bekirov')).not.toBe(nameKey('Subhan Bakirov'));
    expect(nameKey('Arif Alvi')).not.toBe(nameKey('Arif Ali'));
  });

  it('lists keys once, and Cypher joins them as |k1|k2| for the text index', () => {
    const keys = nameKeys(['Subhan Bekirov', 'Субхан Бекиров', 'Subhan Bakirov']);
    expect(keys).toEqual(['subhan bekirov', 'subhan bakirov']);
    expect(barredTextCypher('p.nameKeys')).toBe("reduce(text = '|', item IN p.nameKeys | text + item + '|')");
  });
});
