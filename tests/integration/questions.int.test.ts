import { describe, expect, it } from 'vitest';
import { execute } from '../helpers/execute.js';
import { useSeededGraph } from '../helpers/graph-fixtures.js';

const graph = useSeededGraph();
const run = <T = any>(query: string, variables: Record<string, unknown> = {}) => execute<T>(graph.server, graph.t.db, query, variables);

describe('countries', () => {
  it("answer Azerbaijan's trade figures with the article's amounts, filtered by period", async () => {
    const { data, errors } = await run(`{ country(id: "AZ") {
      all: tradeFigures { flow period { value } amount currency partner { id } reporter { id } evidence { paragraph } }
      in2021: tradeFigures(partner: "PK", period: { from: "2021", to: "2021" }) { flow period { value } amount }
    } }`);
    expect(errors).toBeUndefined();
    expect(data.country.all.map((f: any) => [f.flow, f.period.value, f.amount])).toEqual([
      ['EXPORTS', '2020', 1_600_000],
      ['IMPORTS', '2020', 11_600_000],
      ['TURNOVER', '2020', 13_200_000],
      ['TURNOVER', '2021-Q1', 3_100_000],
    ]);
    expect(data.country.all[0]).toMatchObject({
      currency: 'USD',
      partner: { id: 'PK' },
      reporter: { id: 'AZ' },
      evidence: [{ paragraph: 10 }],
    });
    expect(data.country.in2021).toEqual([{ flow: 'TURNOVER', period: { value: '2021-Q1' }, amount: 3_100_000 }]);
  });

  it("answer Pakistan's relations: early recognition of Azerbaijan, non-recognition of Armenia", async () => {
    const { data, errors } = await run(`{ country(id: "PK") {
      relations { kind towards { name } summary holder { id } }
      armenia: relations(towards: "AM") { kind }
      recognition: relations(kind: "RECOGNIZED_INDEPENDENCE") { towards { id } }
    } }`);
    expect(errors).toBeUndefined();
    expect(data.country.relations.map((r: any) => `${r.kind} → ${r.towards.name}`).sort()).toEqual([
      'DIPLOMATIC_RELATIONS → Azerbaijan',
      'DOES_NOT_RECOGNIZE → Armenia',
      'RECOGNIZED_INDEPENDENCE → Azerbaijan',
      'SUPPORTED_IN_WAR → Azerbaijan',
      'SUPPORTS → Azerbaijan',
    ]);
    expect(data.country.relations.every((r: any) => r.holder.id === 'PK' && r.summary.length > 0)).toBe(true);
    expect(data.country.armenia).toEqual([{ kind: 'DOES_NOT_RECOGNIZE' }]);
    expect(data.country.recognition).toEqual([{ towards: { id: 'AZ' } }]);
  });

  it('list officials as of a date and organizations, one statement per level and type for every country', async () => {
    const { data, errors, statements } = await run(`{ countries {
      id
      officials(asOf: "2021-06-04") { person { name } post { title } }
      organizations { id }
      relations { towards { name } }
    } }`);
    expect(errors).toBeUndefined();
    const byId = Object.fromEntries(data.countries.map((c: any) => [c.id, c]));
    expect(byId.PK.officials.map((t: any) => t.person.name).sort()).toEqual([
      'Arif Alvi',
      'Muhammad Amjad Khan Niazi',
      'Qamar Javed Bajwa',
    ]);
    expect(byId.AZ.officials.map((t: any) => t.person.name).sort()).toEqual(['Sahiba Gafarova', 'Subhan Bekirov', 'Zakir Hasanov']);
    expect(byId.AZ.organizations.length).toBeGreaterThan(0);
    // countries; Country details (organizations, relations); Country officials; Tenure details (person, post);
    // CountryRelation details (towards): one per level and type, however many countries.
    expect(statements).toBe(5);
  });
});

describe('statements of a person', () => {
  it('lists what the person said, what was said on their behalf and to them, with their part in it', async () => {
    const { data, errors } = await run(`{
      hasanov: person(id: "person-zakir-hasanov") { statements { role statement { id speaker { name } } } }
      bajwa: person(id: "person-qamar-javed-bajwa") { statements { role statement { id } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.hasanov.statements).toEqual([
      { role: 'ON_WHOSE_BEHALF', statement: { id: 'statement-bekirov-greetings-from-hasanov', speaker: { name: 'Subhan Bekirov' } } },
    ]);
    expect(data.bajwa.statements.map((s: any) => `${s.role} ${s.statement.id}`).sort()).toEqual([
      'ADDRESSEE statement-bekirov-greetings-from-hasanov',
      'SPEAKER statement-bajwa-readiness-demining',
    ]);
  });

  it("puts greetings conveyed on a person's behalf in the person's timeline", async () => {
    const { data, errors } = await run(`{ timeline(personId: "person-zakir-hasanov") { kind date { value } description } }`);
    expect(errors).toBeUndefined();
    const onBehalf = data.timeline.filter((e: any) => e.kind === 'STATEMENT_ON_BEHALF');
    expect(onBehalf).toHaveLength(1);
    expect(onBehalf[0].date.value).toBe('2021-06');
    expect(onBehalf[0].description).toContain('(made on their behalf by Subhan Bekirov)');
  });
});

describe('period filters', () => {
  it('keep meetings that may fall in the period (OVERLAPS) or only those that surely do (WITHIN)', async () => {
    const ids = async (match: string) => {
      const { data, errors } = await run(
        `query($m: PeriodMatch) { meetings(where: { period: { from: "2021-06-04", to: "2021-06-04", match: $m } }) { nodes { id } } }`,
        { m: match },
      );
      expect(errors).toBeUndefined();
      return data.meetings.nodes.map((n: any) => n.id).sort();
    };
    expect(await ids('OVERLAPS')).toEqual([
      'meeting-2021-06-04-alvi-gafarova',
      'meeting-2021-06-bekirov-bajwa',
      'meeting-2021-06-bekirov-niazi',
    ]);
    expect(await ids('WITHIN')).toEqual(['meeting-2021-06-04-alvi-gafarova']);
    const { data } = await run(
      `query($day: String!, $bekirov: ID!) {
      overlaps: counterparts(personId: $bekirov, period: { from: $day, to: $day }) { person { id } }
      within: counterparts(personId: $bekirov, period: { from: $day, to: $day, match: WITHIN }) { person { id } }
      timeline(personId: "person-arif-alvi", period: { from: $day, to: $day, match: WITHIN }) { kind date { value } }
    }`,
      { day: '2021-06-04', bekirov: 'person-subhan-bekirov' },
    );
    expect(data.overlaps).toHaveLength(2);
    expect(data.within).toEqual([]);
    expect(data.timeline.every((e: any) => e.date.value === '2021-06-04')).toBe(true);
  });
});

describe('lookups by an id that does not exist', () => {
  it('fail with NOT_FOUND naming the argument and the id', async () => {
    const cases: [string, string][] = [
      ['{ person(id: "nobody") { id } }', 'id'],
      ['{ organization(id: "nobody") { id } }', 'id'],
      ['{ post(id: "nobody") { id } }', 'id'],
      ['{ country(id: "XX") { id } }', 'id'],
      ['{ meeting(id: "nobody") { id } }', 'id'],
      ['{ source(id: "nobody") { id } }', 'id'],
      ['{ postHolders(postId: "no-such-post", asOf: "2021-06") { id } }', 'postId'],
      ['{ counterparts(personId: "nobody") { meetingCount } }', 'personId'],
      ['{ meetingsBetween(personA: "person-arif-alvi", personB: "nobody") { id } }', 'personB'],
      ['{ meetingsBetweenCountries(countryA: "AZ", countryB: "XX") { id } }', 'countryB'],
      ['{ organizationMembers(organizationId: "nobody", asOf: "2021") { id } }', 'organizationId'],
      ['{ connections(from: "nobody", to: "person-arif-alvi") { hops { explanation } } }', 'from'],
      ['{ timeline(personId: "nobody") { kind } }', 'personId'],
    ];
    for (const [query, argument] of cases) {
      const { errors } = await run(query);
      expect(errors?.[0], query).toMatchObject({ extensions: { code: 'NOT_FOUND', argument } });
      expect(errors![0]!.message, query).toMatch(/"(nobody|XX|no-such-post)"/);
    }
    const wrongKind = await run('{ postHolders(postId: "person-arif-alvi", asOf: "2021-06") { id } }');
    expect(wrongKind.errors?.[0]).toMatchObject({
      message: '"person-arif-alvi" is a Person, not a Post',
      extensions: { code: 'NOT_FOUND', argument: 'postId' },
    });
  });

  it('still answer an empty list for an entity that exists and has nothing to show, and old ids after a merge', async () => {
    const { data, errors } = await run('{ postHolders(postId: "post-pk-president", asOf: "1990") { id } }');
    expect(errors).toBeUndefined();
    expect(data.postHolders).toEqual([]);
  });
});

describe('text search', () => {
  it('finds what happened in words: demining in a meeting, a statement and evidence notes, each with where it matched', async () => {
    const { data, errors, statements } = await run(`{ search(text: "which meetings were about demining?") {
      kind field fragment score
      entity { __typename ... on Meeting { id } ... on Statement { id } ... on Person { id } ... on Visit { id } }
      evidence { source { id } paragraph }
    } }`);
    expect(errors).toBeUndefined();
    expect(statements).toBe(1);
    const hits = data.search.map((h: any) => `${h.kind} ${h.entity.id} ${h.field}`);
    expect(hits).toContain('MEETING meeting-2021-06-bekirov-bajwa topics');
    // The statement's summary says "mine clearance"; its evidence note says demining.
    expect(hits).toContain('EVIDENCE statement-bajwa-readiness-demining note');
    for (const hit of data.search) {
      if (hit.field !== 'name') expect(hit.fragment).toMatch(/<mark>[^<]+<\/mark>/);
      expect(hit.score).toBeGreaterThan(0);
      if (hit.kind === 'EVIDENCE') expect(hit.evidence.paragraph).toBeGreaterThanOrEqual(0);
    }
  });

  it('finds people by name and alias, in another script too, and keeps to the kinds asked for', async () => {
    const { data, errors } = await run(`{
      cyrillic: search(text: "Бекиров", kinds: [PERSON]) { kind field fragment entity { ... on Person { id } } }
      niazi: search(text: "niazi", kinds: [PERSON]) { field fragment entity { ... on Person { id } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.cyrillic).toEqual([
      { kind: 'PERSON', field: 'aliases', fragment: 'Субхан <mark>Бекиров</mark>', entity: { id: 'person-subhan-bekirov' } },
    ]);
    expect(data.niazi[0]).toEqual({
      field: 'name',
      fragment: 'Muhammad Amjad Khan <mark>Niazi</mark>',
      entity: { id: 'person-amjad-khan-niazi' },
    });
  });

  it('refuses a text without a word', async () => {
    const { errors } = await run('{ search(text: " ?! ") { kind } }');
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'text' } });
  });
});
