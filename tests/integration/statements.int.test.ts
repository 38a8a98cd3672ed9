import { describe, expect, it } from 'vitest';
import { recordingDb } from '../../bench/api.js';
import { KEY_QUESTIONS } from '../../bench/questions.js';
import { IDE_EXAMPLES } from '../../src/api/ide/examples.js';
import { FIND_CURRENT_PERSON_ID } from '../../src/repositories/merge.repository.js';
import { type Executed, execute } from '../helpers/execute.js';
import { shippedFavourites, useSeededGraph } from '../helpers/graph-fixtures.js';

const graph = useSeededGraph();
const run = <T = any>(query: string, variables: Record<string, unknown> = {}) => execute<T>(graph.server, graph.t.db, query, variables);

const BEKIROV = 'person-subhan-bekirov';
const BAJWA = 'person-qamar-javed-bajwa';

/** Each key question's variables on the seed. */
const KEY_VARIABLES: Record<keyof typeof KEY_QUESTIONS, Record<string, unknown>> = {
  whomMet: { id: BEKIROV },
  meetingsBetween: { a: BEKIROV, b: BAJWA },
  path: { a: 'person-zakir-hasanov', b: BAJWA },
  topContacts: { id: BEKIROV },
  postHolders: { post: 'post-pk-chief-of-naval-staff', date: '2021-06' },
  aliasSearch: { name: 'Bakirov' },
};
const keyQuestions = Object.keys(KEY_QUESTIONS) as (keyof typeof KEY_QUESTIONS)[];

describe('the Cypher the project sends', () => {
  it('uses nothing Neo4j calls deprecated: the questions, the IDE examples, the favourites and the merge lookups', async () => {
    const recorder = recordingDb(graph.t.db);
    recorder.capture = [];
    const asked: [string, Record<string, unknown>][] = [
      ...keyQuestions.map((question): [string, Record<string, unknown>] => [KEY_QUESTIONS[question], KEY_VARIABLES[question]]),
      ...IDE_EXAMPLES.map((example): [string, Record<string, unknown>] => [example.query, example.variables ?? {}]),
    ];
    for (const [query, variables] of asked) expect((await execute(graph.server, recorder, query, variables)).errors).toBeUndefined();
    const statements = [
      ...recorder.capture.map((s) => ({ cypher: s.cypher, params: s.params })),
      ...shippedFavourites().map(({ cypher }) => ({ cypher, params: {} })),
      { cypher: FIND_CURRENT_PERSON_ID, params: { id: BEKIROV } },
    ];
    expect(statements.length).toBeGreaterThan(IDE_EXAMPLES.length);
    const deprecated: string[] = [];
    // The project's driver asks for no notifications; this session asks for them again.
    const session = graph.t.driver.session({ database: 'neo4j', notificationFilter: { minimumSeverityLevel: 'INFORMATION' } });
    try {
      for (const { cypher, params } of statements) {
        const { summary } = await session.run(`EXPLAIN ${cypher}`, params);
        for (const n of summary.notifications) if (n.category === 'DEPRECATION') deprecated.push(`${n.description}\n${cypher}`);
      }
    } finally {
      await session.close();
    }
    expect(deprecated).toEqual([]);
  });
});

describe('the key questions, compiled from what they ask', () => {
  it('each answers in one statement', async () => {
    const asked = {} as Record<keyof typeof KEY_QUESTIONS, Executed<any>>;
    for (const question of keyQuestions) asked[question] = await run(KEY_QUESTIONS[question], KEY_VARIABLES[question]);
    expect(Object.keys(asked)).toHaveLength(6);
    for (const [question, result] of Object.entries(asked)) {
      expect(result.errors, question).toBeUndefined();
      expect(result.statements, question).toBe(1);
    }
    expect(asked.meetingsBetween.data.meetingsBetween).toEqual([
      expect.objectContaining({
        participants: expect.arrayContaining([
          { role: expect.any(String), person: { id: BEKIROV, name: 'Subhan Bekirov' } },
          { role: expect.any(String), person: { id: BAJWA, name: 'Qamar Javed Bajwa' } },
        ]),
      }),
    ]);
    expect(asked.postHolders.data.postHolders).toEqual([
      {
        start: { value: '2020-10-07' },
        end: { value: '2023-10-07' },
        person: { id: 'person-amjad-khan-niazi', name: 'Muhammad Amjad Khan Niazi' },
      },
    ]);
    expect(asked.topContacts.data.counterparts.map((c: { person: { id: string } }) => c.person.id)).toContain(BAJWA);
  });

  it('tells an empty answer from a wrong id within that statement', async () => {
    const empty = await run(KEY_QUESTIONS.postHolders, { post: 'post-pk-chief-of-naval-staff', date: '1990' });
    expect(empty).toMatchObject({ data: { postHolders: [] }, errors: undefined, statements: 1 });
    const wrongKind = await run(KEY_QUESTIONS.postHolders, { post: BAJWA, date: '2021' });
    expect(wrongKind.errors?.[0]).toMatchObject({
      message: `"${BAJWA}" is a Person, not a Post`,
      extensions: { code: 'NOT_FOUND', argument: 'postId' },
    });
    expect(wrongKind.statements).toBe(1);
  });

  it('answers a folded first level exactly as the per-level loaders do', async () => {
    const selection = `participants { role post { id title } person { id name aliases country { id } }
      evidence { paragraph note source { id publisher } } }
      place { ... on Country { id name } ... on Place { id name } } topics { code label } date { value precision }`;
    const folded = await run<{ meetingsBetween: { id: string }[] }>(
      `{ meetingsBetween(personA: "${BEKIROV}", personB: "${BAJWA}") { id ${selection} } }`,
    );
    expect(folded.errors).toBeUndefined();
    const [first] = folded.data!.meetingsBetween;
    const loaded = await run<{ meeting: unknown }>(`{ meeting(id: "${first!.id}") { id ${selection} } }`);
    expect(folded.data!.meetingsBetween[0]).toEqual(loaded.data!.meeting);
    // meetingsBetween with Meeting details folded in, then Person details (country); meeting: its own, Meeting, Person.
    expect([folded.statements, loaded.statements]).toEqual([2, 3]);
  });

  it('loads a value asked two ways in one request once per way, each with what it asked', async () => {
    const { data, errors } = await run(`{ meetingsBetween(personA: "${BEKIROV}", personB: "${BAJWA}") {
      a: participants { person { id } }
      b: participants { person { name } evidence { paragraph } }
    } }`);
    expect(errors).toBeUndefined();
    const [meeting] = (data as { meetingsBetween: { a: { person: { id: string } }[]; b: { evidence: unknown[] }[] }[] }).meetingsBetween;
    expect(meeting!.a.map((p) => p.person.id)).toContain(BEKIROV);
    expect(meeting!.b.every((p) => p.evidence.length > 0)).toBe(true);
  });
});
