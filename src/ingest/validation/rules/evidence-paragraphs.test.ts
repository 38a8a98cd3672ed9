import { describe, expect, it } from 'vitest';
import { documentWith, evidence, named, problemsOf, source } from '../../../../tests/helpers/validation-fixtures.js';
import { evidenceParagraphs } from './evidence-paragraphs.js';

const country = (evidence: unknown[]) => ({ id: 'AZ', name: 'Azerbaijan', evidence });
const twoSources = (sections: Record<string, unknown>) => ({ ...documentWith(sections), sources: [source(), source({ id: 's2' })] });

describe('evidence-paragraphs', () => {
  it('accepts a paragraph the source has (0 is its front matter), the source left out when it is the only one', () => {
    const documents = named(
      { file: 'a.json', value: documentWith({ countries: [country([...evidence(0), ...evidence(4)])] }) },
      { file: 'b.json', value: twoSources({ countries: [country([{ source: 's2', paragraph: 2, note: 'what it says' }])] }) },
    );
    expect(problemsOf(evidenceParagraphs, documents)).toEqual([]);
  });

  it('needs the source named when a document has several, a source of the document, and a paragraph it has', () => {
    const participants = [{ person: 'p', role: 'HOST', evidence: evidence(5) }];
    const documents = named(
      { file: 'a.json', value: twoSources({ countries: [country(evidence())] }) },
      {
        file: 'b.json',
        value: documentWith({
          countries: [country([{ source: 's9', paragraph: 1, note: 'what it says' }])],
          meetings: [{ id: 'm1', format: 'CALL', participants, evidence: evidence() }],
        }),
      },
    );
    expect(problemsOf(evidenceParagraphs, documents)).toEqual([
      {
        file: 'a.json',
        path: '/countries/0/evidence/0/source',
        message: 'is missing, and the document has several sources',
        expected: 'one of s1, s2',
      },
      {
        file: 'b.json',
        path: '/countries/0/evidence/0/source',
        message: 'names "s9", which is not a source of this document',
        expected: 'one of s1',
      },
      {
        file: 'b.json',
        path: '/meetings/0/participants/0/evidence/0/paragraph',
        message: 'is 5, but source "s1" has 4 paragraphs',
        expected: '0 to 4',
      },
    ]);
  });
});
