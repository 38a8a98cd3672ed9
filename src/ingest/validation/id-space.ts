import type { Problem } from '../../domain/problem.js';
import type { EntityLabel } from '../../domain/registry/index.js';
import { differingMetadata, sourceMetadataKey } from '../../domain/source-metadata.js';
import { entriesOf, type NamedDocument } from './entries.js';
import type { GraphLookup } from './link-people.js';

const article = (kind: string) => (/^[AEIOU]/.test(kind) ? 'an' : 'a');

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
        message: `"${entry.id}" is already the id of ${article(held)} ${held} in the graph`,
        expected: `an id no other kind of entity has: ids are one space across the graph`,
      });
    }
  }
}

/**
 * A person's otherIds are ids that person had elsewhere, and each will answer the person: none may be the id of
 * another entity (a source, a country, an organization, another person) of the batch or of the graph, nor a former
 * id of another person of the graph, nor be listed for two people. Otherwise the id would name two entities, and
 * the one it named first could no longer be found, or declared again, by it. `owners` maps a person's document id
 * to the graph id it stands for (ids absent stand for themselves); `inGraph` says what the graph gives each id.
 */
export async function checkOtherIds(
  documents: readonly NamedDocument[],
  inGraph: ReadonlyMap<string, { label: EntityLabel; id: string }>,
  owners: ReadonlyMap<string, string>,
  graph: GraphLookup,
  report: (p: Problem) => void,
): Promise<void> {
  const declared = new Map<string, { label: string; at: string }>();
  for (const { file, document } of documents)
    for (const { spec, entry, path } of entriesOf(document))
      if (!declared.has(entry.id)) declared.set(entry.id, { label: spec.label, at: `${file} ${path}` });
  const listed = documents.flatMap(({ file, document }) =>
    (document.people ?? []).flatMap((person, index) =>
      (person.otherIds ?? []).map((id, k) => ({ file, path: `/people/${index}/otherIds/${k}`, id, person: person.id })),
    ),
  );
  const graphSources = await graph.findSources([...new Set(listed.map((l) => l.id))]);
  const ownerOf = (id: string) => owners.get(id) ?? id;
  const claimed = new Map<string, { owner: string; at: string }>();
  for (const { file, path, id, person } of listed) {
    if (id === person) continue;
    const owner = ownerOf(person);
    const entry = declared.get(id);
    const held = inGraph.get(id);
    const before = claimed.get(id);
    let clash: string | undefined;
    if (entry && entry.label !== 'Person') clash = `is the id of ${article(entry.label)} ${entry.label} of the batch, ${entry.at}`;
    else if (entry && ownerOf(id) !== owner) clash = `is the id of another person of the batch, ${entry.at}`;
    else if (held && held.label !== 'Person') clash = `is the id of ${article(held.label)} ${held.label} in the graph`;
    else if (held && held.id !== owner)
      clash = held.id === id ? 'is the id of another person in the graph' : `is a former id of another person in the graph, "${held.id}"`;
    else if (graphSources.has(id)) clash = 'is the id of a Source in the graph';
    else if (before && before.owner !== owner) clash = `is listed for another person too, ${before.at}`;
    if (!before) claimed.set(id, { owner, at: `${file} ${path}` });
    if (clash) report({ file, path, message: `"${id}" ${clash}`, expected: 'an id this person had elsewhere, which names nothing else' });
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
