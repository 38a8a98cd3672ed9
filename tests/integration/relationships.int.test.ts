import { describe, expect, it } from 'vitest';
import { execute } from '../helpers/execute.js';
import { useSeededGraph } from '../helpers/graph-fixtures.js';
import { countsByLabel } from '../helpers/test-db.js';

const graph = useSeededGraph();
const { server } = graph;

const run = <T = any>(query: string, variables: Record<string, unknown> = {}, authenticated = false) =>
  execute<T>(server, graph.t.db, query, variables, { authenticated });

describe('who met whom', () => {
  const COUNTERPARTS = /* GraphQL */ `
    query($id: ID!, $country: ID, $period: PeriodInput) {
      counterparts(personId: $id, country: $country, period: $period) {
        person { name }
        meetingCount firstMet { value } lastMet { value }
        encounters {
          meeting { id date { value } place { ... on Country { name } } topics { code } }
          role post { title } counterpartRole counterpartPost { title }
        }
      }
    }`;

  it('says whom Subhan Bekirov met, when, where, and in what capacity each side was there', async () => {
    const { data, errors } = await run(COUNTERPARTS, { id: 'person-subhan-bekirov' });
    expect(errors).toBeUndefined();
    const byName = Object.fromEntries(data.counterparts.map((c: any) => [c.person.name, c]));
    expect(Object.keys(byName).sort()).toEqual(['Muhammad Amjad Khan Niazi', 'Qamar Javed Bajwa']);
    expect(byName['Muhammad Amjad Khan Niazi'].encounters).toEqual([
      {
        meeting: {
          id: 'meeting-2021-06-bekirov-niazi',
          date: { value: '2021-06' },
          place: { name: 'Pakistan' },
          topics: expect.arrayContaining([{ code: 'NAVAL_COOPERATION' }, { code: 'EXCHANGE_VISITS_OF_SERVICEMEN' }]),
        },
        role: 'HEAD_OF_VISITING_DELEGATION',
        post: { title: 'Commander of the Naval Forces of Azerbaijan' },
        counterpartRole: 'HOST',
        counterpartPost: { title: 'Chief of the Naval Staff of Pakistan' },
      },
    ]);
    expect(byName['Qamar Javed Bajwa'].encounters[0].counterpartPost).toEqual({ title: 'Chief of Army Staff of Pakistan' });
  });

  it('says whom Arif Alvi met: Sahiba Gafarova, on 4 June 2021', async () => {
    const { data } = await run(COUNTERPARTS, { id: 'person-arif-alvi' });
    expect(data.counterparts).toEqual([
      expect.objectContaining({
        person: { name: 'Sahiba Gafarova' },
        meetingCount: 1,
        firstMet: { value: '2021-06-04' },
        lastMet: { value: '2021-06-04' },
      }),
    ]);
    expect(data.counterparts[0].encounters[0]).toMatchObject({
      post: { title: 'President of Pakistan' },
      counterpartPost: { title: 'Speaker of the Parliament of Azerbaijan' },
    });
  });

  it('restricts by counterpart country and by period', async () => {
    expect((await run(COUNTERPARTS, { id: 'person-subhan-bekirov', country: 'AZ' })).data.counterparts).toEqual([]);
    expect((await run(COUNTERPARTS, { id: 'person-subhan-bekirov', country: 'PK' })).data.counterparts).toHaveLength(2);
    expect((await run(COUNTERPARTS, { id: 'person-arif-alvi', period: { from: '2021-06-05' } })).data.counterparts).toEqual([]);
    expect((await run(COUNTERPARTS, { id: 'person-arif-alvi', period: { to: '2021-06' } })).data.counterparts).toHaveLength(1);
  });

  it('ranks top contacts by meeting count', async () => {
    const { data } = await run(
      `{ counterparts(personId: "person-subhan-bekirov", orderBy: MEETING_COUNT_DESC, first: 1) { person { name } meetingCount } }`,
    );
    expect(data.counterparts).toEqual([{ person: { name: expect.any(String) }, meetingCount: 1 }]);
  });

  it('finds meetings between two people and between officials of two countries', async () => {
    const between = await run(`{ meetingsBetween(personA: "person-qamar-javed-bajwa", personB: "person-subhan-bekirov") { id } }`);
    expect(between.data.meetingsBetween).toEqual([{ id: 'meeting-2021-06-bekirov-bajwa' }]);
    const countries = await run(`{ meetingsBetweenCountries(countryA: "AZ", countryB: "PK") { id date { value } } }`);
    // Earliest possible day first: a meeting known only as "June 2021" may precede 4 June.
    expect(countries.data.meetingsBetweenCountries.map((m: any) => m.id)).toEqual([
      'meeting-2021-06-bekirov-bajwa',
      'meeting-2021-06-bekirov-niazi',
      'meeting-2021-06-04-alvi-gafarova',
    ]);
  });
});

describe('connections', () => {
  it('shows Zakir Hasanov met neither Pakistani officer, yet reached Bajwa through Bekirov, each hop explained, sourced', async () => {
    const met = await run(
      `{ counterparts(personId: "person-zakir-hasanov") { person { name } }
         meetingsBetween(personA: "person-zakir-hasanov", personB: "person-qamar-javed-bajwa") { id } }`,
    );
    expect(met.data).toEqual({ counterparts: [], meetingsBetween: [] });

    const { data, errors } = await run(/* GraphQL */ `{
      connections(from: "person-zakir-hasanov", to: "person-qamar-javed-bajwa", kinds: [MEETINGS, STATEMENTS], maxHops: 4, first: 5) {
        length
        path { __typename ... on Person { id } ... on Meeting { id } ... on Statement { id } }
        hops { relationship explanation evidence { paragraph note source { publisher } } }
      }
    }`);
    expect(errors).toBeUndefined();
    const throughBekirov = data.connections.find((c: any) => c.path.some((e: any) => e.id === 'person-subhan-bekirov'));
    expect(throughBekirov).toBeDefined();
    expect(throughBekirov.path.map((e: any) => e.id)).toEqual([
      'person-zakir-hasanov',
      'statement-bekirov-greetings-from-hasanov',
      'person-subhan-bekirov',
      'meeting-2021-06-bekirov-bajwa',
      'person-qamar-javed-bajwa',
    ]);
    expect(throughBekirov.hops.map((h: any) => h.explanation)).toEqual([
      'the statement "Passed on the greetings of Azerbaijan\'s defence minister." was made on behalf of Zakir Hasanov',
      'Subhan Bekirov made the statement "Passed on the greetings of Azerbaijan\'s defence minister."',
      'Subhan Bekirov attended the bilateral meeting of 2021-06 as head of the visiting delegation',
      'Qamar Javed Bajwa attended the bilateral meeting of 2021-06 as host',
    ]);
    for (const hop of throughBekirov.hops)
      expect(hop.evidence[0]).toMatchObject({ source: { publisher: 'AzerNews' }, paragraph: expect.any(Number) });
    const lengths = data.connections.map((c: any) => c.length);
    expect(lengths).toEqual([...lengths].sort((a: number, b: number) => a - b));
  });

  it('connects a person to a country, and honours the kinds and the hop limit', async () => {
    const toCountry = await run(
      `{ connections(from: "person-arif-alvi", to: "AZ", kinds: [COUNTRIES, COUNTRY_RELATIONS], maxHops: 3, first: 1) {
           length hops { explanation } } }`,
    );
    expect(toCountry.errors).toBeUndefined();
    expect(toCountry.data.connections).toHaveLength(1);
    expect(toCountry.data.connections[0].length).toBe(3);
    expect(toCountry.data.connections[0].hops[0].explanation).toBe('Arif Alvi is a citizen of Pakistan');
    const citizenshipOnly = await run(`{ connections(from: "person-arif-alvi", to: "AZ", kinds: [COUNTRIES]) { length } }`);
    expect(citizenshipOnly.data.connections).toEqual([]);
    const short = await run(
      `{ connections(from: "person-zakir-hasanov", to: "person-qamar-javed-bajwa", kinds: [MEETINGS], maxHops: 4) { length } }`,
    );
    expect(short.data.connections).toEqual([]);
  });

  it('rejects unknown ends, naming the end that is unknown, and limits out of range', async () => {
    const unknown = await run(`{ connections(from: "person-nobody", to: "AZ") { length } }`);
    expect(unknown.errors![0]).toMatchObject({
      message: 'No person, organization or country has the id "person-nobody"',
      extensions: { code: 'NOT_FOUND', argument: 'from', arguments: ['from'] },
    });
    const unknownTo = await run(`{ connections(from: "person-zakir-hasanov", to: "no-such-id") { length } }`);
    expect(unknownTo.errors![0]).toMatchObject({
      message: 'No person, organization or country has the id "no-such-id"',
      extensions: { code: 'NOT_FOUND', argument: 'to', arguments: ['to'] },
    });
    const neither = await run(`{ connections(from: "no-such-id", to: "nor-this") { length } }`);
    expect(neither.errors![0]).toMatchObject({
      message: 'No person, organization or country has the id "no-such-id" (from) or "nor-this" (to)',
      extensions: { code: 'NOT_FOUND', argument: 'from', arguments: ['from', 'to'] },
    });
    const far = await run(`{ connections(from: "person-arif-alvi", to: "AZ", maxHops: 9) { length } }`);
    expect(far.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'maxHops' } });
  });
});

describe('lists, filters and pagination', () => {
  it('finds the meeting that discussed demining', async () => {
    const { data } = await run(`{ meetings(where: {topic: "DEMINING"}) { totalCount nodes { id participants { person { name } } } } }`);
    expect(data.meetings.totalCount).toBe(1);
    expect(data.meetings.nodes[0].id).toBe('meeting-2021-06-bekirov-bajwa');
  });

  it('pages through people with cursors, in name order, with the total', async () => {
    const names: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { data }: any = await run(
        `query($after: String) {
          people(first: 4, after: $after) {
            totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { name } } } }`,
        { after },
      );
      pages += 1;
      expect(data.people.totalCount).toBe(6);
      expect(data.people.pageInfo.hasPreviousPage).toBe(after !== null);
      names.push(...data.people.edges.map((e: any) => e.node.name));
      if (!data.people.pageInfo.hasNextPage) break;
      after = data.people.pageInfo.endCursor;
    }
    expect(pages).toBe(2);
    expect(names).toEqual([
      'Arif Alvi',
      'Muhammad Amjad Khan Niazi',
      'Qamar Javed Bajwa',
      'Sahiba Gafarova',
      'Subhan Bekirov',
      'Zakir Hasanov',
    ]);
  });

  it('filters people, organizations, posts and meetings', async () => {
    const { data } = await run(/* GraphQL */ `{
      pk: people(where: {country: "PK"}) { nodes { name } }
      navy: people(where: {organization: "org-pk-navy"}) { nodes { name } }
      azNavies: organizations(where: {country: "AZ", kind: "NAVAL_FORCES"}) { nodes { id parent { id } } }
      underMod: organizations(where: {parent: "org-az-mod"}) { totalCount }
      pkPosts: posts(where: {country: "PK"}) { totalCount }
      afterFourth: meetings(where: {period: {from: "2021-06-05"}}) { nodes { id } }
      azPk: meetings(where: {countries: ["AZ", "PK"], participant: "person-subhan-bekirov"}) { totalCount }
    }`);
    expect(data.pk.nodes.map((n: any) => n.name)).toEqual(['Arif Alvi', 'Muhammad Amjad Khan Niazi', 'Qamar Javed Bajwa']);
    expect(data.navy.nodes).toEqual([{ name: 'Muhammad Amjad Khan Niazi' }]);
    expect(data.azNavies.nodes).toEqual([{ id: 'org-az-navy', parent: { id: 'org-az-mod' } }]);
    expect(data.underMod.totalCount).toBe(1);
    expect(data.pkPosts.totalCount).toBe(3);
    expect(data.afterFourth.nodes.map((n: any) => n.id).sort()).toEqual(['meeting-2021-06-bekirov-bajwa', 'meeting-2021-06-bekirov-niazi']);
    expect(data.azPk.totalCount).toBe(2);
  });

  it('says who served an organization, including the bodies within it, as of a date', async () => {
    const { data } = await run(`{ organizationMembers(organizationId: "org-az-mod", asOf: "2021-06") { person { name } post { title } } }`);
    expect(data.organizationMembers).toEqual([
      { person: { name: 'Zakir Hasanov' }, post: { title: 'Minister of Defence of Azerbaijan' } },
      { person: { name: 'Subhan Bekirov' }, post: { title: 'Commander of the Naval Forces of Azerbaijan' } },
    ]);
  });

  it('rejects a cursor it did not issue and a period that ends before it starts', async () => {
    const cursor = await run(`{ people(after: "bm9wZQ") { totalCount } }`);
    expect(cursor.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
    const period = await run(`{ meetings(where: {period: {from: "2022", to: "2021"}}) { totalCount } }`);
    expect(period.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const enumValue = await run(`{ counterparts(personId: "person-arif-alvi", orderBy: PICNIC) { meetingCount } }`);
    expect(enumValue.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const unknownTopic = await run(`{ meetings(where: {topic: "PICNIC"}) { totalCount } }`);
    expect(unknownTopic.data.meetings.totalCount).toBe(0);
  });
});

describe('timeline', () => {
  it("lists Arif Alvi's tenure, meeting and statements in date order", async () => {
    const { data } = await run(`{ timeline(personId: "person-arif-alvi") { date { value } kind description } }`);
    expect(data.timeline.map((e: any) => [e.date.value, e.kind])).toEqual([
      ['2018-09-09', 'TENURE_START'],
      ['2021-06-04', 'MEETING'],
      ['2021-06-04', 'STATEMENT'],
      ['2021-06-04', 'STATEMENT'],
      ['2021-06-04', 'TENURE_ATTESTED'],
      ['2024-03-10', 'TENURE_END'],
    ]);
    expect(data.timeline[1].description).toBe('Met Sahiba Gafarova (attendee)');
  });
});

describe('round trips', () => {
  it('costs one statement per level and entity type, whatever the list sizes', async () => {
    const { statements, errors } = await run(/* GraphQL */ `{
      meetings(first: 50) {
        nodes {
          participants { person { name country { name } tenures { post { title } } } post { title } }
          statements { speaker { name } }
          evidence { source { publisher } }
        }
      }
    }`);
    expect(errors).toBeUndefined();
    // meetings → Meeting details → Person + Statement details → Tenure details
    expect(statements).toBe(5);
  });

  it("counts each request's own statements while others run at once", async () => {
    const nested = /* GraphQL */ `{ meetings(first: 50) { nodes { participants { person { name country { name } } } } } }`;
    const flat = /* GraphQL */ `{ people(first: 5) { nodes { name } } }`;
    const results = await Promise.all([run(nested), run(flat), run(nested), run(flat), run(nested)]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    // meetings → Meeting details → Person details; people alone is one list query (and its count).
    const [alone] = await Promise.all([run(flat)]);
    expect(results.map((r) => r.statements)).toEqual([3, alone!.statements, 3, alone!.statements, 3]);
  });
});

describe('mutations', () => {
  const DOC = {
    format: 'officials-graph/source-document@1',
    sources: [
      {
        id: 'wire-2021-07-01',
        kind: 'NEWS_REPORT',
        publisher: 'Wire',
        title: 'Later report',
        published: '2021-07-01',
        language: 'en',
        paragraphs: 2,
      },
    ],
    people: [
      {
        id: 'dup-bekirov',
        name: 'Admiral S. Bekirov',
        country: 'AZ',
        evidence: [{ paragraph: 1, note: 'The commander, under his rank and initial.' }],
      },
    ],
    meetings: [
      {
        id: 'meeting-2021-07-bekirov-niazi',
        date: '2021-07-01',
        format: 'CALL',
        topics: ['NAVAL_COOPERATION'],
        summary: 'A call between the two naval chiefs.',
        participants: [
          { person: 'dup-bekirov', role: 'ATTENDEE' },
          { person: 'person-amjad-khan-niazi', role: 'ATTENDEE' },
        ],
        evidence: [{ paragraph: 2, note: 'The call.' }],
      },
    ],
  };
  const INGEST = `mutation($documents: [JSON!]!) {
    ingestDocuments(documents: $documents) { documents rowsWritten linkedPeople { documentId personId } } }`;

  it('needs the API key', async () => {
    const refused = await run(INGEST, { documents: [DOC] });
    expect(refused.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect((await countsByLabel(graph.t.db)).Person).toBe(6);
  });

  it('lists every problem of an invalid document and writes nothing', async () => {
    const bad = { ...DOC, people: [{ ...DOC.people[0], country: 'XX' }], meetings: [{ ...DOC.meetings[0], format: 'LUNCH' }] };
    const { errors } = await run(INGEST, { documents: [bad] }, true);
    // Both problems at once: the reference, and a term that is neither known nor declared, with the nearest known.
    expect(errors![0]!.extensions).toMatchObject({
      code: 'INVALID_DOCUMENT',
      problems: [
        { document: 'documents[0]', path: '/people/0/country' },
        { document: 'documents[0]', path: '/meetings/0/format', expected: expect.stringContaining('nearest') },
      ],
    });
    const refs = await run(INGEST, { documents: [{ ...DOC, people: [{ ...DOC.people[0], country: 'XX' }] }] }, true);
    expect(refs.errors![0]!.extensions).toMatchObject({ code: 'INVALID_DOCUMENT', problems: [{ path: '/people/0/country' }] });
    expect((await countsByLabel(graph.t.db)).Meeting).toBe(3);
  });

  it('ingests a document, then merges the duplicate person it made into the real one', async () => {
    const ingested = await run(INGEST, { documents: [DOC] }, true);
    expect(ingested.errors).toBeUndefined();
    expect(ingested.data.ingestDocuments).toMatchObject({ documents: 1, linkedPeople: [] });
    expect((await countsByLabel(graph.t.db)).Person).toBe(7);

    const merged = await run(`mutation { mergePeople(keep: "person-subhan-bekirov", merge: "dup-bekirov") { id aliases } }`, {}, true);
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergePeople.aliases).toContain('Admiral S. Bekirov');
    expect((await countsByLabel(graph.t.db)).Person).toBe(6);

    const after = await run(`{ person(id: "dup-bekirov") { id country { id } meetings { meeting { id } } evidence { source { id } } } }`);
    expect(after.data.person.id).toBe('person-subhan-bekirov');
    expect(after.data.person.meetings.map((m: any) => m.meeting.id)).toContain('meeting-2021-07-bekirov-niazi');
    expect(after.data.person.evidence.map((e: any) => e.source.id)).toContain('wire-2021-07-01');
    const [left] = await graph.t.db.read(`MATCH (p:Person {id: 'dup-bekirov'}) RETURN count(p) AS n`);
    expect(left!.n).toBe(0);
  });
});
