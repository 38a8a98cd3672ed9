import type { Resolvers } from '../../__generated__/graphql.js';
import { findOrganizationById, findPostById, listPostHolders } from '../../repositories/organization.repository.js';
import { assertFirst, existing, foundOr, parsePeriodArgument } from './arguments.js';
import { answered } from './details.js';
import { selectionOf } from './selection.js';

/**
 * Organizations, their posts, and the tenures people hold them by: the root fields; their reference fields are the
 * derived details resolvers (details.ts).
 */
export const organizationResolvers: Resolvers = {
  Query: {
    organization: (_parent, { id }, { db }) => foundOr(findOrganizationById(db, id), { argument: 'id', id, kind: 'Organization' }),
    post: (_parent, { id }, { db }) => foundOr(findPostById(db, id), { argument: 'id', id, kind: 'Post' }),
    postHolders: async (_parent, { postId, asOf, first }, context, info) => {
      const period = parsePeriodArgument('asOf', asOf);
      const holders = await listPostHolders(context.db, postId, period, assertFirst('Query.postHolders', first), selectionOf(info));
      return existing(context.db, answered(context, holders), [{ argument: 'postId', id: postId, kind: 'Post' }], holders.kinds);
    },
  },
};
