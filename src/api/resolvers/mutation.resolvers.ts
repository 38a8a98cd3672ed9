import type { Resolvers } from '../../__generated__/graphql.js';
import { draftFromText } from '../../drafting/draft.service.js';
import { AppError, ErrorCode } from '../../errors.js';
import { ingestDocuments } from '../../services/ingest.service.js';
import { mergePeople } from '../../services/merge.service.js';

export const mutationResolvers: Resolvers = {
  Mutation: {
    ingestDocuments: async (_parent, { documents, dryRun }, { db }) => {
      const result = await ingestDocuments(
        db,
        documents.map((value, i) => ({ file: `documents[${i}]`, value })),
        { dryRun: dryRun ?? false },
      );
      if (!result.ok) {
        throw new AppError(ErrorCode.INVALID_DOCUMENT, `${result.problems.length} problem(s) in the documents; nothing was written`, {
          problems: result.problems.map(({ file, path, message, expected }) => ({ document: file, path, message, expected })),
        });
      }
      return { ...result, notices: result.notices.map(({ file, path, message }) => ({ document: file, path, message })) };
    },
    mergePeople: (_parent, { keep, merge }, { db }) => mergePeople(db, keep, merge),
    draftDocument: async (_parent, { text, published, publisher, url }, { db, nlp }) => {
      const { document, problems } = await draftFromText(db, nlp, text, { published: published ?? null, publisher, url: url ?? null });
      return { document, problems: problems.map(({ path, message, expected }) => ({ path, message, expected: expected ?? null })) };
    },
  },
};
