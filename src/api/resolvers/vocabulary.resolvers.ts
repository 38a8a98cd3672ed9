import type { Resolvers } from '../../__generated__/graphql.js';
import type { VocabularyModel } from '../../repositories/models.js';
import { itemsOf } from '../../repositories/projections.js';
import { listTopics, listVocabularies } from '../../repositories/vocabulary.repository.js';
import { assertFirst } from './arguments.js';
import { upToFirst } from './details.js';
import { selectionOf } from './selection.js';

export const vocabularyResolvers: Resolvers = {
  Query: {
    // The terms come in the same statement: as many as the largest `first` asked of them, none when none are asked.
    vocabularies: (_parent, _args, { db }, info) => {
      const { terms } = selectionOf(info);
      return listVocabularies(db, terms ? itemsOf('Vocabulary.terms', terms) : 0);
    },
    topics: (_parent, { first }, { db }) => listTopics(db, assertFirst('Query.topics', first)),
  },
  Vocabulary: {
    terms: upToFirst('Vocabulary.terms', (vocabulary: VocabularyModel) => vocabulary.terms),
  },
};
