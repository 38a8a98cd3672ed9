import type { Db, Params } from '../db/run-query.js';
import type { DayRange } from '../domain/partial-date.js';
import { personNamedBy } from './current-person.js';
import { detailsVariable, type Folded, foldDetails, folded } from './details.repository.js';
import type { MeetingModel } from './models.js';
import { listPage, type Page } from './pagination.js';
import { project, type Selection } from './projections.js';

export const FIND_MEETING_BY_ID = `MATCH (m:Meeting {id: $id}) RETURN ${project('Meeting', 'm')} AS meeting`;

export async function findMeetingById(db: Db, id: string): Promise<MeetingModel | null> {
  const [row] = await db.read(FIND_MEETING_BY_ID, { id });
  return (row?.meeting as MeetingModel | undefined) ?? null;
}

/** Which meetings a list keeps: each condition narrows it, an absent or null one keeps every meeting. */
export interface MeetingFilter {
  participant?: string | null;
  participants?: readonly string[] | null;
  countries?: readonly string[] | null;
  organization?: string | null;
  topic?: string | null;
  place?: string | null;
  period?: DayRange;
}

/**
 * The MATCH that binds `n`: from a named person or country when the filter has one, so the query walks that
 * person's meetings instead of testing every meeting in the graph; from all meetings otherwise. The people named
 * are bound first as they are now (`participant`, `participants`: a former id names the person it was merged
 * into, an unknown one null, which attends nothing). Of several named people it starts from the one with the
 * fewest meetings: a minister may have thousands, the other side a handful.
 */
export function meetingMatch(where: MeetingFilter): { match: string; params: Params } {
  const people = [
    ...(where.participant ? [{ name: 'participant', value: personNamedBy('$participant') }] : []),
    ...(where.participants?.length ? [{ name: 'participants', value: `[pid IN $participants | ${personNamedBy('pid')}]` }] : []),
  ];
  const named =
    people.length > 0
      ? `WITH ${people.map((p) => `${p.value} AS ${p.name}`).join(', ')}
`
      : '';
  if (where.participants?.length) {
    return {
      match: `${named}UNWIND participants AS anchor
WITH ${people.map((p) => p.name).join(', ')}, anchor ORDER BY COUNT { (anchor)-[:ATTENDED]->() } LIMIT 1
MATCH (anchor)-[:ATTENDED]->(n:Meeting)`,
      params: {},
    };
  }
  if (where.participant) return { match: `${named}MATCH (participant)-[:ATTENDED]->(n:Meeting)`, params: {} };
  const country = where.countries?.[0];
  if (country) {
    return {
      match: 'MATCH (:Country {id: $anchor})<-[:CITIZEN_OF]-(:Person)-[:ATTENDED]->(n:Meeting)\nWITH DISTINCT n',
      params: { anchor: country },
    };
  }
  return { match: 'MATCH (n:Meeting)', params: {} };
}

/** The MATCH and conditions on `n` (a Meeting) for a filter; every value goes in as a parameter. */
export function meetingConditions(where: MeetingFilter): { match: string; conditions: string[]; params: Params } {
  const conditions: string[] = [];
  const { match, params } = meetingMatch(where);
  if (where.participant) {
    if (where.participants?.length) conditions.push('EXISTS { (participant)-[:ATTENDED]->(n) }');
    params.participant = where.participant;
  }
  if (where.participants?.length) {
    conditions.push('all(attendee IN participants WHERE attendee IS NOT NULL AND EXISTS { (attendee)-[:ATTENDED]->(n) })');
    params.participants = where.participants;
  }
  if (where.countries?.length) {
    conditions.push('all(cid IN $countries WHERE EXISTS { (:Country {id: cid})<-[:CITIZEN_OF]-(:Person)-[:ATTENDED]->(n) })');
    params.countries = where.countries;
  }
  if (where.organization) {
    conditions.push(
      `EXISTS { (:Organization {id: $organization})<-[:IN_ORGANIZATION]-(:Post)<-[:OF_POST]-(:Tenure)
               <-[:HELD]-(:Person)-[:ATTENDED]->(n) }`,
    );
    params.organization = where.organization;
  }
  if (where.topic) {
    conditions.push('$topic IN n.topics');
    params.topic = where.topic;
  }
  if (where.place) {
    conditions.push('EXISTS { (n)-[:HELD_IN]->(x) WHERE x.id = $place }');
    params.place = where.place;
  }
  // Separate conditions on each end, so the planner can use the date indexes; WITHIN bounds the other end of the date.
  const within = where.period?.within ?? false;
  if (where.period?.from) {
    conditions.push(within ? 'n.dateFrom >= $periodFrom' : 'n.dateTo >= $periodFrom');
    params.periodFrom = where.period.from;
  }
  if (where.period?.to) {
    conditions.push(within ? 'n.dateTo <= $periodTo' : 'n.dateFrom <= $periodTo');
    params.periodTo = where.period.to;
  }
  return { match, conditions, params };
}

/** Meetings that pass the filter, latest first, one page with the total. */
export function listMeetings(db: Db, where: MeetingFilter, first: number, after: string | null | undefined): Promise<Page<MeetingModel>> {
  const { match, conditions, params } = meetingConditions(where);
  return listPage<MeetingModel>(
    db,
    { match, conditions, params, orderBy: 'n.dateFrom DESC, n.id', projection: project('Meeting', 'n') },
    first,
    after,
  );
}

/**
 * The first `first` meetings that pass the filter, earliest first. Each as `selection` asks (every field when left
 * out), with the details it asks for folded into the same statement.
 */
export async function findMeetings(db: Db, where: MeetingFilter, first: number, selection?: Selection): Promise<Folded<MeetingModel>> {
  const { match, conditions, params } = meetingConditions(where);
  const m = detailsVariable('Meeting');
  const { requests, map } = foldDetails('Meeting', selection);
  const rows = await db.read<{ answer: MeetingModel; details?: unknown }>(
    `${match}${conditions.length ? `\nWHERE ${conditions.join('\n  AND ')}` : ''}
WITH n AS ${m} ORDER BY ${m}.dateFrom, ${m}.id
LIMIT toInteger($limit)
RETURN ${project('Meeting', m, selection)} AS answer${map ? `, ${map} AS details` : ''}
ORDER BY ${m}.dateFrom, ${m}.id`,
    { ...params, limit: first },
  );
  return folded('Meeting', requests, rows);
}
