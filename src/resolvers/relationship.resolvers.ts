import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../__generated__/graphql.js';
import type { AppContext } from '../context.js';
import { CONNECTION_KINDS } from '../domain/registry/index.js';
import { presentConnections } from '../presenters/connection.presenter.js';
import { presentTimeline } from '../presenters/timeline.presenter.js';
import { findConnections } from '../repositories/connection.repository.js';
import { findMeetings, type MeetingFilter } from '../repositories/meeting.repository.js';
import { listOrganizationMembers } from '../repositories/organization.repository.js';
import { listCounterparts, listTimeline } from '../repositories/relationship.repository.js';
import { assertPageSize, assertRange, existing, type IdArgument, parsePeriodArgument, parsePeriodInput } from './arguments.js';
import { answered } from './details.js';
import { selectionOf } from './selection.js';

const MAX_HOPS = 6;

const MAX_PATHS = 10;
const CANDIDATE_PATHS_PER_ANSWER = 4;

/** The meetings a filter keeps, compiled from what the request asks of them; NOT_FOUND for ids that name nothing. */
async function meetingsWhere(context: AppContext, info: GraphQLResolveInfo, filter: MeetingFilter, ids: IdArgument[]) {
  return existing(context.db, answered(context, await findMeetings(context.db, filter, selectionOf(info))), ids);
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
          first: assertPageSize('first', first),
          selection: selectionOf(info),
        }),
        [
          { argument: 'personId', id: personId, kind: 'Person' },
          ...(country ? [{ argument: 'country', id: country, kind: 'Country' }] : []),
          ...(organization ? [{ argument: 'organization', id: organization, kind: 'Organization' }] : []),
        ],
      ),
    meetingsBetween: (_parent, { personA, personB, period }, context, info) =>
      meetingsWhere(context, info, { participants: [personA, personB], period: parsePeriodInput('period', period) }, [
        { argument: 'personA', id: personA, kind: 'Person' },
        { argument: 'personB', id: personB, kind: 'Person' },
      ]),
    meetingsBetweenCountries: (_parent, { countryA, countryB, period }, context, info) =>
      meetingsWhere(context, info, { countries: [countryA, countryB], period: parsePeriodInput('period', period) }, [
        { argument: 'countryA', id: countryA, kind: 'Country' },
        { argument: 'countryB', id: countryB, kind: 'Country' },
      ]),
    organizationMembers: async (_parent, { organizationId, asOf }, { db }) =>
      existing(db, await listOrganizationMembers(db, organizationId, parsePeriodArgument('asOf', asOf)), [
        { argument: 'organizationId', id: organizationId, kind: 'Organization' },
      ]),
    connections: async (_parent, { from, to, maxHops, kinds, first, orderBy }, { db }) => {
      const wanted = assertRange('first', first, 1, MAX_PATHS);
      // More paths than asked for, so the ranking chooses among every path of the fewest hops, not the first found.
      const found = await findConnections(db, from, to, {
        maxHops: assertRange('maxHops', maxHops, 1, MAX_HOPS),
        first: wanted,
        candidates: wanted * CANDIDATE_PATHS_PER_ANSWER,
        kinds: kinds?.length ? kinds : CONNECTION_KINDS,
      });
      const ends = 'Person|Organization|Country';
      return existing(db, presentConnections(found.paths, found.sources, { orderBy, first: wanted }), [
        { argument: 'from', id: from, kind: ends },
        { argument: 'to', id: to, kind: ends },
      ]);
    },
    timeline: async (_parent, { personId, period }, { db }) =>
      existing(db, presentTimeline(await listTimeline(db, personId, parsePeriodInput('period', period))), [
        { argument: 'personId', id: personId, kind: 'Person' },
      ]),
  },
};
