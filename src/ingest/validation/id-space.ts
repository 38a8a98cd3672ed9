import { differingMetadata, sourceMetadataKey } from '../../domain/source-metadata.js';
import { entriesOf, type NamedDocument } from './entries.js';
import type { GraphLookup } from './link-people.js';
import type { Problem } from './problem.js';

/**
 * Ids are one space across the graph: an id a batch declares for one kind of entity must not be the graph's id of
 * another kind (nor the former id of a merged person). The Entity constraint refuses such a write too; this says
 * where in which document, before anything is written.
 */
export async function checkIdSpace(documents: readonly NamedDocument[], graph: GraphLookup, report: (p: Problem) => void): Promise<void> {
  const rows = new Map<string, { id: string; label: string }>();
  for (const { document } of documents)
    for (const { spec, entry } of entriesOf(document)) rows.set(`${spec.label}|${entry.id}`, { id: entry.id, label: spec.label });
  const clashes = await graph.findIdClashes([...rows.values()]);
  if (clashes.size === 0) return;
  for (const { file, document } of documents) {
    for (const { spec, entry, path } of entriesOf(document)) {
      const held = clashes.get(entry.id);
      if (held === undefined || held === spec.label) continue;
      report({
        file,
        path: `${path}/id`,
        message: `"${entry.id}" is already the id of ${/^[AEIOU]/.test(held) ? 'an' : 'a'} ${held} in the graph`,
        expected: `an id no other kind of entity has: ids are one space across the graph`,
      });
    }
  }
}

/**
 * A source's metadata changes only through a new revision: declaring a source the graph holds with other metadata
 * is refused unless the entry's revision is higher than the graph's, and a revision may add paragraphs but not
 * remove them (evidence in the graph may cite them). Within a batch, a source is declared one way.
 */
export async function checkSourceRevisions(
  documents: readonly NamedDocument[],
  graph: GraphLookup,
  report: (p: Problem) => void,
): Promise<void> {
  const held = await graph.findSources([...new Set(documents.flatMap(({ document }) => document.sources.map((s) => s.id)))]);
  const inBatch = new Map<string, { key: string; file: string; index: number }>();
  for (const { file, document } of documents) {
    document.sources.forEach((source, index) => {
      const path = `/sources/${index}`;
      const key = sourceMetadataKey(source);
      const before = inBatch.get(source.id);
      if (before && before.key !== key) {
        report({
          file,
          path,
          message:
            `declares source "${source.id}" with other ${differingMetadata(before.key, key).join(', ')} ` +
            `than ${before.file} /sources/${before.index}`,
          expected: 'one declaration of a source per batch, or the same metadata in each',
        });
      }
      inBatch.set(source.id, { key, file, index });
      const graphState = held.get(source.id);
      if (!graphState) return;
      const revision = source.revision ?? 1;
      if (source.revision !== undefined && source.revision < graphState.revision) {
        report({
          file,
          path: `${path}/revision`,
          message: `is ${source.revision}, but the graph holds revision ${graphState.revision} of "${source.id}"`,
          expected: `${graphState.revision} or more, or no revision to cite the source as the graph holds it`,
        });
        return;
      }
      if (graphState.metadataKey === undefined || graphState.metadataKey === key) return;
      if (revision <= graphState.revision) {
        report({
          file,
          path,
          message:
            `declares source "${source.id}" with other ${differingMetadata(graphState.metadataKey, key).join(', ')} ` +
            `than the graph's revision ${graphState.revision}`,
          expected: `the metadata the graph holds, or "revision": ${graphState.revision + 1} to change it`,
        });
      } else if (source.paragraphs < graphState.paragraphs) {
        report({
          file,
          path: `${path}/paragraphs`,
          message: `is ${source.paragraphs}, fewer than the ${graphState.paragraphs} of revision ${graphState.revision} in the graph`,
          expected: `at least ${graphState.paragraphs}: evidence in the graph may cite any of them`,
        });
      }
    });
  }
}
