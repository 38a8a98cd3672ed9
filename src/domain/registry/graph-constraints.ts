import { DOCUMENT_LABELS, ID_SPACE_LABEL } from './labels.js';

/** Labels not declared by a document section that still need a unique id: the ingest lock, terms, review records. */
const INTERNAL_UNIQUE_LABELS = ['IngestLock', 'Term', 'MatchCandidate', 'Judgement'] as const;

/**
 * Indexes of the review records: a verdict is checked against the pair's earlier ones, found by the first id of
 * each record (every id either person ever had), so replaying a log of thousands does not read it all per record.
 */
const INTERNAL_INDEXES = ['CREATE INDEX judgement_a IF NOT EXISTS FOR (n:Judgement) ON (n.a)'] as const;

function snake(label: string): string {
  return label.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * The constraints and indexes of the graph, derived from the registry: a unique id for every label ingestion
 * MERGEs on and for the one id space all of them share, and each label's own indexes. Every statement is
 * idempotent (IF NOT EXISTS), so it runs at every start.
 */
export function constraintStatements(): string[] {
  const unique = [...DOCUMENT_LABELS.map((s) => s.label), ID_SPACE_LABEL, ...INTERNAL_UNIQUE_LABELS].map(
    (label) => `CREATE CONSTRAINT ${snake(label)}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  );
  const indexes = DOCUMENT_LABELS.flatMap((spec) =>
    (spec.indexes ?? []).map(
      (index) =>
        `CREATE ${index.kind === 'TEXT' ? 'TEXT ' : ''}INDEX ${index.name} IF NOT EXISTS FOR (n:${spec.label}) ON (n.${index.property})`,
    ),
  );
  return [...unique, ...indexes, ...INTERNAL_INDEXES, ...SEARCH_INDEXES.map((index) => index.statement)];
}

/** The full-text indexes of the search question, one per kind of text it looks through. */
export const SEARCH_INDEXES = [
  {
    name: 'search_person_names',
    statement: 'CREATE FULLTEXT INDEX search_person_names IF NOT EXISTS FOR (n:Person) ON EACH [n.name, n.aliases]',
  },
  {
    name: 'search_meeting_texts',
    statement: 'CREATE FULLTEXT INDEX search_meeting_texts IF NOT EXISTS FOR (n:Meeting) ON EACH [n.summary, n.topics]',
  },
  {
    name: 'search_statement_summaries',
    statement: 'CREATE FULLTEXT INDEX search_statement_summaries IF NOT EXISTS FOR (n:Statement) ON EACH [n.summary]',
  },
  {
    name: 'search_evidence_notes',
    statement: 'CREATE FULLTEXT INDEX search_evidence_notes IF NOT EXISTS FOR ()-[r:SUPPORTED_BY]-() ON EACH [r.note]',
  },
] as const;

/** Indexes earlier versions created that nothing uses any more; dropped at start. */
export const RETIRED_INDEXES = ['person_names'] as const;

/** The name of the constraint that keeps ids one space; a graph without it has not been given the shared label yet. */
export const ID_SPACE_CONSTRAINT = `${snake(ID_SPACE_LABEL)}_id`;
