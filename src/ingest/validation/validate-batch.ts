import type { Problem } from '../../domain/problem.js';
import { type EntityLabel, type SourceDocument, VOCABULARIES } from '../../domain/registry/index.js';
import type { DocumentContext } from './context.js';
import { entriesOf, type NamedDocument, referencesOf } from './entries.js';
import { checkIdSpace, checkOtherIds, checkSourceRevisions } from './id-space.js';
import { type GraphLookup, linkPeople } from './link-people.js';
import { linkTenures } from './link-tenures.js';
import { DOCUMENT_RULES, RESOLVED_RULES } from './rules/index.js';
import { salvage } from './salvage.js';
import { checkShape } from './shape.js';

/** A batch that passed every check, with each id of the documents mapped to the graph id it stands for. */
export interface ResolvedBatch {
  documents: NamedDocument[];
  /** Document id → graph id; ids absent here stand for themselves. */
  idMap: Map<string, string>;
  labels: Map<string, EntityLabel>;
  /** Graph ids of people that existed before this batch; a document naming one of them adds aliases, never renames. */
  existingPeople: Set<string>;
  /** Things worth knowing that do not stop the batch: tenures kept apart because their dates conflict. */
  notices: Problem[];
  /** Why each person of the documents was linked to a person the graph holds, in words. */
  linkReasons: Map<string, string>;
}

export type BatchCheck = { problems: Problem[] } | { problems: []; batch: ResolvedBatch };

/** Every code each vocabulary has: the registry's, the graph's, and the batch's declarations. */
async function knownTermCodes(documents: readonly NamedDocument[], graph: GraphLookup): Promise<Map<string, Set<string>>> {
  const terms = await graph.findTerms();
  const add = (vocabulary: string, code: string) => {
    const codes = terms.get(vocabulary) ?? new Set<string>();
    terms.set(vocabulary, codes.add(code));
  };
  for (const [name, vocabulary] of Object.entries(VOCABULARIES)) for (const term of vocabulary.terms) add(name, term.code);
  for (const { document } of documents) for (const term of document.vocabulary ?? []) add(term.vocabulary, term.code);
  return terms;
}

/**
 * Validates a batch of documents as a whole, as graphql-js validates a query: the JSON Schema first, then each
 * rule of DOCUMENT_RULES, then people are linked to the graph, then each rule of RESOLVED_RULES. Every stage runs
 * whatever the earlier ones found (a document the schema refused is checked for what of it is well formed), and
 * every problem is listed; the batch is resolved for writing only when there is none.
 */
export async function validateBatch(inputs: { file: string; value: unknown }[], graph: GraphLookup): Promise<BatchCheck> {
  const problems: Problem[] = [];
  const report = (problem: Problem) => problems.push(problem);
  const documents: NamedDocument[] = [];
  const leftOut = new Map<string, EntityLabel>();
  for (const { file, value } of inputs) {
    const shape = checkShape(file, value);
    problems.push(...shape);
    if (shape.length === 0) {
      documents.push({ file, document: value as SourceDocument });
      continue;
    }
    // The rest of a refused document is still checked, so that one run lists every problem it has.
    const salvaged = salvage(value, shape);
    if (!salvaged) continue;
    documents.push({ file, document: salvaged.document });
    for (const [id, label] of salvaged.leftOut) leftOut.set(id, label);
  }
  // Documents apply in the order of their sources' ids, not the order given: a batch in any order is one graph.
  documents.sort((a, b) => a.document.sources[0]!.id.localeCompare(b.document.sources[0]!.id) || a.file.localeCompare(b.file));

  const context: DocumentContext = { documents, report };
  for (const rule of DOCUMENT_RULES) rule.check(context);

  const declared = new Map<string, { label: EntityLabel; file: string; path: string }>();
  for (const { file, document } of documents) {
    for (const { spec, entry, path } of entriesOf(document)) {
      if (spec.label !== 'Source') declared.set(entry.id, { label: spec.label as EntityLabel, file, path });
    }
  }
  // Everything a document names but does not declare must already be in the graph; people are looked up too.
  const lookupIds = new Set(
    documents.flatMap(({ document }) => referencesOf(document).map((r) => r.id)).filter((id) => !declared.has(id) && !leftOut.has(id)),
  );
  for (const { document } of documents) {
    for (const person of document.people ?? []) for (const id of [person.id, ...(person.otherIds ?? [])]) lookupIds.add(id);
  }
  const inGraph = await graph.findByIds([...lookupIds]);
  await checkIdSpace(documents, graph, report);
  await checkSourceRevisions(documents, graph, report);
  const { idMap, existingPeople, reasons } = await linkPeople(documents, inGraph, graph, report);
  await checkOtherIds(documents, inGraph, idMap, graph, report);
  const notices: Problem[] = [];
  await linkTenures(documents, idMap, graph, (notice) => notices.push(notice));

  const labels = new Map<string, EntityLabel>(leftOut);
  for (const [id, hit] of inGraph) labels.set(id, hit.label);
  for (const [id, d] of declared) labels.set(id, d.label);
  for (const [from, to] of inGraph) if (from !== to.id) idMap.set(from, to.id);

  const terms = await knownTermCodes(documents, graph);
  for (const rule of RESOLVED_RULES) rule.check({ documents, report, labels, declared, terms });

  if (problems.length > 0) return { problems };
  return { problems: [], batch: { documents, idMap, labels, existingPeople, notices, linkReasons: reasons } };
}
