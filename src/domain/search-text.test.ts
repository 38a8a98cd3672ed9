import { describe, expect, it } from 'vitest';
import { fullTextQuery, highlight } from './search-text.js';

describe('fullTextQuery', () => {
  it('keeps words, escapes what Lucene would read as syntax, and keeps a trailing * as a prefix', () => {
    expect(fullTextQuery('demining')).toBe('demining');
    expect(fullTextQuery('which meetings were about demin*?')).toBe('which meetings were about demin*');
    expect(fullTextQuery('Niazi AND (navy) OR title:x')).toBe('niazi and navy or title x');
    expect(fullTextQuery('co-operation')).toBe('co\\-operation');
    expect(fullTextQuery('  ?! ')).toBeUndefined();
  });
});

describe('highlight', () => {
  it('marks every matching word, whole and regardless of case, escaping the rest', () => {
    expect(highlight('Talks on demining & <training>; Demining again.', 'demining')).toBe(
      'Talks on <mark>demining</mark> &amp; &lt;training&gt;; <mark>Demining</mark> again.',
    );
    expect(highlight('Talks on demining.', 'demin*')).toBe('Talks on <mark>demining</mark>.');
    expect(highlight('Talks on mining.', 'demining')).toBeUndefined();
    expect(highlight('Субхан Бекиров', 'бекиров')).toBe('Субхан <mark>Бекиров</mark>');
  });

  it('cuts a long text around the first match', () => {
    const text = `${'a'.repeat(300)} demining ${'b'.repeat(300)}`;
    const fragment = highlight(text, 'demining')!;
    expect(fragment.startsWith('…')).toBe(true);
    expect(fragment.endsWith('…')).toBe(true);
    expect(fragment).toContain('<mark>demining</mark>');
    expect(fragment.replace(/<\/?mark>|…/g, '').length).toBe(200);
  });
});
