import type { Resolvers } from '../__generated__/graphql.js';
import { listMeetings } from '../repositories/meeting.repository.js';
import { listOrganizations, listPosts } from '../repositories/organization.repository.js';
import { listPeople } from '../repositories/person.repository.js';
import { assertPageSize, parsePeriodInput } from './arguments.js';

export const listResolvers: Resolvers = {
  Query: {
    people: (_parent, { where, first, after }, { db }) => listPeople(db, where ?? {}, assertPageSize('first', first), after),
    organizations: (_parent, { where, first, after }, { db }) => listOrganizations(db, where ?? {}, assertPageSize('first', first), after),
    posts: (_parent, { where, first, after }, { db }) => listPosts(db, where ?? {}, assertPageSize('first', first), after),
    meetings: (_parent, { where, first, after }, { db }) =>
      listMeetings(db, { ...where, period: parsePeriodInput('where.period', where?.period) }, assertPageSize('first', first), after),
  },
};
