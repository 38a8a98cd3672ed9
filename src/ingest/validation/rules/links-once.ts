import { LINKS_FIELDS } from '../../../domain/registry/index.js';
import type { DocumentRule } from '../context.js';
import { entriesOf } from '../entries.js';

/** A link's target appears once per entry: a person takes part in a meeting once. */
export const linksOnce: DocumentRule = {
  name: 'links-once',
  check({ documents, report }) {
    for (const { file, document } of documents) {
      for (const { spec, entry, path } of entriesOf(document)) {
        for (const links of LINKS_FIELDS.filter((l) => l.section === spec.section)) {
          const seen = new Set<string>();
          ((entry[links.field] ?? []) as Record<string, string>[]).forEach((item, j) => {
            const target = item[links.key]!;
            if (seen.has(target)) {
              report({
                file,
                path: `${path}/${links.field}/${j}/${links.key}`,
                message: `"${target}" takes part twice`,
                expected: `each ${links.key} once per ${spec.label.toLowerCase()}`,
              });
            }
            seen.add(target);
          });
        }
      }
    }
  },
};
