import type { DocumentRule } from '../context.js';
import { entriesOf } from '../entries.js';

/**
 * An id names one entry of a document, and one kind of entity across the batch, sources included (evidence and
 * references would not know which is meant). Each entry that reuses an id is one problem at that entry: the other
 * kind and where it is, or else the repeat within its document.
 */
export const uniqueIds: DocumentRule = {
  name: 'unique-ids',
  check({ documents, report }) {
    const lastOfId = new Map<string, { label: string; file: string; path: string }>();
    for (const { file, document } of documents) {
      const seenHere = new Set<string>();
      for (const { spec, entry, path } of entriesOf(document)) {
        const before = lastOfId.get(entry.id);
        if (before && before.label !== spec.label) {
          report({
            file,
            path: `${path}/id`,
            message: `"${entry.id}" is a ${before.label} in ${before.file} ${before.path}`,
            expected: 'an id not used by another kind of entity',
          });
        } else if (seenHere.has(entry.id)) {
          report({ file, path: `${path}/id`, message: `"${entry.id}" is used twice in this document`, expected: 'a unique id' });
        }
        seenHere.add(entry.id);
        lastOfId.set(entry.id, { label: spec.label, file, path });
      }
    }
  },
};
