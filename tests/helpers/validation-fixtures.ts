import type { Problem } from '../../src/domain/problem.js';
import type { EntityLabel, SourceDocument } from '../../src/domain/registry/index.js';
import type { SourceState } from '../../src/domain/source-metadata.js';
import type { DocumentRule, ResolvedRule } from '../../src/ingest/validation/context.js';
import { entriesOf, type NamedDocument } from '../../src/ingest/validation/entries.js';
import type { GraphLookup } from '../../src/ingest/validation/link-people.js';
import type { TenureDates } from '../../src/ingest/validation/link-tenures.js';

/** The source of every fixture document unless a test says otherwise: four paragraphs of a news report. */
export const source = (extra: Record<string, unknown> = {}) => ({
  id: 's1',
  kind: 'NEWS_REPORT',
  publisher: 'Wire',
  title: 'Report',
  published: '2021-06-09',
  language: 'en',
  paragraphs: 4,
  ...extra,
});

/** Evidence of one paragraph of the document's only source. */
export const evidence = (paragraph = 1) => [{ paragraph, note: 'what it says' }];

/** A document of the one fixture source (with `sourceExtra` on it) and the sections given. */
export const documentWith = (sections: Record<string, unknown> = {}, sourceExtra: Record<string, unknown> = {}) => ({
  format: 'officials-graph/source-document@1',
  sources: [source(sourceExtra)],
  ...sections,
});

/** A person entry with its evidence. */
export const person = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, name, evidence: evidence(), ...extra });

/** What a stub graph holds; anything left out it does not hold. */
export interface DescribedGraph {
  /** The label of each id the graph holds. */
  entities?: Record<string, EntityLabel>;
  /** People's former ids: former → current. */
  formerIds?: Record<string, string>;
  /** The people each name key finds. */
  peopleByNameKey?: Record<string, string[]>;
  /** The codes of each vocabulary the graph holds. */
  terms?: Record<string, string[]>;
  /** Source ids the graph holds, each at revision 1 with four paragraphs and no metadata recorded, or as given. */
  sources?: Record<string, Partial<SourceState>> | string[];
  /** The tenures the graph holds, by `person|post`. */
  tenures?: Record<string, TenureDates[]>;
}

/** A GraphLookup answering from a described graph: validation that needs to ask one; the queries are tested on Neo4j. */
export function graphHolding(graph: DescribedGraph = {}): GraphLookup {
  const entities = graph.entities ?? {};
  const formerIds = graph.formerIds ?? {};
  const sources: Record<string, Partial<SourceState>> = Array.isArray(graph.sources)
    ? Object.fromEntries(graph.sources.map((id) => [id, {}]))
    : (graph.sources ?? {});
  const named = (id: string) =>
    id in entities ? { label: entities[id]!, id } : id in formerIds ? { label: 'Person' as const, id: formerIds[id]! } : undefined;
  const holding = <T>(keys: string[], record: Record<string, T>) => new Map(keys.filter((k) => k in record).map((k) => [k, record[k]!]));
  return {
    findByIds: async (ids) => new Map(ids.flatMap((id) => (named(id) ? [[id, named(id)!] as const] : []))),
    findPeopleByNameKeys: async (keys) => holding(keys, graph.peopleByNameKey ?? {}),
    findTerms: async () => new Map(Object.entries(graph.terms ?? {}).map(([vocabulary, codes]) => [vocabulary, new Set(codes)])),
    findTenures: async (pairs) =>
      holding(
        pairs.map((p) => `${p.person}|${p.post}`),
        graph.tenures ?? {},
      ),
    findIdClashes: async (rows) =>
      new Map(rows.filter((r) => r.id in entities && entities[r.id] !== r.label).map((r) => [r.id, entities[r.id]!])),
    findSources: async (ids) =>
      new Map(
        ids
          .filter((id) => id in sources)
          .map((id) => [id, { revision: 1, metadataKey: undefined, paragraphs: 4, ...sources[id] } satisfies SourceState]),
      ),
  };
}

/** Fixture values as the documents of a batch, as if they had passed the JSON Schema. */
export const named = (...documents: { file: string; value: unknown }[]): NamedDocument[] =>
  documents.map(({ file, value }) => ({ file, document: value as SourceDocument }));

/** The problems one rule over the documents alone reports, in the order it reports them. */
export function problemsOf(rule: DocumentRule, documents: readonly NamedDocument[]): Problem[] {
  const problems: Problem[] = [];
  rule.check({ documents, report: (problem) => problems.push(problem) });
  return problems;
}

/**
 * The problems one rule over resolved ids reports: every entry of the documents is declared, `labels` says what the
 * graph gives the other ids, `terms` are the codes each vocabulary knows.
 */
export function problemsOfResolved(
  rule: ResolvedRule,
  documents: readonly NamedDocument[],
  resolved: { labels?: Record<string, EntityLabel>; terms?: Record<string, string[]> } = {},
): Problem[] {
  const declared = new Map<string, { label: EntityLabel; file: string; path: string }>();
  for (const { file, document } of documents) {
    for (const { spec, entry, path } of entriesOf(document)) {
      if (spec.label !== 'Source') declared.set(entry.id, { label: spec.label as EntityLabel, file, path });
    }
  }
  const labels = new Map<string, EntityLabel>(Object.entries(resolved.labels ?? {}));
  for (const [id, d] of declared) labels.set(id, d.label);
  const terms = new Map(Object.entries(resolved.terms ?? {}).map(([vocabulary, codes]) => [vocabulary, new Set(codes)]));
  const problems: Problem[] = [];
  rule.check({ documents, labels, declared, terms, report: (problem) => problems.push(problem) });
  return problems;
}
