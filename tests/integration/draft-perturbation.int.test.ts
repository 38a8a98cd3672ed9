import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftDocument } from '../../src/drafting/pipeline/draft-document.js';
import { precision, recall, scoreDraft } from '../../src/drafting/pipeline/evaluate.js';
import { textForReading } from '../../src/drafting/pipeline/prepare.js';
import { readingProperties } from '../../src/drafting/pipeline/reading.js';
import { projectPath } from '../../src/project-root.js';
import { testNlpServer } from '../helpers/nlp.js';

/**
 * Guards against rules fitted to our own examples: the reports' officials renamed consistently, from names of
 * several naming cultures, must give the same meetings and pairs, each variant annotated by the real NLP server.
 * Reports whose people the graph holds, or whose
 * family names come first, are left out: renaming would change what they test.
 */

const REPORTS = [
  '03-trilateral-with-paired-list',
  '04-visit-with-two-meetings',
  '05-passive-reception-weekday-undated',
  '10-video-conference',
  '11-reported-on-a-date',
  '14-quadrilateral',
  '16-welcome-at-the-airport',
];

const GIVEN = [
  'Amara',
  'Kenji',
  'Olga',
  'Miguel',
  'Fatima',
  'Lars',
  'Ayse',
  'Tomasz',
  'Ravi',
  'Ingrid',
  'Kwame',
  'Dilnoza',
  'Mateus',
  'Siobhan',
];
const FAMILY = [
  'Diallo',
  'Watanabe',
  'Petrova',
  'Ortega',
  'Rahimi',
  'Holmberg',
  'Yilmaz',
  'Nowak',
  'Menon',
  'Lindqvist',
  'Mensah',
  'Yusupova',
  'Carvalho',
  'Brennan',
];

interface Gold {
  people: { id: string; name: string }[];
  meetings: { id: string; format: string; participants: { person: string }[] }[];
}

const read = (stem: string, ext: string) => readFileSync(projectPath('tests', 'fixtures', 'reports', `${stem}.${ext}`), 'utf8');

function renamed(text: string, gold: Gold, names: [string, string][]): { text: string; gold: Gold } {
  let out = text;
  const people = gold.people.map((p, i) => {
    const [given, family] = names[i % names.length]!;
    const words = p.name.split(' ');
    out = out.replaceAll(p.name, `${given} ${family}`).replaceAll(new RegExp(`\\b${words.at(-1)}\\b`, 'g'), family);
    return { ...p, name: `${given} ${family}` };
  });
  return { text: out, gold: { ...gold, people } };
}

const nlp = testNlpServer();

describe('drafts of renamed reports', () => {
  it.each(REPORTS)('%s keeps its meetings and pairs whatever the officials are called', async (stem) => {
    const meta = JSON.parse(read(stem, 'meta.json')) as { published: string | null; publisher: string };
    const gold = JSON.parse(read(stem, 'json')) as Gold;
    const distinctNames = fc.uniqueArray(fc.tuple(fc.constantFrom(...GIVEN), fc.constantFrom(...FAMILY)), {
      minLength: gold.people.length,
      maxLength: gold.people.length,
      selector: ([, family]) => family,
    });
    await fc.assert(
      fc.asyncProperty(distinctNames, async (names) => {
        const variant = renamed(read(stem, 'txt'), gold, names);
        const asRead = textForReading(variant.text);
        const annotation = await nlp.annotate(asRead, meta.published, { properties: readingProperties(asRead) });
        const draft = draftDocument(variant.text, annotation, meta, { people: [], countries: [], posts: [] });
        const scores = scoreDraft(draft as never, variant.gold, new Set());
        expect([precision(scores.pairs), recall(scores.pairs), recall(scores.people)], JSON.stringify(names)).toEqual([1, 1, 1]);
      }),
      { numRuns: 6, seed: 4242 },
    );
  });
});
