import type { Resolvers } from '../__generated__/graphql.js';
import { listTopics, listVocabularies } from '../repositories/vocabulary.repository.js';

export const vocabularyResolvers: Resolvers = {
  Query: {
    vocabularies: (_parent, _args, { db }) => listVocabularies(db),
    topics: (_parent, _args, { db }) => listTopics(db),
  },
};
