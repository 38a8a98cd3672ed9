import type { ResolvedRule } from '../context.js';
import { referencesOf } from '../entries.js';

/** Every id a document names is declared in the batch or held by the graph, and is of a kind the field allows. */
export const references: ResolvedRule = {
  name: 'references',
  check({ documents, labels, report }) {
    for (const { file, document } of documents) {
      for (const { path, id, targets } of referencesOf(document)) {
        const label = labels.get(id);
        if (label === undefined) {
          report({
            file,
            path,
            message: `names "${id}", which is neither in these documents nor in the graph`,
            expected: `the id of a ${targets.join(' or ')}`,
          });
        } else if (!targets.includes(label)) {
          report({ file, path, message: `names "${id}", which is a ${label}`, expected: `the id of a ${targets.join(' or ')}` });
        }
      }
    }
  },
};
