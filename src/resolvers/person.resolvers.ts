import type { Resolvers } from '../__generated__/graphql.js';
import { browserEditUrl, personQuery } from '../domain/browser-link.js';
import { AppError, ErrorCode } from '../errors.js';
import { findPersonById, searchPeople } from '../repositories/person.repository.js';
import { assertPageSize, foundOr } from './arguments.js';
import { fromDetails } from './details.js';

export const personResolvers: Resolvers = {
  Query: {
    person: (_parent, { id }, { db }) => foundOr(findPersonById(db, id), { argument: 'id', id, kind: 'Person' }),
    searchPeople: (_parent, { name, first }, { db }) => {
      if (name.trim().length === 0) throw new AppError(ErrorCode.BAD_USER_INPUT, 'name must not be empty', { argument: 'name' });
      return searchPeople(db, name, assertPageSize('first', first));
    },
  },
  Person: {
    country: fromDetails('Person', 'country'),
    tenures: fromDetails('Person', 'tenures'),
    meetings: fromDetails('Person', 'meetings'),
    statements: fromDetails('Person', 'statements'),
    evidence: fromDetails('Person', 'evidence'),
    browserUrl: (person, _args, { browserUrl }) => browserEditUrl(browserUrl, personQuery(person.id)),
  },
};
