import type { Resolvers } from '../../__generated__/graphql.js';
import { listMeetings } from '../../repositories/meeting.repository.js';
import { listOrganizations, listPosts } from '../../repositories/organization.repository.js';
import { listPeople } from '../../repositories/person.repository.js';
import { assertFirst, parsePeriodInput } from './arguments.js';

export const listResolvers: Resolvers = {
  Query: {
    people: (_parent, { where, first, after }, { db }) => listPeople(db, where ?? {}, assertFirst('Query.people', first), after),
    organizations: (_parent, { where, first, after }, { db }) =>
      listOrganizations(db, where ?? {}, assertFirst('Query.organizations', first), after),
    posts: (_parent, { where, first, after }, { db }) => listPosts(db, where ?? {}, assertFirst('Query.posts', first), after),
    meetings: (_parent, { where, first, after }, { db }) =>
      listMeetings(db, { ...where, period: parsePeriodInput('where.period', where?.period) }, assertFirst('Query.meetings', first), after),
  },
};
