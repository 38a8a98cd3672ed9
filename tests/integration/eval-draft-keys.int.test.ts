import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyEvaluation } from '../../src/drafting/key-evaluation.service.js';
import type { ReportKey } from '../../src/drafting/pipeline/report-key.js';
import { runCli } from '../helpers/cli.js';
import { useEmptyGraph } from '../helpers/graph-fixtures.js';
import { testNlpServer } from '../helpers/nlp.js';

useEmptyGraph();

/** Two invented reports in the genre, and their keys; a third key has no text. */
const TEXTS = {
  D01: [
    'Lindorian minister receives Estravian counterpart',
    'Lindorian Foreign Minister Arvo Lindqvist received Estravian Foreign Minister Mira Tessaro on Thursday, the ministry said.',
    'The ministers discussed trade.',
  ].join('\n\n'),
  D03: [
    'Valmoran president meets Norvanian envoy',
    'Valmoran President Paulo Ferrante met Norvanian Special Envoy Ilse Marten on Monday.',
    'The envoy conveyed the greetings of Norvanian President Oren Vale.',
  ].join('\n\n'),
};

const key = (id: string, people: [string, string, ReportKey['people'][number]['role']][], date: string): ReportKey => {
  const principals = people.filter(([, , role]) => role === 'principal').map(([name]) => name);
  return {
    id,
    url: `https://news.example/${id}`,
    query: `${principals.join(' ')} talks`,
    published: '2021-05-14',
    publisher: 'Example Wire',
    coverage: 'complete',
    people: people.map(([name, surface, role]) => ({ name, surfaceForms: [surface], country: null, post: null, role })),
    events: [
      {
        id: 'E1',
        kind: 'MEETING',
        status: 'HELD',
        date,
        dateBasis: 'relative-to-publication',
        place: null,
        participants: principals.map((name, i) => ({ name, role: i === 0 ? 'HOST' : 'GUEST' })),
      },
    ],
    corePairs: [[principals[0]!, principals[1]!]],
    secondaryPairs: [],
    mentionedOnly: people.filter(([, , role]) => role === 'mentioned').map(([name]) => name),
    traps: [],
  };
};

const KEYS = {
  'dev/D01.json': key(
    'D01',
    [
      ['Arvo Lindqvist', 'Lindorian Foreign Minister Arvo Lindqvist', 'principal'],
      ['Mira Tessaro', 'Estravian Foreign Minister Mira Tessaro', 'principal'],
    ],
    '2021-05-13',
  ),
  'dev/D02.json': key(
    'D02',
    [
      ['Hedda Sorensen', 'Hedda Sorensen', 'principal'],
      ['Jonas Abel', 'Jonas Abel', 'principal'],
    ],
    '2021-05',
  ),
  'held-out/D03.json': key(
    'D03',
    [
      ['Paulo Ferrante', 'Valmoran President Paulo Ferrante', 'principal'],
      ['Ilse Marten', 'Norvanian Special Envoy Ilse Marten', 'principal'],
      ['Oren Vale', 'Norvanian President Oren Vale', 'mentioned'],
    ],
    '2021-05-10',
  ),
};

describe('npm run eval:draft -- --key DIR --texts DIR', () => {
  let dir: string;
  beforeAll(async () => {
    // The CLI drafts through the tests' NLP server, started here once.
    await testNlpServer().url();
    dir = mkdtempSync(join(tmpdir(), 'eval-keys-'));
    mkdirSync(join(dir, 'keys', 'dev'), { recursive: true });
    mkdirSync(join(dir, 'keys', 'held-out'), { recursive: true });
    mkdirSync(join(dir, 'texts'));
    for (const [file, value] of Object.entries(KEYS)) writeFileSync(join(dir, 'keys', file), JSON.stringify(value));
    for (const [id, text] of Object.entries(TEXTS)) writeFileSync(join(dir, 'texts', `${id}.txt`), text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const evaluate = (...more: string[]) =>
    runCli(['eval-draft', '--key', join(dir, 'keys'), '--texts', join(dir, 'texts'), '--out', join(dir, 'scores.json'), ...more]);
  const written = () => JSON.parse(readFileSync(join(dir, 'scores.json'), 'utf8')) as KeyEvaluation;

  it('prints each dev report and the totals of both sets, holds back the held-out rows, and lists the keys without a text', async () => {
    const { code, output } = await evaluate();
    expect(code).toBe(0);
    const rows = output.split('\n').filter((line) => line.startsWith('| D') || line.startsWith('| **'));
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['| D01', '| **dev** (1)', '| **held-out** (1)']);
    // One core pair found, nothing false; both principals linked once; the one meeting matched, dated as the key has it.
    const perfect = '1 / 0 / 0 (0) | 1.00 / 1.00 | 2/2 (0) | 0 | 1/1 (0) | 1 / 0 | 0 | 1/1 | 0';
    expect(rows[0]!.replace(/\| \d+ \|$/, '| ms |')).toBe(`| D01 | ${perfect} | ms |`);
    expect(rows[2]).toBe(`| **held-out** (1) | ${perfect} |  |`);
    expect(output).toContain(`skipped, no text in ${join(dir, 'texts')}: D02`);
    const scores = written();
    expect(scores.reports.map((r) => r.id)).toEqual(['D01']);
    expect(scores.skipped).toEqual([{ id: 'D02', set: 'dev' }]);
    expect(scores.totals['held-out'].scores.mentionedAsParticipants).toBe(0);
  });

  it('prints and writes the held-out rows with --show', async () => {
    const { code, output } = await evaluate('--show');
    expect(code).toBe(0);
    expect(output).toMatch(/^\| D03 \| 1 \/ 0 \/ 0 \(0\) \|/m);
    expect(written().reports.map((r) => `${r.id} ${r.set}`)).toEqual(['D01 dev', 'D03 held-out']);
  });

  it('drafts nothing when a key is not sound, and says every problem with its file and path', async () => {
    const bad = { ...KEYS['dev/D02.json'], corePairs: [['Hedda Sorensen', 'Hedda Sorensen']], mentionedOnly: ['Jonas Abell'] };
    writeFileSync(join(dir, 'keys', 'dev', 'D02.json'), JSON.stringify(bad));
    try {
      const { code, output } = await evaluate();
      expect(code).toBe(1);
      expect(output).toContain('dev/D02.json /corePairs/0: pairs "Hedda Sorensen" with themselves');
      expect(output).toContain('dev/D02.json /mentionedOnly/0: names "Jonas Abell", who is not among the key\'s people');
    } finally {
      writeFileSync(join(dir, 'keys', 'dev', 'D02.json'), JSON.stringify(KEYS['dev/D02.json']));
    }
  });

  it('still scores a folder of the project’s own reports against the reviewed documents beside them', async () => {
    const { code, output } = await runCli(['eval-draft', 'tests/fixtures/reports', '--out', join(dir, 'own.json')]);
    expect(code).toBe(0);
    expect(output).toMatch(/^\| all \| \d\.\d\d \/ \d\.\d\d \|/m);
  });
});
