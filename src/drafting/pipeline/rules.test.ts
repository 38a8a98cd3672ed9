import { describe, expect, it } from 'vitest';
import { draftDocument } from './draft-document.js';
import { lexicon } from './lexicon.js';

/** Every rule of the tables, run on its own invented examples: it must fire on each positive and on no negative. */

interface Drafted {
  meetings: { format: string; draft: { rule: string } }[];
  visits?: { draft: { rule: string } }[];
  statements?: { draft: { rule: string } }[];
  draft: { notProposed: { rule: string }[] };
}

const draft = (sentence: string) =>
  draftDocument(
    `News\n\n${sentence}`,
    { published: '2021-05-14', publisher: 'Wire' },
    { people: [], countries: [], posts: [] },
  ) as unknown as Drafted;

const fired = {
  event: (d: Drafted) => d.meetings.map((m) => m.draft.rule),
  notProposed: (d: Drafted) => d.draft.notProposed.map((n) => n.rule),
  visit: (d: Drafted) => (d.visits ?? []).map((v) => v.draft.rule),
  statement: (d: Drafted) => (d.statements ?? []).map((s) => s.draft.rule),
};

const cases = [
  ...lexicon().events.map((rule) => ({ kind: 'event' as const, rule })),
  ...lexicon().notProposed.map((rule) => ({ kind: 'notProposed' as const, rule })),
  ...lexicon().context.map((rule) => ({ kind: 'visit' as const, rule })),
  ...lexicon().statements.map((rule) => ({ kind: 'statement' as const, rule })),
];

describe('the drafter’s rule tables', () => {
  it.each(cases.map((c) => [c.rule.id, c] as const))(
    '%s fires on its positive examples and not on its negatives',
    (_id, { kind, rule }) => {
      expect(rule.examples.pos.length).toBeGreaterThanOrEqual(2);
      expect(rule.examples.neg.length).toBeGreaterThanOrEqual(1);
      for (const sentence of rule.examples.pos) expect(fired[kind](draft(sentence)), sentence).toContain(rule.id);
      for (const sentence of rule.examples.neg) expect(fired[kind](draft(sentence)), sentence).not.toContain(rule.id);
    },
  );

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
