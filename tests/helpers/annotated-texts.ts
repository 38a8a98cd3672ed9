import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { textForReading } from '../../src/drafting/pipeline/prepare.js';
import { readingProperties } from '../../src/drafting/pipeline/reading.js';
import type { Annotation } from '../../src/nlp/annotation.js';
import { projectPath } from '../../src/project-root.js';

/**
 * Texts of our own whose CoreNLP annotations are kept as fixtures, so that tests of the drafter's rules run on what
 * the real server produced without one: our own reports, the rules' examples and the drafter's unit cases. The
 * annotations are made by `npm run nlp:fixtures` against the real server; a test fails when one is missing or was
 * made for another text (stale), and an integration test checks that the server still answers them.
 */
export interface AnnotatedText {
  text: string;
  published: string | null;
}

/** Where a sentence of a unit case or a rule's example is put: a report with a headline, published on a Friday. */
export const EXAMPLE_PUBLISHED = '2021-05-14';
export const asReport = (sentence: string) => `News\n\n${sentence}`;

const RULES_DIR = projectPath('src', 'drafting', 'pipeline', 'rules');
const REPORTS_DIR = projectPath('tests', 'fixtures', 'reports');
const FIXTURES = projectPath('tests', 'fixtures', 'annotations');

export function ownReports(): (AnnotatedText & { stem: string })[] {
  return readdirSync(REPORTS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const stem = basename(f, '.txt');
      const meta = JSON.parse(readFileSync(`${REPORTS_DIR}/${stem}.meta.json`, 'utf8')) as { published: string | null };
      return { stem, text: readFileSync(`${REPORTS_DIR}/${f}`, 'utf8'), published: meta.published };
    });
}

/** Every example sentence of every rule file, positive and negative. */
export function ruleExamples(): { file: string; pos: string[]; neg: string[] }[] {
  return readdirSync(RULES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const rules = JSON.parse(readFileSync(`${RULES_DIR}/${file}`, 'utf8')) as { examples?: { pos: string[]; neg: string[] } };
      return rules.examples ? [{ file, ...rules.examples }] : [];
    });
}

/** The examples of the rules that read a sentence's words (formats): each its own pair of lists. */
function wordRuleExamples(): string[] {
  const formats = JSON.parse(readFileSync(`${RULES_DIR}/formats.json`, 'utf8')) as {
    rules: { examples: { pos: string[]; neg: string[] } }[];
  };
  return formats.rules.flatMap((r) => [...r.examples.pos, ...r.examples.neg]);
}

/** The sentences of the drafter's unit cases (draft-document.test.ts), each drafted as a report of its own. */
export const UNIT_CASES = {
  received: 'Defence Minister Zakir Hasanov received Turkish Ambassador Cahit Bagci on Monday.',
  passive: 'General Jan Vos was received by Minister Orla Brennock.',
  call: 'Minister Orla Brennock had a telephone conversation with General Jan Vos.',
  future: 'Minister Orla Brennock will meet General Jan Vos next week.',
  postponed: 'The planned meeting between Minister Orla Brennock and General Jan Vos was postponed.',
  background: 'Minister Orla Brennock and General Jan Vos last met in 2019.',
  spellings:
    'Rear Admiral Sergei Bakhtin held talks with General Jan Vos. Later, Admiral Bakhtyn thanked the hosts.\n\n' +
    'The general also met Minister Orla Brennock.',
  pairedList:
    'The Azerbaijani and Turkish defence ministers, Zakir Hasanov and Hulusi Akar, met in Baku on May 12. ' +
    "Hasanov conveyed President Ilham Aliyev's greetings to his guest.",
  weekday: 'Minister Orla Brennock met General Jan Vos on Thursday.',
  namedPlace: 'The delegation landed at Ivar Holm International Airport.',
  roundOfTalks: 'During his visit, General Jan Vos met Minister Orla Brennock, Minister Ada Lind and Speaker Ivo Marten.',
  lead: 'Brennock and Vos meet in Tarn\n\nMinister Orla Brennock hosted General Jan Vos for talks in Tarn on Monday, the ministry said.',
} as const;

export function annotatedTexts(): AnnotatedText[] {
  const examples = [...ruleExamples().flatMap((r) => [...r.pos, ...r.neg]), ...wordRuleExamples()];
  const cases = Object.entries(UNIT_CASES).flatMap(([name, sentence]) => [
    { text: asReport(sentence), published: name === 'weekday' ? null : EXAMPLE_PUBLISHED },
    ...(name === 'weekday' ? [{ text: asReport(sentence), published: EXAMPLE_PUBLISHED }] : []),
  ]);
  const all = [
    ...ownReports().map(({ text, published }) => ({ text, published })),
    ...examples.map((sentence) => ({ text: asReport(sentence), published: EXAMPLE_PUBLISHED })),
    ...cases,
  ];
  return [...new Map(all.map((t) => [fixtureKey(t), t])).values()];
}

/** What an annotation depends on: the text CoreNLP reads, its properties and the anchor date. */
export function fixtureKey({ text, published }: AnnotatedText): string {
  const read = textForReading(text);
  return createHash('sha256')
    .update(JSON.stringify([read, published, readingProperties(read)]))
    .digest('hex')
    .slice(0, 16);
}

/** Only the fields the drafter reads, so that the fixtures stay small. */
export function trimAnnotation(a: Annotation): Annotation {
  return {
    ...(a.docDate ? { docDate: a.docDate } : {}),
    sentences: a.sentences.map((s) => ({
      index: s.index,
      tokens: s.tokens.map(
        ({ index, word, originalText, lemma, pos, ner, normalizedNER, characterOffsetBegin, characterOffsetEnd, before, after }) => ({
          index,
          word,
          originalText,
          lemma,
          pos,
          ner,
          ...(normalizedNER === undefined ? {} : { normalizedNER }),
          characterOffsetBegin,
          characterOffsetEnd,
          before,
          after,
        }),
      ),
      entitymentions: s.entitymentions.map(
        ({ tokenBegin, tokenEnd, text, characterOffsetBegin, characterOffsetEnd, ner, normalizedNER, timex }) => ({
          tokenBegin,
          tokenEnd,
          text,
          characterOffsetBegin,
          characterOffsetEnd,
          ner,
          ...(normalizedNER === undefined ? {} : { normalizedNER }),
          ...(timex === undefined ? {} : { timex }),
        }),
      ),
      enhancedPlusPlusDependencies: s.enhancedPlusPlusDependencies,
    })),
    corefs: a.corefs,
  };
}

export const FIXTURE_FILE = `${FIXTURES}/annotations.json`;

let stored: Record<string, Annotation> | undefined;

/** The stored annotations by key, read once. */
function storedAnnotations(): Record<string, Annotation> {
  stored ??= existsSync(FIXTURE_FILE) ? (JSON.parse(readFileSync(FIXTURE_FILE, 'utf8')) as Record<string, Annotation>) : {};
  return stored;
}

/** The stored annotation of a text; a missing one means the fixtures are stale. */
export function storedAnnotation(text: AnnotatedText): Annotation {
  const annotation = storedAnnotations()[fixtureKey(text)];
  if (!annotation) throw new Error(`No stored annotation for ${JSON.stringify(text.text.slice(0, 60))}: run npm run nlp:fixtures`);
  return annotation;
}

export function storedKeys(): string[] {
  return Object.keys(storedAnnotations());
}
