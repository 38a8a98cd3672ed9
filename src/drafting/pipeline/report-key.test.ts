import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../project-root.js';
import { type ReportKey, reportKeyProblems } from './report-key.js';

const CORPUS = projectPath('tests', 'fixtures', 'real-reports');

/** A key of an invented report: two ministers met, a third was only mentioned. */
const key = (): ReportKey => ({
  id: 'D99',
  url: 'https://news.example/lindoria-estravia',
  query: 'Lindorian minister Estravian counterpart talks',
  published: '2021-05-14',
  publisher: 'Example Wire',
  coverage: 'complete',
  people: [
    {
      name: 'Arvo Lindqvist',
      surfaceForms: ['Foreign Minister Arvo Lindqvist'],
      country: null,
      post: 'Foreign Minister',
      role: 'principal',
    },
    { name: 'Mira Tessaro', surfaceForms: ['Mira Tessaro'], country: null, post: 'Foreign Minister', role: 'principal' },
    { name: 'Oren Vale', surfaceForms: ['President Vale'], country: null, post: 'President', role: 'mentioned' },
  ],
  events: [
    {
      id: 'E1',
      kind: 'MEETING',
      status: 'HELD',
      date: '2021-05-13',
      dateBasis: 'relative-to-publication',
      place: null,
      participants: [
        { name: 'Arvo Lindqvist', role: 'HOST' },
        { name: 'Mira Tessaro', role: 'GUEST' },
      ],
    },
  ],
  corePairs: [['Arvo Lindqvist', 'Mira Tessaro']],
  secondaryPairs: [],
  mentionedOnly: ['Oren Vale'],
  traps: [],
});

const paths = (value: unknown) => reportKeyProblems(value, 'D99.json').map((p) => `${p.path}: ${p.message}`);

describe('reportKeyProblems', () => {
  it('finds none in a sound key', () => {
    expect(paths(key())).toEqual([]);
  });

  it('names each field of the wrong shape or outside its list, with its path', () => {
    const bad = key() as unknown as Record<string, any>;
    bad.events[0].status = 'DONE';
    bad.events[0].date = '13 May 2021';
    bad.people[0].role = 'guest';
    bad.coverage = 'partly';
    delete bad.traps;
    const found = paths(bad);
    expect(found).toEqual(
      expect.arrayContaining([
        '/events/0/status: must be equal to one of the allowed values',
        '/events/0/date: must match pattern "^\\d{4}(-\\d{2}(-\\d{2})?)?$"',
        '/people/0/role: must be equal to one of the allowed values',
        '/coverage: must match pattern "^(complete|cut)\\b"',
        "/: must have required property 'traps'",
      ]),
    );
    expect(reportKeyProblems(bad, 'D99.json').find((p) => p.path === '/events/0/status')?.expected).toBe(
      'one of HELD, FUTURE, INVITATION, CANCELLED, BACKGROUND',
    );
  });

  it('refuses names the people lack, pairs of one person, dates the calendar lacks and mentioned people who took part', () => {
    const bad = key();
    bad.corePairs = [['Arvo Lindqvist', 'Arvo Lindqvist']];
    bad.secondaryPairs = [['Mira Tessaro', 'Mira Tesaro']];
    bad.mentionedOnly = ['Oren Vale', 'Mira Tessaro'];
    bad.events[0]!.date = '2021-02-30';
    bad.events.push({ ...bad.events[0]!, id: 'E2', date: null, participants: [{ name: 'Ulla Brant', role: 'GUEST' }] });
    expect(paths(bad)).toEqual([
      '/events/0/date: is not a date of the calendar',
      '/events/1/participants/0/name: names "Ulla Brant", who is not among the key\'s people',
      '/corePairs/0: pairs "Arvo Lindqvist" with themselves',
      '/secondaryPairs/0/1: names "Mira Tesaro", who is not among the key\'s people',
      '/mentionedOnly/1: names "Mira Tessaro", a participant of a held event',
    ]);
  });

  it('refuses a core pair that met at no held event, and a pair listed twice', () => {
    const bad = key();
    bad.events[0]!.status = 'FUTURE';
    bad.secondaryPairs = [
      ['Mira Tessaro', 'Oren Vale'],
      ['Oren Vale', 'Mira Tessaro'],
    ];
    bad.mentionedOnly = [];
    expect(paths(bad)).toEqual([
      '/secondaryPairs/1: repeats the pair at /secondaryPairs/0',
      '/corePairs/0: pairs "Arvo Lindqvist" and "Mira Tessaro", who take part in no held event together',
    ]);
  });
});

describe('the development corpus of real reports', () => {
  const folders = ['dev', 'held-out'] as const;
  const keys = folders.flatMap((folder) =>
    readdirSync(join(CORPUS, folder)).map((file) => ({
      folder,
      file,
      value: JSON.parse(readFileSync(join(CORPUS, folder, file), 'utf8')),
    })),
  );

  it('holds keys only, never a report’s text', () => {
    expect(readdirSync(CORPUS).sort()).toEqual(['README.md', 'dev', 'held-out']);
    expect(keys.filter((k) => !k.file.endsWith('.json')).map((k) => k.file)).toEqual([]);
    expect(keys.length).toBeGreaterThanOrEqual(30);
  });

  it('has every key sound: its shape, names among its people, pairs of two, dates at a precision', () => {
    expect(keys.flatMap((k) => reportKeyProblems(k.value, `${k.folder}/${k.file}`))).toEqual([]);
  });

  it('keeps a key in held-out/ exactly when its number is a multiple of 3, in a file named by its id', () => {
    const misplaced = keys.filter((k) => {
      const heldOut = Number((k.value as ReportKey).id.slice(1)) % 3 === 0;
      return k.file !== `${(k.value as ReportKey).id}.json` || heldOut !== (k.folder === 'held-out');
    });
    expect(misplaced.map((k) => `${k.folder}/${k.file}`)).toEqual([]);
  });
});
