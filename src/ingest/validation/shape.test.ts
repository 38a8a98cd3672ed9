import { describe, expect, it } from 'vitest';
import { documentWith as doc, evidence } from '../../../tests/helpers/validation-fixtures.js';
import { checkDepth, checkShape } from './shape.js';

const ev = evidence();

describe('checkShape', () => {
  it('accepts a minimal document', () => {
    expect(checkShape('d.json', doc({}))).toEqual([]);
  });

  it('lists each problem with its path and what was expected', () => {
    const problems = checkShape('d.json', doc({ people: [{ id: 'bad id!', name: '', evidence: [] }] }));
    expect(problems.map((p) => p.path).sort()).toEqual(['/people/0/evidence', '/people/0/id', '/people/0/name']);
    expect(problems.every((p) => p.file === 'd.json' && p.expected)).toBe(true);
  });
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

describe('checkDepth', () => {
  const nested = (depth: number, make: (inner: unknown) => unknown, leaf: unknown = 'x') => {
    let value = leaf;
    for (let i = 0; i < depth; i++) value = make(value);
    return value;
  };

  it('refuses arrays nested 100,000 deep, with the path where the limit is passed, without a recursive walk', () => {
    const problems = checkDepth(
      'documents[0]',
      nested(100_000, (inner) => [inner]),
    );
    expect(problems).toEqual([
      {
        file: 'documents[0]',
        path: `/${Array.from({ length: 32 }, () => '0').join('/')}`,
        message: 'is nested deeper than 32 levels of arrays and objects',
        expected: 'a source document, which nests a few levels deep',
      },
    ]);
  });

  it("refuses an object 20,000 deep as a person's name", () => {
    const problems = checkDepth('d.json', doc({ people: [{ id: 'p1', name: nested(20_000, (inner) => ({ a: inner })), evidence: ev }] }));
    expect(problems.map((p) => p.path)).toEqual([`/people/0/name${'/a'.repeat(29)}`]);
  });

  it('accepts the deepest ordinary document', () => {
    const meeting = {
      id: 'm1',
      format: 'BILATERAL',
      participants: [{ person: 'p1', role: 'HOST', evidence: ev }],
      evidence: ev,
    };
    expect(checkDepth('d.json', doc({ meetings: [meeting] }))).toEqual([]);
  });
});

describe('judgements file text fields', () => {
  const judgements = (fields: Record<string, unknown>) => ({
    format: 'officials-graph/judgements@1',
    judgements: [{ a: 'p1', b: 'p2', verdict: 'DIFFERENT', by: 'analyst', at: '2021-06-01T10:00:00Z', ...fields }],
  });

  it('refuse in who judged and the note the characters XML 1.0 forbids, as document text fields do', () => {
    expect(checkShape('j.json', judgements({ by: 'an\u0007alyst', note: 'Seen \uffff twice' }), 'judgements')).toEqual([
      {
        file: 'j.json',
        path: '/judgements/0/by',
        message: 'holds U+0007 at character 3, which XML 1.0 forbids',
        expected: 'text without control characters (tab and line breaks aside), U+FFFE, U+FFFF or lone surrogates',
      },
      {
        file: 'j.json',
        path: '/judgements/0/note',
        message: 'holds U+FFFF at character 6, which XML 1.0 forbids',
        expected: 'text without control characters (tab and line breaks aside), U+FFFE, U+FFFF or lone surrogates',
      },
    ]);
  });

  it('keep line breaks, tabs and every script in a note, and a null note', () => {
    expect(checkShape('j.json', judgements({ by: 'Analyst Həsənov', note: 'Two sources:\n\tЗакир 扎基尔 🇦🇿' }), 'judgements')).toEqual([]);
    expect(checkShape('j.json', judgements({ note: null }), 'judgements')).toEqual([]);
  });
});
