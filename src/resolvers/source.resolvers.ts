import type { Resolvers } from '../__generated__/graphql.js';
import { findSourceById, listSources } from '../repositories/source.repository.js';

export const sourceResolvers: Resolvers = {
  Query: {
    source: (_parent, { id }, { db }) => findSourceById(db, id),
    sources: (_parent, _args, { db }) => listSources(db),
  },
  Source: {
    // A source no document has revised holds no revision property.
    revision: (source) => source.revision ?? 1,
  },
};
