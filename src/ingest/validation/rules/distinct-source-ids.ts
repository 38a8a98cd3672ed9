import type { ResolvedRule } from '../context.js';

/** A source's id is not also an entity's: evidence and references would not know which is meant. */
export const distinctSourceIds: ResolvedRule = {
  name: 'distinct-source-ids',
  check({ documents, declared, report }) {
    const sourceIds = new Set(documents.flatMap(({ document }) => document.sources.map((s) => s.id)));
    for (const id of sourceIds) {
      if (declared.has(id))
        report({ file: '', path: '/sources', message: `source id "${id}" is also the id of an entity`, expected: 'distinct ids' });
    }
  },
};
