import type { Resolvers } from '../../__generated__/graphql.js';
import { AppError, ErrorCode } from '../../errors.js';
import { listCandidates } from '../../repositories/resolution.repository.js';
import { judgeMatch } from '../../services/resolution.service.js';
import { assertFirst } from './arguments.js';

/** Who judged: API callers share one key, so the API is the judge; the CLI names the person (--by). */
const API_JUDGE = 'api';

export const resolutionResolvers: Resolvers = {
  Query: {
    matchCandidates: (_parent, { status, first, after }, { db, authenticated }) => {
      if (!authenticated) {
        throw new AppError(ErrorCode.UNAUTHENTICATED, 'Match candidates need the API key: send "Authorization: Bearer <key>".', {
          http: { status: 401 },
        });
      }
      return listCandidates(db, status, assertFirst('Query.matchCandidates', first), after);
    },
  },
  Mutation: {
    judgeMatch: (_parent, { a, b, verdict, note }, { db }) => judgeMatch(db, { a, b, verdict, note: note ?? null, by: API_JUDGE }),
  },
};
