import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../../__generated__/graphql.js';
import { CONNECTION_KINDS } from '../../domain/registry/index.js';
import { MAX_HOPS } from '../../list-bounds.js';
import { findConnections } from '../../repositories/connection.repository.js';
import { findMeetings, type MeetingFilter } from '../../repositories/meeting.repository.js';
import type { CounterpartModel, HopModel } from '../../repositories/models.js';
import { listOrganizationMembers } from '../../repositories/organization.repository.js';
import { listCounterparts, listTimeline } from '../../repositories/relationship.repository.js';
import type { AppContext } from '../context.js';
import { presentConnections } from '../presenters/connection.presenter.js';
import { presentTimeline } from '../presenters/timeline.presenter.js';
import { assertFirst, assertRange, existing, type IdArgument, parsePeriodArgument, parsePeriodInput } from './arguments.js';
import { answered, upToFirst } from './details.js';
import { selectionOf } from './selection.js';

const CANDIDATE_PATHS_PER_ANSWER = 4;

/** The first meetings a filter keeps, compiled from what the request asks of them; NOT_FOUND for ids that name nothing. */
async function meetingsWhere(context: AppContext, info: GraphQLResolveInfo, filter: MeetingFilter, first: number, ids: IdArgument[]) {
  return existing(context.db, answered(context, await findMeetings(context.db, filter, first, selectionOf(info))), ids);
}

export const relationshipResolvers: Resolvers = {
  Query: {
    counterparts: async (_parent, { personId, period, country, organization, orderBy, first }, { db }, info) =>
      existing(
        db,
        await listCounterparts(db, personId, {
          period: parsePeriodInput('period', period),
          country,
          organization,
          orderBy,
          first: assertFirst('Query.counterparts', first),
          selection: selectionOf(info),
        }),
        [
          { argument: 'personId', id: personId, kind: 'Person' },
          ...(country ? [{ argument: 'country', id: country, kind: 'Country' }] : []),
          ...(organization ? [{ argument: 'organization', id: organization, kind: 'Organization' }] : []),
        ],
      ),
    meetingsBetween: (_parent, { personA, personB, period, first }, context, info) =>
      meetingsWhere(
        context,
        info,
        { participants: [personA, personB], period: parsePeriodInput('period', period) },
        assertFirst('Query.meetingsBetween', first),
        [
          { argument: 'personA', id: personA, kind: 'Person' },
          { argument: 'personB', id: personB, kind: 'Person' },
        ],
      ),
    meetingsBetweenCountries: (_parent, { countryA, countryB, period, first }, context, info) =>
      meetingsWhere(
        context,
        info,
        { countries: [countryA, countryB], period: parsePeriodInput('period', period) },
        assertFirst('Query.meetingsBetweenCountries', first),
        [
          { argument: 'countryA', id: countryA, kind: 'Country' },
          { argument: 'countryB', id: countryB, kind: 'Country' },
        ],
      ),
    organizationMembers: async (_parent, { organizationId, asOf, first }, { db }) => {
      const period = parsePeriodArgument('asOf', asOf);
      return existing(db, await listOrganizationMembers(db, organizationId, period, assertFirst('Query.organizationMembers', first)), [
        { argument: 'organizationId', id: organizationId, kind: 'Organization' },
      ]);
    },
    connections: async (_parent, { from, to, maxHops, kinds, first, orderBy }, { db }, info) => {
      const wanted = assertFirst('Query.connections', first);
      // More paths than asked for, so the ranking chooses among every path of the fewest hops, not the first found.
      const found = await findConnections(db, from, to, {
        maxHops: assertRange('maxHops', maxHops, 1, MAX_HOPS),
        first: wanted,
        candidates: wanted * CANDIDATE_PATHS_PER_ANSWER,
        kinds: kinds?.length ? kinds : CONNECTION_KINDS,
        evidence: selectionOf(info).hops?.evidence,
      });
      const ends = 'Person|Organization|Country';
      return existing(db, presentConnections(found.paths, found.sources, { orderBy, first: wanted }), [
        { argument: 'from', id: from, kind: ends },
        { argument: 'to', id: to, kind: ends },
      ]);
    },
    timeline: async (_parent, { personId, period, first }, { db }) => {
      const range = parsePeriodInput('period', period);
      return existing(db, presentTimeline(await listTimeline(db, personId, range, assertFirst('Query.timeline', first))), [
        { argument: 'personId', id: personId, kind: 'Person' },
      ]);
    },
  },
  Counterpart: {
    encounters: upToFirst('Counterpart.encounters', (counterpart: CounterpartModel) => counterpart.encounters),
  },
  Hop: {
    evidence: upToFirst('Hop.evidence', (hop: HopModel) => hop.evidence),
  },
};
