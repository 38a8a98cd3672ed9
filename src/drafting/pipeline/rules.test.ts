import { describe, expect, it } from 'vitest';
import { asReport, EXAMPLE_PUBLISHED, ruleExamples, storedAnnotation } from '../../../tests/helpers/annotated-texts.js';
import { draftDocument } from './draft-document.js';
import { lexicon } from './lexicon.js';

/**
 * Every rule file's examples, drafted from the annotations the real CoreNLP server gave them (stored fixtures): what
 * each family must find in its positive examples and must not in its negatives.
 */
interface Drafted {
  people: { name: string }[];
  meetings: { format: string; participants: unknown[] }[];
  statements?: unknown[];
  draft: { notProposed: unknown[] };
}

const draft = (sentence: string) => {
  const text = asReport(sentence);
  const annotation = storedAnnotation({ text, published: EXAMPLE_PUBLISHED });
  return draftDocument(
    text,
    annotation,
    { published: EXAMPLE_PUBLISHED, publisher: 'Wire' },
    { people: [], countries: [], posts: [] },
  ) as unknown as Drafted;
};

/** What a positive example of each rule file gives; a negative gives the opposite. */
const FINDS: Record<string, (d: Drafted) => boolean> = {
  'triggers.json': (d) => d.meetings.length > 0,
  'modality.json': (d) => d.meetings.length === 0 && d.draft.notProposed.length > 0,
  'statements.json': (d) => (d.statements ?? []).length > 0,
  'people.json': (d) => d.people.length >= 2,
};

describe('the drafter’s rule files', () => {
  const files = ruleExamples();

  it('give examples for every family the drafter reads by its parse', () => {
    expect(files.map((f) => f.file).sort()).toEqual(Object.keys(FINDS).sort());
    for (const f of files) {
      expect(f.pos.length, f.file).toBeGreaterThanOrEqual(2);
      expect(f.neg.length, f.file).toBeGreaterThanOrEqual(1);
    }
  });

  it.each(files.map((f) => [f.file, f] as const))('%s finds what its positive examples state and not what its negatives do', (file, f) => {
    const finds = FINDS[file]!;
    for (const sentence of f.pos) expect(finds(draft(sentence)), sentence).toBe(true);
    for (const sentence of f.neg) expect(finds(draft(sentence)), sentence).toBe(false);
  });

  it.each(lexicon().formats.map((rule) => [rule.id, rule] as const))('%s sets the format of the meeting under way', (_id, rule) => {
    for (const sentence of rule.examples.pos)
      expect(
        draft(sentence).meetings.map((m) => m.format),
        sentence,
      ).toContain(rule.format);
    for (const sentence of rule.examples.neg)
      expect(
        draft(sentence).meetings.map((m) => m.format),
        sentence,
      ).not.toContain(rule.format);
  });
});
