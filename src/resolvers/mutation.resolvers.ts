import type { Resolvers } from '../__generated__/graphql.js';
import { AppError, ErrorCode } from '../errors.js';
import { ingestDocuments } from '../ingest/ingest-documents.js';
import { mergePeople } from '../repositories/merge-people.repository.js';
import { findPersonById } from '../repositories/person.repository.js';

export const mutationResolvers: Resolvers = {
  Mutation: {
    ingestDocuments: async (_parent, { documents }, { db }) => {
      const result = await ingestDocuments(db, documents.map((value, i) => ({ file: `documents[${i}]`, value })));
      if (!result.ok) {
        throw new AppError(ErrorCode.INVALID_DOCUMENT, `${result.problems.length} problem(s) in the documents; nothing was written`, {
          problems: result.problems.map(({ file, path, message, expected }) => ({ document: file, path, message, expected })),
        });
      }
      return result;
    },
    mergePeople: async (_parent, { keep, merge }, { db }) => {
      const [kept, merged] = await Promise.all([findPersonById(db, keep), findPersonById(db, merge)]);
      for (const [person, id, argument] of [[kept, keep, 'keep'], [merged, merge, 'merge']] as const) {
        if (!person) throw new AppError(ErrorCode.NOT_FOUND, `No person has the id "${id}"`, { argument });
      }
      return mergePeople(db, kept!.id, merged!.id);
    },
  },
};
