import type { Resolvers } from '../../__generated__/graphql.js';
import { findSourceById, listSources } from '../../repositories/source.repository.js';
import { assertFirst, foundOr } from './arguments.js';

export const sourceResolvers: Resolvers = {
  Query: {
    source: (_parent, { id }, { db }) => foundOr(findSourceById(db, id), { argument: 'id', id, kind: 'Source' }),
    sources: (_parent, { first }, { db }) => listSources(db, assertFirst('Query.sources', first)),
  },
  Source: {
    // A source no document has revised holds no revision property.
    revision: (source) => source.revision ?? 1,
  },
};
