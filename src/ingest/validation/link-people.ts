import { nameKeys } from '../../domain/names.js';
import type { Problem } from '../../domain/problem.js';
import type { EntityLabel, EntryFor } from '../../domain/registry/index.js';
import type { SourceState } from '../../domain/source-metadata.js';
import type { NamedDocument } from './entries.js';
import type { TenureLookup } from './link-tenures.js';

/** What the graph already holds, asked once per batch. */
export interface GraphLookup extends TenureLookup {
  /** Label and current id of each id (a merged person's old id answers with the id it moved to). */
  findByIds(ids: string[]): Promise<Map<string, { label: EntityLabel; id: string }>>;
  /** People whose name or alias has one of the keys. */
  findPeopleByNameKeys(keys: string[]): Promise<Map<string, string[]>>;
  /** The codes of each vocabulary the graph holds. */
  findTerms(): Promise<Map<string, Set<string>>>;
  /** For each id declared as one kind of entity that the graph gives to another kind, that kind. */
  findIdClashes(rows: { id: string; label: string }[]): Promise<Map<string, string>>;
  /** What the graph holds of each source id. */
  findSources(ids: string[]): Promise<Map<string, SourceState>>;
}

/**
 * The lookup of a graph that holds no entity, source or tenure, only the vocabularies' terms: a first load's,
 * whose validation then asks the graph for the terms alone.
 */
export function emptyGraphLookup(findTerms: GraphLookup['findTerms']): GraphLookup {
  return {
    findByIds: async () => new Map(),
    findPeopleByNameKeys: async () => new Map(),
    findTerms,
    findTenures: async () => new Map(),
    findIdClashes: async () => new Map(),
    findSources: async () => new Map(),
  };
}

export interface LinkedPeople {
  /** Document id → graph id, for people found in the graph or earlier in the batch. */
  idMap: Map<string, string>;
  /** Graph ids of people that existed before this batch. */
  existingPeople: Set<string>;
  /** Why each linked person was linked, in words. */
  reasons: Map<string, string>;
}

interface PersonAt {
  file: string;
  person: EntryFor<'Person'>;
  index: number;
}

/**
 * Links each person of the batch to a person the graph holds (by id, by a former id, then by name and alias
 * keys) or to a person declared earlier in the batch under another spelling. A name that fits two people, or two
 * entries of one document for one person, is a problem naming both.
 */
export async function linkPeople(
  documents: readonly NamedDocument[],
  inGraph: ReadonlyMap<string, { label: EntityLabel; id: string }>,
  graph: GraphLookup,
  report: (problem: Problem) => void,
): Promise<LinkedPeople> {
  const people: PersonAt[] = documents.flatMap(({ file, document }) =>
    (document.people ?? []).map((person, index) => ({ file, person, index })),
  );
  const idMap = new Map<string, string>();
  const existingPeople = new Set<string>();
  const keyOwner = new Map<string, { id: string; file: string }>();
  const linkedInBatch = new Map<string, string>();
  const reasons = new Map<string, string>();
  const toMatch: (PersonAt & { keys: string[] })[] = [];
  for (const { file, person, index } of people) {
    const known = [person.id, ...(person.otherIds ?? [])].map((id) => inGraph.get(id)).find((hit) => hit?.label === 'Person');
    const keys = nameKeys([person.name, ...(person.aliases ?? [])]);
    const owners = [
      ...new Map(
        keys
          .flatMap((k) => keyOwner.get(k) ?? [])
          .filter((o) => o.id !== person.id)
          .map((o) => [o.id, o]),
      ).values(),
    ];
    const clash = owners.find((o) => o.file === file);
    if (clash) {
      report({
        file,
        path: `/people/${index}/name`,
        message: `"${person.name}" has the same name or alias as person "${clash.id}" of this document`,
        expected: 'one entry per person',
      });
    } else if (known) {
      idMap.set(person.id, known.id);
      existingPeople.add(known.id);
      reasons.set(person.id, known.id === person.id ? 'the same id' : 'an id the person had before');
    } else if (owners.length === 1) {
      linkedInBatch.set(person.id, owners[0]!.id);
      reasons.set(person.id, `the same name or alias, after transliteration, as "${owners[0]!.id}" of this batch`);
    } else if (owners.length > 1) {
      report({
        file,
        path: `/people/${index}/name`,
        message: `"${person.name}" matches several people of this batch: ${owners.map((o) => o.id).join(', ')}`,
        expected: 'the id of the one meant',
      });
    } else {
      toMatch.push({ file, person, index, keys });
    }
    for (const key of keys) if (!keyOwner.has(key)) keyOwner.set(key, { id: person.id, file });
  }
  const byKey = await graph.findPeopleByNameKeys([...new Set(toMatch.flatMap((p) => p.keys))]);
  for (const { file, person, index, keys } of toMatch) {
    const candidates = [...new Set(keys.flatMap((k) => byKey.get(k) ?? []))];
    if (candidates.length === 1) {
      idMap.set(person.id, candidates[0]!);
      existingPeople.add(candidates[0]!);
      reasons.set(person.id, 'the same name or alias, after transliteration (another script, kh/h, dzh/j, ə/a)');
    } else if (candidates.length > 1) {
      report({
        file,
        path: `/people/${index}/name`,
        message: `"${person.name}" matches several people in the graph: ${candidates.join(', ')}`,
        expected: 'the id of the one meant',
      });
    }
  }
  for (const [from, to] of linkedInBatch) idMap.set(from, idMap.get(to) ?? to);
  return { idMap, existingPeople, reasons };
}
