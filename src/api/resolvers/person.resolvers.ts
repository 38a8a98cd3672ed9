import type { Resolvers } from '../../__generated__/graphql.js';
import { browserEditUrl, personQuery } from '../../domain/browser-link.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { AttendanceModel } from '../../repositories/models.js';
import { findPersonById, searchPeople } from '../../repositories/person.repository.js';
import { assertFirst, foundOr } from './arguments.js';
import { upToFirst } from './details.js';

export const personResolvers: Resolvers = {
  Query: {
    person: (_parent, { id }, { db }) => foundOr(findPersonById(db, id), { argument: 'id', id, kind: 'Person' }),
    searchPeople: (_parent, { name, first }, { db }) => {
      if (name.trim().length === 0) throw new AppError(ErrorCode.BAD_USER_INPUT, 'name must not be empty', { argument: 'name' });
      return searchPeople(db, name, assertFirst('Query.searchPeople', first));
    },
  },
  Person: {
    aliases: upToFirst('Person.aliases', (person: { aliases: string[] }) => person.aliases),
    browserUrl: (person, _args, { browserUrl }) => browserEditUrl(browserUrl, personQuery(person.id)),
  },
  Attendance: {
    evidence: upToFirst('Attendance.evidence', (attendance: AttendanceModel) => attendance.evidence),
  },
};
