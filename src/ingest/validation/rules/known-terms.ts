import { type FieldSpec, LINKS_FIELDS, VOCABULARIES, type VocabularyName } from '../../../domain/registry/index.js';
import { jaroWinkler } from '../../../domain/similarity.js';
import type { ResolvedRule } from '../context.js';
import { entriesOf } from '../entries.js';

/** Up to three known codes nearest to an unknown one, by spelling. */
export function nearestTerms(code: string, known: Iterable<string>): string[] {
  return [...known]
    .map((k) => ({ k, similarity: jaroWinkler(code.toLowerCase(), k.toLowerCase()) }))
    .sort((a, b) => b.similarity - a.similarity || a.k.localeCompare(b.k))
    .slice(0, 3)
    .map((x) => x.k);
}

function termValues(field: FieldSpec, value: unknown): { vocabulary: VocabularyName; codes: string[] } | null {
  if (field.kind === 'term' && typeof value === 'string') return { vocabulary: field.vocabulary, codes: [value] };
  if (field.kind === 'terms' && Array.isArray(value)) return { vocabulary: field.vocabulary, codes: value as string[] };
  return null;
}

/**
 * A term an entry uses is one of its vocabulary: the registry's, one the graph holds, or one a document of the batch
 * declares. An unknown term names the nearest known ones, so a typo and a new term needing a declaration are told
 * apart. (Closed vocabularies are checked by the schema.)
 */
export const knownTerms: ResolvedRule = {
  name: 'known-terms',
  check({ documents, terms, report }) {
    const known = (vocabulary: VocabularyName) => terms.get(vocabulary) ?? new Set<string>();
    const checkValue = (file: string, path: string, field: FieldSpec, value: unknown) => {
      const used = termValues(field, value);
      if (!used || !VOCABULARIES[used.vocabulary].open) return;
      used.codes.forEach((code, k) => {
        if (known(used.vocabulary).has(code)) return;
        report({
          file,
          path: field.kind === 'terms' ? `${path}/${k}` : path,
          message: `"${code}" is not a term of the ${used.vocabulary} vocabulary`,
          expected:
            `a known term (nearest: ${nearestTerms(code, known(used.vocabulary)).join(', ')}), ` +
            "or one declared in the document's vocabulary section",
        });
      });
    };
    for (const { file, document } of documents) {
      for (const { spec, entry, path } of entriesOf(document)) {
        for (const [name, field] of Object.entries(spec.fields)) checkValue(file, `${path}/${name}`, field, entry[name]);
        for (const links of LINKS_FIELDS.filter((l) => l.section === spec.section)) {
          ((entry[links.field] ?? []) as Record<string, unknown>[]).forEach((item, j) => {
            for (const [name, field] of Object.entries(links.properties))
              checkValue(file, `${path}/${links.field}/${j}/${name}`, field, item[name]);
          });
        }
      }
    }
  },
};
