import type { Db, Tx } from '../db/run-query.js';
import { ENTITY_LABEL_SPECS, type LabelSpec, VOCABULARIES, type VocabularyName, vocabularyGraph } from '../domain/registry/index.js';
import type { TermRow } from '../domain/write-plan-rows.js';
import type { TopicModel, VocabularyModel } from './models.js';

/**
 * Terms live in the graph as (:Term {id: 'vocabulary/CODE'}) nodes, the registry's and those documents declared;
 * terms of a vocabulary with a graph label (topics) carry it too, and what uses them links to them.
 */

const GRAPH_LABELS = (Object.keys(VOCABULARIES) as VocabularyName[]).flatMap((name) => {
  const graph = vocabularyGraph(name);
  return graph ? [{ name, ...graph }] : [];
});

/** Writes terms; a term declared again takes the newer label and description and adds the declaring sources. */
export const MERGE_TERMS = `
UNWIND $rows AS row
MERGE (t:Term {id: row.vocabulary + '/' + row.code})
SET t.vocabulary = row.vocabulary, t.code = row.code, t.label = row.label, t.description = row.description, t.caption = row.label,
    t.sources = coalesce(t.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(t.sources, [])]
${GRAPH_LABELS.map((g) => `FOREACH (_ IN CASE WHEN row.vocabulary = '${g.name}' THEN [1] ELSE [] END | SET t:${g.label})`).join('\n')}`;

/** The registry's own terms as rows; written at every start, so a registry edit reaches the graph. */
export function registryTermRows(): TermRow[] {
  return (Object.keys(VOCABULARIES) as VocabularyName[]).flatMap((vocabulary) =>
    VOCABULARIES[vocabulary].terms.map((term) => ({
      vocabulary,
      code: term.code,
      label: term.label,
      description: term.description,
      sources: [],
    })),
  );
}

/** For each (label, field) that holds terms of a vocabulary with a graph label: the statement that links to them. */
export function termLinkStatements(): { label: string; cypher: string }[] {
  return (ENTITY_LABEL_SPECS as readonly LabelSpec[]).flatMap((spec) =>
    Object.entries(spec.fields).flatMap(([field, f]) => {
      if (f.kind !== 'terms' && f.kind !== 'term') return [];
      const graph = vocabularyGraph(f.vocabulary);
      if (!graph) return [];
      const { linkType } = graph;
      const codes = f.kind === 'terms' ? `coalesce(n.${field}, [])` : `[x IN [n.${field}] WHERE x IS NOT NULL]`;
      return [
        {
          label: spec.label,
          cypher: `
MATCH (n:${spec.label}) WHERE n.id IN [row IN $rows | row.id]
OPTIONAL MATCH (n)-[old:${linkType}]->(:Term)
DELETE old
WITH DISTINCT n
UNWIND ${codes} AS code
MATCH (t:Term {id: '${f.vocabulary}/' + code})
MERGE (n)-[:${linkType}]->(t)`,
        },
      ];
    }),
  );
}

/** Writes the registry's terms and links entities written before terms lived in the graph; idempotent. */
export async function applyRegistryTerms(db: Db): Promise<void> {
  await db.write(MERGE_TERMS, { rows: registryTermRows() });
  for (const { label, cypher } of termLinkStatements()) {
    const unlinked = await db.read<{ id: string }>(`MATCH (n:${label}) WHERE NOT EXISTS { (n)-->(:Term) } RETURN n.id AS id`);
    if (unlinked.length > 0) await db.write(cypher, { rows: unlinked });
  }
}

export const FIND_TERMS = `MATCH (t:Term) RETURN t.vocabulary AS vocabulary, collect(t.code) AS codes`;

/** The codes each vocabulary has in the graph, in the caller's transaction. */
export async function findTerms(tx: Tx): Promise<Map<string, Set<string>>> {
  const rows = await tx.run(FIND_TERMS);
  return new Map(rows.map((row) => [row.vocabulary as string, new Set(row.codes as string[])]));
}

/** The first `$first` terms of each vocabulary: the registry's in its order (`$order`, codes by vocabulary), then the rest by code. */
export const LIST_TERMS = `
MATCH (t:Term)
WITH t, coalesce($order[t.vocabulary], []) AS order
WITH t, coalesce(head([i IN range(0, size(order) - 1) WHERE order[i] = t.code]), size(order)) AS rank
ORDER BY t.vocabulary, rank, t.code
RETURN t.vocabulary AS vocabulary, collect(t {.code, .label, .description})[..toInteger($first)] AS terms`;

/** Every vocabulary with the first `first` terms the graph holds for it, in registry order, registry terms first. */
export async function listVocabularies(db: Db, first: number): Promise<VocabularyModel[]> {
  const names = Object.keys(VOCABULARIES) as VocabularyName[];
  const order = Object.fromEntries(names.map((name) => [name, VOCABULARIES[name].terms.map((t) => t.code as string)]));
  const rows = await db.read<{ vocabulary: string; terms: VocabularyModel['terms'] }>(LIST_TERMS, { order, first });
  const terms = new Map(rows.map((row) => [row.vocabulary, row.terms]));
  return names.map((name) => {
    const vocabulary = VOCABULARIES[name];
    return { name, description: vocabulary.description, open: vocabulary.open, terms: terms.get(name) ?? [] };
  });
}

export const LIST_TOPICS = `
MATCH (t:Topic)
RETURN t {.code, .label, .description, meetingCount: COUNT { (t)<-[:ON_TOPIC]-(:Meeting) }} AS topic
ORDER BY topic.meetingCount DESC, topic.code
LIMIT toInteger($first)`;

/** The `first` topics most meetings were about. */
export async function listTopics(db: Db, first: number): Promise<TopicModel[]> {
  return (await db.read<{ topic: TopicModel }>(LIST_TOPICS, { first })).map((r) => r.topic);
}
