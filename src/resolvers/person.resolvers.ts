import type { Resolvers } from '../__generated__/graphql.js';
import { AppError, ErrorCode } from '../errors.js';
import { findPersonById, searchPeople } from '../repositories/person.repository.js';
import { fromDetails } from './details.js';

export const MAX_PAGE_SIZE = 100;

/** Rejects a page size outside 1..MAX_PAGE_SIZE with an error naming the argument. */
export function assertPageSize(argument: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument} must be between 1 and ${MAX_PAGE_SIZE}, got ${value}`, { argument });
  }
  return value;
}

export const personResolvers: Resolvers = {
  Query: {
    person: (_parent, { id }, { db }) => findPersonById(db, id),
    searchPeople: (_parent, { name, first }, { db }) => {
      if (name.trim().length === 0) throw new AppError(ErrorCode.BAD_USER_INPUT, 'name must not be empty', { argument: 'name' });
      return searchPeople(db, name, assertPageSize('first', first));
    },
  },
  Person: {
    country: fromDetails('Person', 'country'),
    tenures: fromDetails('Person', 'tenures'),
    meetings: fromDetails('Person', 'meetings'),
    evidence: fromDetails('Person', 'evidence'),
  },
};
