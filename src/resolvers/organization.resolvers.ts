import type { Resolvers } from '../__generated__/graphql.js';
import { findOrganizationById, findPostById, listPostHolders } from '../repositories/organization.repository.js';
import { parsePeriodArgument } from './arguments.js';
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
    parent: fromDetails('Place', 'parent'),
    within: fromDetails('Place', 'within'),
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
    attestations: fromDetails('Tenure', 'attestations'),
    evidence: fromDetails('Tenure', 'evidence'),
  },
};
