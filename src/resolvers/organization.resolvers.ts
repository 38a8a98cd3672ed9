import type { Resolvers } from '../__generated__/graphql.js';
import { parsePartialDate } from '../domain/partial-date.js';
import { AppError, ErrorCode } from '../errors.js';
import { findOrganizationById, findPostById, listPostHolders } from '../repositories/organization.repository.js';
import { fromDetails } from './details.js';

export const organizationResolvers: Resolvers = {
  Query: {
    organization: (_parent, { id }, { db }) => findOrganizationById(db, id),
    post: (_parent, { id }, { db }) => findPostById(db, id),
    postHolders: (_parent, { postId, asOf }, { db }) => listPostHolders(db, postId, parsePeriodArgument('asOf', asOf)),
  },
  Country: {
    evidence: fromDetails('Country', 'evidence'),
  },
  Place: {
    country: fromDetails('Place', 'country'),
    evidence: fromDetails('Place', 'evidence'),
  },
  Organization: {
    country: fromDetails('Organization', 'country'),
    parent: fromDetails('Organization', 'parent'),
    posts: fromDetails('Organization', 'posts'),
    evidence: fromDetails('Organization', 'evidence'),
  },
  Post: {
    organization: fromDetails('Post', 'organization'),
    evidence: fromDetails('Post', 'evidence'),
  },
  Tenure: {
    person: fromDetails('Tenure', 'person'),
    post: fromDetails('Tenure', 'post'),
    evidence: fromDetails('Tenure', 'evidence'),
  },
};

/** Reads a period argument (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD) or fails with BAD_USER_INPUT naming it. */
export function parsePeriodArgument(argument: string, value: string) {
  const period = parsePartialDate(value);
  if (!period) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument} must be a date or period: YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD; got "${value}"`, { argument });
  }
  return period;
}
