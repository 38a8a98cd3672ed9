import type { DocumentRule } from '../context.js';
import { entriesOf } from '../entries.js';

/** An id names one entry of a document, and one kind of entity across the batch. */
export const uniqueIds: DocumentRule = {
  name: 'unique-ids',
  check({ documents, report }) {
    const firstOfId = new Map<string, { label: string; file: string; path: string }>();
    for (const { file, document } of documents) {
      const seenHere = new Set<string>();
      for (const { spec, entry, path } of entriesOf(document)) {
        if (seenHere.has(entry.id))
          report({ file, path: `${path}/id`, message: `"${entry.id}" is used twice in this document`, expected: 'a unique id' });
        seenHere.add(entry.id);
        const before = firstOfId.get(entry.id);
        if (before && before.label !== spec.label) {
          report({
            file,
            path: `${path}/id`,
            message: `"${entry.id}" is a ${before.label} in ${before.file} ${before.path}`,
            expected: 'an id not used by another kind of entity',
          });
        }
        firstOfId.set(entry.id, { label: spec.label, file, path });
      }
    }
  },
};
