import { describe, expect, it } from 'vitest';
import { FIRST } from './projections.js';
import { counterpartsStatement, timelineStatement } from './relationship.repository.js';

describe('counterpartsStatement', () => {
  it('compiles what is asked: top contacts by count walk no encounter, and whom X met reads no vocabulary', () => {
    const filter = { period: { from: null, to: null }, orderBy: 'MEETING_COUNT_DESC', first: 5 } as const;
    const top = counterpartsStatement('p', { ...filter, selection: { person: { id: {}, name: {} }, meetingCount: {} } }).cypher;
    expect(top).not.toContain('CALL (p, c, shared)');
    expect(top).toContain("RETURN c {.id, .name, __typename: 'Person'} AS person");
    const met = counterpartsStatement('p', {
      ...filter,
      selection: {
        person: { name: {} },
        lastMet: { value: {} },
        encounters: { role: {}, meeting: { id: {}, topics: { [FIRST]: 10, code: {} } } },
      },
    }).cypher;
    expect(met).toContain('CALL (p, c, shared)');
    expect(met).not.toContain(':Term');
    expect(met).not.toContain('OPTIONAL MATCH (ap:Post');
    expect(met).toContain("meeting: m {.id, topics: [m_code IN coalesce(m.topics, [])[..10] | {code: m_code}], __typename: 'Meeting'}");
    expect(met).toContain('ELSE {value: lastMeeting.date} END AS lastMet');
  });

  it("reads the encounters up to their first, and for the first met, the last met and each encounter the date's parts each asks", () => {
    const filter = { period: { from: null, to: null }, orderBy: 'MEETING_COUNT_DESC', first: 5 } as const;
    const selection = { firstMet: { precision: {} }, encounters: { [FIRST]: 7, meeting: { date: { value: {} } } } };
    const both = counterpartsStatement('p', { ...filter, selection }).cypher;
    expect(both).toContain('WITH m, a, b ORDER BY m.dateFrom, m.id\n  LIMIT 7');
    expect(both).toContain('date: CASE WHEN m.date IS NULL THEN null ELSE {value: m.date} END');
    expect(both).toContain('ELSE {precision: firstMeeting.datePrecision} END AS firstMet');
    const lastOnly = counterpartsStatement('p', { ...filter, selection: { lastMet: { earliest: {}, latest: {} } } }).cypher;
    expect(lastOnly).toContain('{earliest: lastMeeting.dateFrom, latest: lastMeeting.dateTo}');
    expect(lastOnly).not.toContain('CALL (p, c, shared)');
  });

  it('pins the whom-did-X-meet statement: counts first, then the page, sort keys from the allowlist', () => {
    expect(
      counterpartsStatement('person-subhan-bekirov', {
        period: { from: '2021-06-01', to: null },
        country: 'PK',
        organization: null,
        orderBy: 'LAST_MET_DESC',
        first: 5,
      }),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "
      WITH coalesce(
        head(COLLECT { MATCH (namedNow:Person {id: $personId}) RETURN namedNow }),
        head(COLLECT {
          MATCH (namedBefore:Person) WHERE namedBefore.otherIdText CONTAINS '|' + $personId + '|' AND $personId IN namedBefore.otherIds
          RETURN namedBefore ORDER BY namedBefore.id
        })) AS p
      MATCH (p)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(c:Person)
      WHERE c <> p
        AND ($from IS NULL OR m.dateTo >= $from) AND ($to IS NULL OR m.dateFrom <= $to)
        AND ($country IS NULL OR EXISTS { (c)-[:CITIZEN_OF]->(:Country {id: $country}) })
        AND ($organization IS NULL OR EXISTS {
          (c)-[:HELD]->(:Tenure)-[:OF_POST]->(:Post)-[:IN_ORGANIZATION]->(:Organization)-[:PART_OF*0..5]->(:Organization {id: $organization}) })
      WITH p, c, collect(m) AS shared, count(m) AS meetingCount, coalesce(max(m.dateFrom), '') AS lastKey, c.name AS name
      ORDER BY lastKey DESC, name
      LIMIT toInteger($first)
      CALL (p, c, shared) {
        UNWIND shared AS m
        MATCH (p)-[a:ATTENDED]->(m)<-[b:ATTENDED]-(c)
        WITH m, a, b ORDER BY m.dateFrom, m.id
        LIMIT 500
        OPTIONAL MATCH (ap:Post {id: a.post})
        OPTIONAL MATCH (bp:Post {id: b.post})
        WITH m, a, b, ap, bp ORDER BY m.dateFrom, m.id
        RETURN collect({
          meeting: m {.id, date: CASE WHEN m.date IS NULL THEN null ELSE {value: m.date, precision: m.datePrecision, earliest: m.dateFrom, latest: m.dateTo} END, .format, topics: [code IN coalesce(m.topics[..100], []) | coalesce(head(COLLECT { MATCH (term:Term {id: 'topic/' + code})
          RETURN term {.code, .label, .description} }), {code: code, label: code, description: null})], .summary, __typename: 'Meeting'}, role: a.role, post: CASE WHEN ap IS NULL THEN null ELSE ap {.id, .title, __typename: 'Post'} END, counterpartRole: b.role, counterpartPost: CASE WHEN bp IS NULL THEN null ELSE bp {.id, .title, __typename: 'Post'} END
        }) AS encounters
      }
      CALL (shared) {
        UNWIND shared AS m
        WITH m ORDER BY m.dateFrom, m.id
        WITH collect(m) AS met
        WITH head(met) AS firstMeeting, last(met) AS lastMeeting
        RETURN CASE WHEN firstMeeting.date IS NULL THEN null ELSE {value: firstMeeting.date, precision: firstMeeting.datePrecision, earliest: firstMeeting.dateFrom, latest: firstMeeting.dateTo} END AS firstMet,
               CASE WHEN lastMeeting.date IS NULL THEN null ELSE {value: lastMeeting.date, precision: lastMeeting.datePrecision, earliest: lastMeeting.dateFrom, latest: lastMeeting.dateTo} END AS lastMet
      }
      WITH c, meetingCount, lastKey, name, encounters, firstMet, lastMet
      ORDER BY lastKey DESC, name
      RETURN c {.id, .name, aliases: coalesce(c.aliases, [])[..500], __typename: 'Person'} AS person, meetingCount, firstMet, lastMet, encounters",
        "params": {
          "country": "PK",
          "first": 5,
          "from": "2021-06-01",
          "organization": null,
          "personId": "person-subhan-bekirov",
          "to": null,
        },
      }
    `);
  });
});

describe('timelineStatement', () => {
  it('pins the timeline statement: facts only, no words built in Cypher', () => {
    const statement = timelineStatement('person-arif-alvi', { from: null, to: '2021-12-31' }, 200);
    expect(statement.cypher).not.toMatch(/'Met '|Took up/);
    expect(statement).toMatchInlineSnapshot(`
      {
        "cypher": "
      WITH coalesce(
        head(COLLECT { MATCH (namedNow:Person {id: $personId}) RETURN namedNow }),
        head(COLLECT {
          MATCH (namedBefore:Person) WHERE namedBefore.otherIdText CONTAINS '|' + $personId + '|' AND $personId IN namedBefore.otherIds
          RETURN namedBefore ORDER BY namedBefore.id
        })) AS p
      WITH p WHERE p IS NOT NULL
      CALL (p) {
        MATCH (p)-[:HELD]->(t:Tenure)-[:OF_POST]->(post:Post)
        UNWIND [{kind: 'TENURE_START', field: 'start'}, {kind: 'TENURE_END', field: 'end'}, {kind: 'TENURE_ATTESTED', field: 'attested'}] AS e
        WITH t, post, e,
             CASE e.field WHEN 'start' THEN CASE WHEN t.start IS NULL THEN null ELSE {value: t.start, precision: t.startPrecision, earliest: t.startFrom, latest: t.startTo} END
                          WHEN 'end' THEN CASE WHEN t.end IS NULL THEN null ELSE {value: t.end, precision: t.endPrecision, earliest: t.endFrom, latest: t.endTo} END
                          ELSE CASE WHEN t.attested IS NULL THEN null ELSE {value: t.attested, precision: t.attestedPrecision, earliest: t.attestedFrom, latest: t.attestedTo} END END AS date
        WHERE date IS NOT NULL
        RETURN e.kind AS kind, date, post.title AS postTitle, [] AS others, null AS role,
               t {.id, start: CASE WHEN t.start IS NULL THEN null ELSE {value: t.start, precision: t.startPrecision, earliest: t.startFrom, latest: t.startTo} END, end: CASE WHEN t.end IS NULL THEN null ELSE {value: t.end, precision: t.endPrecision, earliest: t.endFrom, latest: t.endTo} END, attested: CASE WHEN t.attested IS NULL THEN null ELSE {value: t.attested, precision: t.attestedPrecision, earliest: t.attestedFrom, latest: t.attestedTo} END, __typename: 'Tenure'} AS tenure, null AS meeting, null AS statement
        UNION ALL
        MATCH (p)-[a:ATTENDED]->(m:Meeting) WHERE m.date IS NOT NULL
        RETURN 'MEETING' AS kind, CASE WHEN m.date IS NULL THEN null ELSE {value: m.date, precision: m.datePrecision, earliest: m.dateFrom, latest: m.dateTo} END AS date, null AS postTitle,
               COLLECT { MATCH (o:Person)-[:ATTENDED]->(m) WHERE o <> p RETURN o.name AS name ORDER BY name } AS others, a.role AS role,
               null AS tenure, m {.id, date: CASE WHEN m.date IS NULL THEN null ELSE {value: m.date, precision: m.datePrecision, earliest: m.dateFrom, latest: m.dateTo} END, .format, topics: [code IN coalesce(m.topics[..100], []) | coalesce(head(COLLECT { MATCH (term:Term {id: 'topic/' + code})
          RETURN term {.code, .label, .description} }), {code: code, label: code, description: null})], .summary, __typename: 'Meeting'} AS meeting, null AS statement
        UNION ALL
        MATCH (p)-[:MADE]->(s:Statement)
        OPTIONAL MATCH (s)-[:MADE_AT]->(m:Meeting)
        WITH s, CASE WHEN s.date IS NOT NULL THEN CASE WHEN s.date IS NULL THEN null ELSE {value: s.date, precision: s.datePrecision, earliest: s.dateFrom, latest: s.dateTo} END ELSE CASE WHEN m.date IS NULL THEN null ELSE {value: m.date, precision: m.datePrecision, earliest: m.dateFrom, latest: m.dateTo} END END AS date WHERE date IS NOT NULL
        RETURN 'STATEMENT' AS kind, date, null AS postTitle, [] AS others, null AS role,
               null AS tenure, null AS meeting, s {.id, .kind, date: CASE WHEN s.date IS NULL THEN null ELSE {value: s.date, precision: s.datePrecision, earliest: s.dateFrom, latest: s.dateTo} END, .summary, __typename: 'Statement'} AS statement
        UNION ALL
        MATCH (s:Statement)-[:ON_BEHALF_OF]->(p)
        OPTIONAL MATCH (s)-[:MADE_AT]->(m:Meeting)
        WITH s, CASE WHEN s.date IS NOT NULL THEN CASE WHEN s.date IS NULL THEN null ELSE {value: s.date, precision: s.datePrecision, earliest: s.dateFrom, latest: s.dateTo} END ELSE CASE WHEN m.date IS NULL THEN null ELSE {value: m.date, precision: m.datePrecision, earliest: m.dateFrom, latest: m.dateTo} END END AS date WHERE date IS NOT NULL
        RETURN 'STATEMENT_ON_BEHALF' AS kind, date, null AS postTitle,
               COLLECT { MATCH (speaker:Person)-[:MADE]->(s) RETURN speaker.name } AS others, null AS role,
               null AS tenure, null AS meeting, s {.id, .kind, date: CASE WHEN s.date IS NULL THEN null ELSE {value: s.date, precision: s.datePrecision, earliest: s.dateFrom, latest: s.dateTo} END, .summary, __typename: 'Statement'} AS statement
      }
      WITH kind, date, postTitle, others, role, tenure, meeting, statement
      WHERE ($from IS NULL OR date.latest >= $from) AND ($to IS NULL OR date.earliest <= $to)
      RETURN kind, date, postTitle, others, role, tenure, meeting, statement
      ORDER BY date.earliest, date.latest, kind
      LIMIT toInteger($first)",
        "params": {
          "first": 200,
          "from": null,
          "personId": "person-arif-alvi",
          "to": "2021-12-31",
        },
      }
    `);
  });
});
