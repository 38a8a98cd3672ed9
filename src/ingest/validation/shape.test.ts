import { describe, expect, it } from 'vitest';
import { checkShape } from './shape.js';

const source = (extra: Record<string, unknown> = {}) => ({
  id: 's1',
  kind: 'NEWS_REPORT',
  publisher: 'Wire',
  title: 'Report',
  published: '2021-06-09',
  language: 'en',
  paragraphs: 4,
  ...extra,
});
const doc = (extra: Record<string, unknown> = {}, sourceExtra: Record<string, unknown> = {}) => ({
  format: 'officials-graph/source-document@1',
  sources: [source(sourceExtra)],
  ...extra,
});

describe('source URLs', () => {
  it('take http and https, in any case', () => {
    for (const url of ['https://example.org/a?b=c', 'http://example.org/', 'HTTPS://example.org/x']) {
      expect(checkShape('d.json', doc({}, { url }))).toEqual([]);
    }
  });

  it('refuse every other scheme, naming the field', () => {
    for (const url of ['javascript:alert(document.domain)', 'file:///etc/passwd', 'data:text/html,hello', 'ftp://example.org/x']) {
      expect(checkShape('d.json', doc({}, { url }))).toEqual([
        { file: 'd.json', path: '/sources/0/url', message: 'is not in the expected form', expected: 'an http or https URL' },
      ]);
    }
  });
});

describe('text fields', () => {
  it('refuse the characters XML 1.0 forbids, naming the field and the character', () => {
    const problems = checkShape(
      'd.json',
      doc(
        {
          people: [
            {
              id: 'p1',
              name: 'Nonchar \uffff\ufffe end',
              aliases: ['Fine', 'Esc \u001b'],
              evidence: [{ paragraph: 1, note: 'a note \u0001' }],
            },
          ],
          vocabulary: [{ vocabulary: 'topic', code: 'X_TOPIC', label: 'Lone \ud800 surrogate', description: 'described' }],
        },
        { title: 'Title \u0000' },
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/sources/0/title', message: 'holds U+0000 at character 7, which XML 1.0 forbids' }),
        expect.objectContaining({ path: '/people/0/name', message: 'holds U+FFFF at character 9, which XML 1.0 forbids' }),
        expect.objectContaining({ path: '/people/0/aliases/1', message: 'holds U+001B at character 5, which XML 1.0 forbids' }),
        expect.objectContaining({ path: '/people/0/evidence/0/note', message: 'holds U+0001 at character 8, which XML 1.0 forbids' }),
        expect.objectContaining({ path: '/vocabulary/0/label', message: 'holds U+D800 at character 6, which XML 1.0 forbids' }),
      ]),
    );
    expect(problems).toHaveLength(5);
    expect(problems[0]!.expected).toBe('text without control characters (tab and line breaks aside), U+FFFE, U+FFFF or lone surrogates');
  });

  it('keep tabs, line breaks, every script, emoji and other characters XML allows', () => {
    const name = 'Zakir Həsənov Закир Гасанов 扎基尔 🇦🇿';
    expect(
      checkShape('d.json', doc({ people: [{ id: 'p1', name, evidence: [{ paragraph: 1, note: 'line one\nline\ttwo\r\n' }] }] })),
    ).toEqual([]);
  });
});
