import type { Resolvers } from '../__generated__/graphql.js';
import { fullTextQuery } from '../domain/search-text.js';
import { AppError, ErrorCode } from '../errors.js';
import { presentSearchHits } from '../presenters/search.presenter.js';
import { type SearchKindCode, searchText } from '../repositories/search.repository.js';
import { assertPageSize } from './arguments.js';

const ALL_KINDS: readonly SearchKindCode[] = ['PERSON', 'MEETING', 'STATEMENT', 'EVIDENCE'];

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_parent, { text, kinds, first }, { db }) => {
      const query = fullTextQuery(text);
      if (!query) throw new AppError(ErrorCode.BAD_USER_INPUT, 'text must hold at least one word', { argument: 'text' });
      const rows = await searchText(db, query, kinds?.length ? [...new Set(kinds)] : ALL_KINDS, assertPageSize('first', first));
      return presentSearchHits(rows, text);
    },
  },
};
