import type { Db, Statement } from '../db/run-query.js';
import type { DayRange } from '../domain/partial-date.js';
import { personNamedBy } from './current-person.js';
import type { CounterpartModel, TimelineFactModel } from './models.js';
import { periodCondition } from './period.js';
import { asks, itemsOf, partialDate, project, type Selection } from './projections.js';

/** How counterparts are ordered; the GraphQL enum CounterpartOrder names the same. */
export type CounterpartOrder = 'MEETING_COUNT_DESC' | 'MEETING_COUNT_ASC' | 'LAST_MET_DESC' | 'NAME';

/** Sort keys come only from this map, never from the request. */
const COUNTERPART_ORDER: Record<CounterpartOrder, string> = {
  MEETING_COUNT_DESC: 'meetingCount DESC, lastKey DESC, name',
  MEETING_COUNT_ASC: 'meetingCount ASC, name',
  LAST_MET_DESC: 'lastKey DESC, name',
  NAME: 'name',
};

/**
 * The first shared meetings as encounters, in date order, with what `asked` (an Encounter selection) wants of them:
 * no more than its `first`, however often the two met.
 */
function encountersOf(asked: Selection | undefined): string {
  const posts = asks(asked, 'post') || asks(asked, 'counterpartPost');
  const postOf = (v: string, selection: Selection | undefined) =>
    `CASE WHEN ${v} IS NULL THEN null ELSE ${project('Post', v, selection)} END`;
  const entries = [
    `meeting: ${project('Meeting', 'm', asked?.meeting)}`,
    'role: a.role',
    ...(posts ? [`post: ${postOf('ap', asked?.post)}`] : []),
    'counterpartRole: b.role',
    ...(posts ? [`counterpartPost: ${postOf('bp', asked?.counterpartPost)}`] : []),
  ];
  return `CALL (p, c, shared) {
  UNWIND shared AS m
  MATCH (p)-[a:ATTENDED]->(m)<-[b:ATTENDED]-(c)
  WITH m, a, b ORDER BY m.dateFrom, m.id
  LIMIT ${itemsOf('Counterpart.encounters', asked)}${
    posts
      ? `
  OPTIONAL MATCH (ap:Post {id: a.post})
  OPTIONAL MATCH (bp:Post {id: b.post})
  WITH m, a, b, ap, bp ORDER BY m.dateFrom, m.id`
      : ''
  }
  RETURN collect({
    ${entries.join(', ')}
  }) AS encounters
}`;
}

/** The dates of the first and last shared meetings, in the encounters' order, each with the parts its selection asks for. */
function metOf(selection: Selection | undefined): string {
  return `CALL (shared) {
  UNWIND shared AS m
  WITH m ORDER BY m.dateFrom, m.id
  WITH collect(m) AS met
  WITH head(met) AS firstMeeting, last(met) AS lastMeeting
  RETURN ${partialDate('firstMeeting', 'date', selection?.firstMet)} AS firstMet,
         ${partialDate('lastMeeting', 'date', selection?.lastMet)} AS lastMet
}`;
}

/**
 * Counts first, then what the counterparts that make the page need: projecting every shared meeting before the
 * LIMIT cost a minister with thousands of meetings a second per request. The second stage starts from the shared
 * meetings found in the first, so it never walks a busy counterpart's own meetings. Compiled from what `selection`
 * (of a Counterpart) asks: the top five contacts by count need no encounter and no date at all.
 */
export function counterpartsCypher(orderBy: CounterpartOrder, period: Pick<DayRange, 'within'> = {}, selection?: Selection): string {
  const inPeriod = periodCondition('m.dateFrom', 'm.dateTo', period);
  const met = asks(selection, 'firstMet') || asks(selection, 'lastMet');
  return `
WITH ${personNamedBy('$personId')} AS p
MATCH (p)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(c:Person)
WHERE c <> p
  AND ${inPeriod}
  AND ($country IS NULL OR EXISTS { (c)-[:CITIZEN_OF]->(:Country {id: $country}) })
  AND ($organization IS NULL OR EXISTS {
    (c)-[:HELD]->(:Tenure)-[:OF_POST]->(:Post)-[:IN_ORGANIZATION]->(:Organization)-[:PART_OF*0..5]->(:Organization {id: $organization}) })
WITH p, c, collect(m) AS shared, count(m) AS meetingCount, coalesce(max(m.dateFrom), '') AS lastKey, c.name AS name
ORDER BY ${COUNTERPART_ORDER[orderBy]}
LIMIT toInteger($first)
${asks(selection, 'encounters') ? encountersOf(selection?.encounters) : 'WITH p, c, shared, meetingCount, lastKey, name, [] AS encounters'}
${met ? metOf(selection) : 'WITH c, meetingCount, lastKey, name, encounters, null AS firstMet, null AS lastMet'}
WITH c, meetingCount, lastKey, name, encounters, firstMet, lastMet
ORDER BY ${COUNTERPART_ORDER[orderBy]}
RETURN ${project('Person', 'c', selection?.person)} AS person, meetingCount, firstMet, lastMet, encounters`;
}

export interface CounterpartFilter {
  period: DayRange;
  country?: string | null;
  organization?: string | null;
  orderBy: CounterpartOrder;
  first: number;
  /** What the request asks of each counterpart; every field when left out. */
  selection?: Selection;
}

/** The one statement that answers whom a person met, with its parameters. */
export function counterpartsStatement(personId: string, filter: CounterpartFilter): Statement {
  return {
    cypher: counterpartsCypher(filter.orderBy, filter.period, filter.selection),
    params: {
      personId,
      from: filter.period.from,
      to: filter.period.to,
      country: filter.country ?? null,
      organization: filter.organization ?? null,
      first: filter.first,
    },
  };
}

export async function listCounterparts(db: Db, personId: string, filter: CounterpartFilter): Promise<CounterpartModel[]> {
  const { cypher, params } = counterpartsStatement(personId, filter);
  return db.read<CounterpartModel>(cypher, params);
}

/**
 * Dated events of a person, earliest first: tenure starts, ends and attestations, meetings, statements the person
 * made and statements made on the person's behalf. A statement without its own date takes its meeting's.
 */
export function timelineCypher(period: Pick<DayRange, 'within'> = {}): string {
  const statementDate = `CASE WHEN s.date IS NOT NULL THEN ${partialDate('s', 'date')} ELSE ${partialDate('m', 'date')} END`;
  return `
WITH ${personNamedBy('$personId')} AS p
WITH p WHERE p IS NOT NULL
CALL (p) {
  MATCH (p)-[:HELD]->(t:Tenure)-[:OF_POST]->(post:Post)
  UNWIND [{kind: 'TENURE_START', field: 'start'}, {kind: 'TENURE_END', field: 'end'}, {kind: 'TENURE_ATTESTED', field: 'attested'}] AS e
  WITH t, post, e,
       CASE e.field WHEN 'start' THEN ${partialDate('t', 'start')}
                    WHEN 'end' THEN ${partialDate('t', 'end')}
                    ELSE ${partialDate('t', 'attested')} END AS date
  WHERE date IS NOT NULL
  RETURN e.kind AS kind, date, post.title AS postTitle, [] AS others, null AS role,
         ${project('Tenure', 't')} AS tenure, null AS meeting, null AS statement
  UNION ALL
  MATCH (p)-[a:ATTENDED]->(m:Meeting) WHERE m.date IS NOT NULL
  RETURN 'MEETING' AS kind, ${partialDate('m', 'date')} AS date, null AS postTitle,
         COLLECT { MATCH (o:Person)-[:ATTENDED]->(m) WHERE o <> p RETURN o.name AS name ORDER BY name } AS others, a.role AS role,
         null AS tenure, ${project('Meeting', 'm')} AS meeting, null AS statement
  UNION ALL
  MATCH (p)-[:MADE]->(s:Statement)
  OPTIONAL MATCH (s)-[:MADE_AT]->(m:Meeting)
  WITH s, ${statementDate} AS date WHERE date IS NOT NULL
  RETURN 'STATEMENT' AS kind, date, null AS postTitle, [] AS others, null AS role,
         null AS tenure, null AS meeting, ${project('Statement', 's')} AS statement
  UNION ALL
  MATCH (s:Statement)-[:ON_BEHALF_OF]->(p)
  OPTIONAL MATCH (s)-[:MADE_AT]->(m:Meeting)
  WITH s, ${statementDate} AS date WHERE date IS NOT NULL
  RETURN 'STATEMENT_ON_BEHALF' AS kind, date, null AS postTitle,
         COLLECT { MATCH (speaker:Person)-[:MADE]->(s) RETURN speaker.name } AS others, null AS role,
         null AS tenure, null AS meeting, ${project('Statement', 's')} AS statement
}
WITH kind, date, postTitle, others, role, tenure, meeting, statement
WHERE ${periodCondition('date.earliest', 'date.latest', period)}
RETURN kind, date, postTitle, others, role, tenure, meeting, statement
ORDER BY date.earliest, date.latest, kind
LIMIT toInteger($first)`;
}

/** The one statement that lists a person's first `first` dated events, with its parameters. */
export function timelineStatement(personId: string, period: DayRange, first: number): Statement {
  return { cypher: timelineCypher(period), params: { personId, from: period.from, to: period.to, first } };
}

/** A person's first `first` dated events as facts; the presenter words them. */
export async function listTimeline(db: Db, personId: string, period: DayRange, first: number): Promise<TimelineFactModel[]> {
  const { cypher, params } = timelineStatement(personId, period, first);
  return db.read<TimelineFactModel>(cypher, params);
}
