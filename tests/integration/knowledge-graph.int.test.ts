import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copiedRuns } from '../../src/domain/copy-check.js';
import { projectPath } from '../../src/project-root.js';
import { exportDocuments } from '../../src/services/export.service.js';
import { ingestFiles } from '../../src/services/ingest.service.js';
import { seedFiles } from '../../src/services/seed.service.js';
import { countsByLabel, countsByType, dumpGraph, openTestDb, resetGraph, type TestDb } from '../helpers/test-db.js';

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

/** Every group of tests starts from the seed alone, whatever ran before it. */
async function seedOnly(): Promise<void> {
  await resetGraph(t.db);
  const seeded = await ingestFiles(t.db, seedFiles());
  expect(seeded.ok).toBe(true);
}

afterAll(async () => {
  await t.close();
});

const SEED_LABELS = {
  Country: 3,
  CountryRelation: 5,
  // Every node a document declares, in one id space.
  Entity: 50,
  IngestLock: 1,
  Meeting: 3,
  Organization: 7,
  Person: 6,
  Place: 1,
  Post: 6,
  Source: 2,
  Statement: 6,
  Tenure: 6,
  // The registry's 51 vocabulary terms, the 11 topics among them also labelled Topic.
  Term: 51,
  Topic: 11,
  TradeFigure: 4,
  Visit: 1,
};

const SEED_TYPES = {
  ABOUT: 7,
  ADDRESSED_TO: 4,
  ATTENDED: 6,
  CITIZEN_OF: 6,
  DELEGATION_OF: 1,
  HELD: 6,
  HELD_IN: 2,
  HOLDS: 5,
  HOSTED_BY: 1,
  IN_COUNTRY: 8,
  IN_ORGANIZATION: 6,
  LED: 1,
  MADE: 6,
  MADE_AT: 6,
  OF_POST: 6,
  ON_BEHALF_OF: 1,
  // The three meetings' eleven topics.
  ON_TOPIC: 11,
  PART_OF: 3,
  PUBLISHED_BY: 1,
  REPORTED_BY: 4,
  SUPPORTED_BY: 66,
  TOWARDS: 5,
  WITH_PARTNER: 4,
};

function writeDocument(value: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'officials-doc-'));
  const file = join(dir, 'document.json');
  writeFileSync(file, JSON.stringify(value));
  return file;
}

const extraSource = (id: string) => ({
  id,
  kind: 'NEWS_REPORT',
  publisher: 'Test Wire',
  title: 'A follow-up report',
  published: '2021-06-10',
  language: 'en',
  paragraphs: 3,
});

describe('the seed', () => {
  beforeAll(seedOnly);

  it('holds exactly the people, institutions, posts, tenures, meetings and facts of the two seed documents', async () => {
    expect(await countsByLabel(t.db)).toEqual(SEED_LABELS);
    expect(await countsByType(t.db)).toEqual(SEED_TYPES);
    const names = await t.db.read('MATCH (p:Person) RETURN p.name AS name ORDER BY name');
    expect(names.map((r) => r.name)).toEqual([
      'Arif Alvi',
      'Muhammad Amjad Khan Niazi',
      'Qamar Javed Bajwa',
      'Sahiba Gafarova',
      'Subhan Bekirov',
      'Zakir Hasanov',
    ]);
  });

  it('records who met whom, in which role and post', async () => {
    const rows = await t.db.read(`
      MATCH (a:Person)-[ra:ATTENDED]->(m:Meeting)<-[rb:ATTENDED]-(b:Person)
      WHERE a.name < b.name
      RETURN m.id AS meeting, m.date AS date, a.name AS a, ra.role AS aRole, ra.post AS aPost,
             b.name AS b, rb.role AS bRole, rb.post AS bPost
      ORDER BY meeting`);
    expect(rows).toEqual([
      {
        meeting: 'meeting-2021-06-04-alvi-gafarova',
        date: '2021-06-04',
        a: 'Arif Alvi',
        aRole: 'ATTENDEE',
        aPost: 'post-pk-president',
        b: 'Sahiba Gafarova',
        bRole: 'ATTENDEE',
        bPost: 'post-az-speaker',
      },
      {
        meeting: 'meeting-2021-06-bekirov-bajwa',
        date: '2021-06',
        a: 'Qamar Javed Bajwa',
        aRole: 'HOST',
        aPost: 'post-pk-chief-of-army-staff',
        b: 'Subhan Bekirov',
        bRole: 'HEAD_OF_VISITING_DELEGATION',
        bPost: 'post-az-navy-commander',
      },
      {
        meeting: 'meeting-2021-06-bekirov-niazi',
        date: '2021-06',
        a: 'Muhammad Amjad Khan Niazi',
        aRole: 'HOST',
        aPost: 'post-pk-chief-of-naval-staff',
        b: 'Subhan Bekirov',
        bRole: 'HEAD_OF_VISITING_DELEGATION',
        bPost: 'post-az-navy-commander',
      },
    ]);
    const [visit] = await t.db.read(`
      MATCH (leader:Person)-[:LED]->(v:Visit)<-[:PART_OF]-(m:Meeting), (v)-[:HOSTED_BY]->(host:Country)
      RETURN leader.name AS leader, host.name AS host, collect(m.id) AS meetings`);
    expect(visit).toEqual({
      leader: 'Subhan Bekirov',
      host: 'Pakistan',
      meetings: expect.arrayContaining(['meeting-2021-06-bekirov-niazi', 'meeting-2021-06-bekirov-bajwa']),
    });
  });

  it('keeps greetings on behalf of another official, the congratulation, and the statements of support', async () => {
    const [greetings] = await t.db.read(`
      MATCH (s:Person)-[:MADE]->(st:Statement {kind: 'GREETINGS'})-[:ON_BEHALF_OF]->(o:Person),
            (st)-[:ADDRESSED_TO]->(to:Person), (st)-[:MADE_AT]->(m:Meeting)
      RETURN s.name AS speaker, o.name AS onBehalfOf, to.name AS addressedTo, m.id AS meeting`);
    expect(greetings).toEqual({
      speaker: 'Subhan Bekirov',
      onBehalfOf: 'Zakir Hasanov',
      addressedTo: 'Qamar Javed Bajwa',
      meeting: 'meeting-2021-06-bekirov-bajwa',
    });
    const kinds = await t.db.read(
      'MATCH (p:Person)-[:MADE]->(st:Statement) RETURN p.name AS speaker, st.kind AS kind ORDER BY speaker, kind',
    );
    expect(kinds).toEqual([
      { speaker: 'Arif Alvi', kind: 'POSITION' },
      { speaker: 'Arif Alvi', kind: 'SUPPORT' },
      { speaker: 'Muhammad Amjad Khan Niazi', kind: 'CONGRATULATION' },
      { speaker: 'Qamar Javed Bajwa', kind: 'READINESS' },
      { speaker: 'Subhan Bekirov', kind: 'EMPHASIS' },
      { speaker: 'Subhan Bekirov', kind: 'GREETINGS' },
    ]);
  });

  it('keeps country relations and trade figures with their periods and currency', async () => {
    const relations = await t.db.read(`
      MATCH (a:Country)-[:HOLDS]->(r:CountryRelation)-[:TOWARDS]->(b:Country)
      RETURN a.id AS from, r.kind AS kind, b.id AS to, r.date AS date ORDER BY kind`);
    expect(relations).toEqual([
      { from: 'PK', kind: 'DIPLOMATIC_RELATIONS', to: 'AZ', date: '1991' },
      { from: 'PK', kind: 'DOES_NOT_RECOGNIZE', to: 'AM', date: null },
      { from: 'PK', kind: 'RECOGNIZED_INDEPENDENCE', to: 'AZ', date: null },
      { from: 'PK', kind: 'SUPPORTED_IN_WAR', to: 'AZ', date: '2020' },
      { from: 'PK', kind: 'SUPPORTS', to: 'AZ', date: null },
    ]);
    const trade = await t.db.read(`
      MATCH (t:TradeFigure)-[:REPORTED_BY]->(r:Country), (t)-[:WITH_PARTNER]->(p:Country)
      RETURN r.id AS reporter, p.id AS partner, t.flow AS flow, t.period AS period, t.periodPrecision AS precision,
             t.periodFrom AS from, t.periodTo AS to, t.amount AS amount, t.currency AS currency
      ORDER BY period, flow`);
    expect(trade).toEqual([
      {
        reporter: 'AZ',
        partner: 'PK',
        flow: 'EXPORTS',
        period: '2020',
        precision: 'YEAR',
        from: '2020-01-01',
        to: '2020-12-31',
        amount: 1600000,
        currency: 'USD',
      },
      {
        reporter: 'AZ',
        partner: 'PK',
        flow: 'IMPORTS',
        period: '2020',
        precision: 'YEAR',
        from: '2020-01-01',
        to: '2020-12-31',
        amount: 11600000,
        currency: 'USD',
      },
      {
        reporter: 'AZ',
        partner: 'PK',
        flow: 'TURNOVER',
        period: '2020',
        precision: 'YEAR',
        from: '2020-01-01',
        to: '2020-12-31',
        amount: 13200000,
        currency: 'USD',
      },
      {
        reporter: 'AZ',
        partner: 'PK',
        flow: 'TURNOVER',
        period: '2021-Q1',
        precision: 'QUARTER',
        from: '2021-01-01',
        to: '2021-03-31',
        amount: 3100000,
        currency: 'USD',
      },
    ]);
  });

  it('merges what the second document adds: terms of office, hierarchy, spellings in other scripts', async () => {
    const [alvi] = await t.db.read(
      `MATCH (:Person {id: 'person-arif-alvi'})-[:HELD]->(t:Tenure) RETURN t.start AS start, t.end AS end, t.attested AS attested`,
    );
    expect(alvi).toEqual({ start: '2018-09-09', end: '2024-03-10', attested: '2021-06-04' });
    const [navy] = await t.db.read(
      `MATCH (:Organization {id: 'org-az-navy'})-[r:PART_OF]->(p:Organization) RETURN p.id AS parent, r.sourceIds AS sources`,
    );
    expect(navy).toEqual({ parent: 'org-az-mod', sources: ['editorial-reference-2021-officials'] });
    const [bekirov] = await t.db.read(
      `MATCH (p:Person {id: 'person-subhan-bekirov'}) RETURN p.aliases AS aliases, p.otherIds AS otherIds, p.otherIdText AS otherIdText`,
    );
    expect(bekirov).toEqual({
      aliases: ['Subhan Bakirov', 'Субхан Бекиров', 'Субхан Бакиров'],
      otherIds: ['ref-bekirov-cyrillic'],
      otherIdText: '|ref-bekirov-cyrillic|',
    });
  });

  it('leaves no node or relationship without a source, and every evidence paragraph exists in its source', async () => {
    const [unsupported] = await t.db.read(
      // Vocabulary terms are the registry's or list the sources that declared them; they state no fact.
      `MATCH (n) WHERE NOT n:Source AND NOT n:IngestLock AND NOT n:Term AND NOT (n)-[:SUPPORTED_BY]->(:Source) RETURN count(n) AS n`,
    );
    expect(unsupported!.n).toBe(0);
    const [bare] = await t.db.read(
      // A meeting's link to its topics is drawn from its own topics, whose evidence is the meeting's.
      `MATCH ()-[r]->() WHERE NOT type(r) IN ['SUPPORTED_BY', 'ON_TOPIC'] AND size(coalesce(r.sourceIds, [])) = 0 RETURN count(r) AS n`,
    );
    expect(bare!.n).toBe(0);
    const [dangling] = await t.db.read(`
      MATCH ()-[r]->() WHERE r.sourceIds IS NOT NULL
      UNWIND range(0, size(r.sourceIds) - 1) AS i
      OPTIONAL MATCH (s:Source {id: r.sourceIds[i]})
      WITH r, i, s WHERE s IS NULL OR r.paragraphs[i] > s.paragraphs OR size(r.notes[i]) < 3
      RETURN count(*) AS n`);
    expect(dangling!.n).toBe(0);
    const [outOfRange] = await t.db.read(
      `MATCH ()-[e:SUPPORTED_BY]->(s:Source) WHERE e.paragraph > s.paragraphs OR e.note IS NULL RETURN count(e) AS n`,
    );
    expect(outOfRange!.n).toBe(0);
  });

  it('carries facts over in our own words: no note or summary repeats eight words in a row of the article', async () => {
    const { hashes } = JSON.parse(
      readFileSync(projectPath('seed', 'fingerprints', 'azernews-2021-06-09-azerbaijan-pakistan.json'), 'utf8'),
    ) as { hashes: string[] };
    expect(hashes.length).toBeGreaterThan(250);
    const texts = (
      await t.db.read(`
      MATCH ()-[e:SUPPORTED_BY]->() RETURN e.note AS text
      UNION MATCH (n) WHERE n.summary IS NOT NULL RETURN n.summary AS text`)
    ).map((r) => r.text as string);
    expect(texts.length).toBeGreaterThan(60);
    expect(texts.flatMap((text) => copiedRuns(text, hashes))).toEqual([]);
  });
});

const TRANSLITERATED = 'the same name or alias, after transliteration (another script, kh/h, dzh/j, ə/a)';

/** A later report that spells Bekirov another way and names Niazi in Cyrillic, with a meeting of the two. */
function followUpDocument() {
  return {
    format: 'officials-graph/source-document@1',
    sources: [extraSource('follow-up-report')],
    people: [
      { id: 'bakirov', name: 'Subhan Bakirov', evidence: [{ paragraph: 1, note: 'the commander, with the other spelling' }] },
      {
        id: 'niazi-ru',
        name: 'Мухаммад Амджад Хан Ниази',
        evidence: [{ paragraph: 1, note: 'the admiral, in Cyrillic' }],
      },
    ],
    meetings: [
      {
        id: 'meeting-follow-up',
        date: '2021-06-10',
        format: 'ONE_ON_ONE',
        topics: ['NAVAL_COOPERATION'],
        summary: 'A follow-up talk between the two naval chiefs.',
        participants: [
          { person: 'bakirov', role: 'ATTENDEE' },
          { person: 'niazi-ru', role: 'ATTENDEE' },
        ],
        evidence: [{ paragraph: 2, note: 'the follow-up talk' }],
      },
    ],
  };
}

describe('ingestion', () => {
  beforeEach(seedOnly);

  it('changes nothing when the same documents are ingested again', async () => {
    const before = await dumpGraph(t.db);
    const again = await ingestFiles(t.db, seedFiles());
    expect(again.ok).toBe(true);
    expect(await dumpGraph(t.db)).toEqual(before);
  });

  it('reports every problem of a bad document, with its path, and writes nothing', async () => {
    const before = await dumpGraph(t.db);
    const file = writeDocument({
      format: 'officials-graph/source-document@1',
      sources: [extraSource('bad-doc-source')],
      people: [
        { id: 'p-new', name: 'New Official', country: 'XX', evidence: [{ paragraph: 1, note: 'named here' }] },
        { id: 'p-new', name: 'Another Official', evidence: [{ paragraph: 9, note: 'paragraph the source lacks' }] },
      ],
      meetings: [
        {
          id: 'm-new',
          date: '2021-02-30',
          format: 'BILATERAL',
          topics: ['DEMINING'],
          summary: 'A meeting.',
          participants: [
            { person: 'p-new', role: 'HOST' },
            { person: 'person-ghost', role: 'ATTENDEE' },
          ],
          evidence: [{ paragraph: 2, note: 'the meeting' }],
        },
      ],
    });
    const result = await ingestFiles(t.db, [file]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path).sort()).toEqual([
      '/meetings/0/date',
      '/meetings/0/participants/1/person',
      '/people/0/country',
      '/people/1/evidence/0/paragraph',
      '/people/1/id',
    ]);
    expect(result.problems.every((p) => p.message.length > 0 && p.expected)).toBe(true);
    expect(await dumpGraph(t.db)).toEqual(before);
  });

  it('reports schema problems all at once, each with what was expected', async () => {
    const file = writeDocument({
      format: 'officials-graph/source-document@1',
      sources: [{ ...extraSource('schema-bad'), language: 'English' }],
      countries: [{ id: 'ZZ', evidence: [{ paragraph: 1, note: 'x' }] }],
      meetings: [{ id: 'm', format: 'dinner', topics: [], summary: 's', participants: [], evidence: [], colour: 'red' }],
    });
    const result = await ingestFiles(t.db, [file]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path, p.expected]));
    expect(Object.keys(byPath).sort()).toEqual([
      '/countries/0/evidence/0/note',
      '/countries/0/name',
      '/meetings/0/colour',
      '/meetings/0/evidence',
      '/meetings/0/format',
      '/meetings/0/participants',
      '/sources/0/language',
    ]);
    expect(byPath['/meetings/0/format']).toContain('capitals');
  });

  it('checks references and dates of a document the schema refused, so one run lists all three problems', async () => {
    const file = writeDocument({
      format: 'officials-graph/source-document@1',
      sources: [extraSource('schema-and-rules-bad')],
      people: [
        { id: 'p-nameless', evidence: [{ paragraph: 1, note: 'named without a name' }] },
        { id: 'p-named', name: 'Named Official', evidence: [{ paragraph: 1, note: 'named here' }] },
      ],
      meetings: [
        {
          id: 'm-dated-wrong',
          date: '2021-02-30',
          format: 'BILATERAL',
          topics: ['DEMINING'],
          summary: 'A meeting.',
          participants: [
            { person: 'p-named', role: 'HOST' },
            { person: 'p-nameless', role: 'ATTENDEE' },
            { person: 'person-ghost', role: 'ATTENDEE' },
          ],
          evidence: [{ paragraph: 2, note: 'the meeting' }],
        },
      ],
    });
    const result = await ingestFiles(t.db, [file]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // The nameless person is refused by the schema; the reference to it is not reported again.
    expect(result.problems.map((p) => p.path).sort()).toEqual(['/meetings/0/date', '/meetings/0/participants/2/person', '/people/0/name']);
  });

  it('links a person spelled differently, in Latin or Cyrillic script, to the person already in the graph', async () => {
    const file = writeDocument(followUpDocument());
    const result = await ingestFiles(t.db, [file]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.linkedPeople).toEqual([
      { documentId: 'bakirov', personId: 'person-subhan-bekirov', reason: TRANSLITERATED },
      { documentId: 'niazi-ru', personId: 'person-amjad-khan-niazi', reason: TRANSLITERATED },
    ]);
    expect((await countsByLabel(t.db)).Person).toBe(6);
    const attendees = await t.db.read(`MATCH (p:Person)-[:ATTENDED]->(:Meeting {id: 'meeting-follow-up'}) RETURN p.id AS id ORDER BY id`);
    expect(attendees.map((r) => r.id)).toEqual(['person-amjad-khan-niazi', 'person-subhan-bekirov']);
    const [niazi] = await t.db.read(`MATCH (p:Person {id: 'person-amjad-khan-niazi'}) RETURN p.name AS name, p.aliases AS aliases`);
    expect(niazi).toEqual({
      name: 'Muhammad Amjad Khan Niazi',
      aliases: ['Amjad Khan Niazi', 'Мухаммад Амджад Хан Ниази'],
    });
  });

  it('round-trips: ingesting the export into an empty graph gives the same graph', async () => {
    expect((await ingestFiles(t.db, [writeDocument(followUpDocument())])).ok).toBe(true);
    const before = await dumpGraph(t.db);
    const { documents } = await exportDocuments(t.db);
    expect(documents.map((d) => d.sources[0]!.id).sort()).toEqual([
      'azernews-2021-06-09-az-pk-military-talks',
      'editorial-reference-2021-officials',
      'follow-up-report',
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'officials-export-'));
    for (const doc of documents) writeFileSync(join(dir, `${doc.sources[0]!.id}.json`), JSON.stringify(doc));
    await resetGraph(t.db);
    const result = await ingestFiles(
      t.db,
      readdirSync(dir).map((f) => join(dir, f)),
    );
    expect(result.ok ? 'ok' : result.problems.map((p) => `${p.file} ${p.path}: ${p.message}`)).toBe('ok');
    expect(await dumpGraph(t.db)).toEqual(before);
  });
});
