import type { Resolvers } from '../../__generated__/graphql.js';
import { type SearchKindCode, searchText } from '../../repositories/search.repository.js';
import { presentSearchHits } from '../presenters/search.presenter.js';
import { assertFirst, parseSearchText } from './arguments.js';

const ALL_KINDS: readonly SearchKindCode[] = ['PERSON', 'MEETING', 'STATEMENT', 'EVIDENCE'];

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_parent, { text, kinds, first }, { db }) => {
      const rows = await searchText(
        db,
        parseSearchText('text', text),
        kinds?.length ? [...new Set(kinds)] : ALL_KINDS,
        assertFirst('Query.search', first),
      );
      return presentSearchHits(rows, text);
    },
  },
};
