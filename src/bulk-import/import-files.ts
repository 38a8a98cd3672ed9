import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { barredText } from '../domain/names.js';
import {
  ENTITY_LABEL_SPECS,
  ID_SPACE_LABEL,
  type LabelSpec,
  SUPPORTED_BY,
  type VocabularyName,
  vocabularyGraph,
} from '../domain/registry/index.js';
import { groupRelationships, type NodeRow, type ResolvedEvidence, type TermRow, type WritePlan } from '../domain/write-plan-rows.js';

/**
 * A write plan as the CSV files of `neo4j-admin database import full`, holding exactly what the ingest path's
 * MERGE statements would leave in an empty graph (repositories/ingest.repository.ts): the shared id-space label on
 * every node, a person's alias, former-id and key lists with their barred texts, one SUPPORTED_BY per node, source
 * and paragraph, a relationship's evidence in its three aligned lists, the vocabularies' terms as MERGE_TERMS keeps
 * them and each entity's links to its terms. What else ingest derives from the written graph (captions, a tenure's
 * attested span) the import service derives with the same statements once the server is back.
 */

/** Array elements are split on the unit separator, a character no name, note or topic holds. */
export const ARRAY_DELIMITER = '\u001f';

/**
 * Properties the plan sets to an empty list, which CSV cannot tell from no value: the importer leaves them out and
 * the import service sets them afterwards, as ingest's `SET` would have.
 */
export interface EmptyLists {
  nodes: { label: string; property: string; ids: string[] }[];
  relationships: { fromLabel: string; type: string; toLabel: string; property: string; pairs: { from: string; to: string }[] }[];
}

export interface ImportFiles {
  /** The importer's --nodes and --relationships arguments. */
  args: string[];
  emptyLists: EmptyLists;
  /** Nodes per label and relationships per type the files hold: what the graph must count once they are in. */
  expected: { nodes: Record<string, number>; relationships: Record<string, number> };
  /** Whether a value holds a line break: the importer then reads each file in one thread instead of several. */
  multilineFields: boolean;
}

function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.map(String).join(ARRAY_DELIMITER) : String(value);
  return text.includes('"') ? `"${text.replace(/"/g, '""')}"` : `"${text}"`;
}

/** What the values of one property across the rows allow: the importer's column type, decided in one pass. */
class ColumnKind {
  private integers = true;
  private numbers = true;
  private booleans = true;
  private any = false;
  private lists = false;

  see(value: unknown): void {
    if (Array.isArray(value)) {
      this.lists = true;
      for (const element of value) this.seeOne(element);
    } else {
      this.seeOne(value);
    }
  }

  private seeOne(value: unknown): void {
    this.any = true;
    if (typeof value !== 'number') this.integers = this.numbers = false;
    else if (!Number.isInteger(value)) this.integers = false;
    if (typeof value !== 'boolean') this.booleans = false;
  }

  get type(): string {
    const base = !this.any ? 'string' : this.integers ? 'long' : this.numbers ? 'double' : this.booleans ? 'boolean' : 'string';
    return this.lists ? `${base}[]` : base;
  }
}

interface CsvRow {
  fixed: unknown[];
  props: Record<string, unknown>;
}

const asIs = (row: CsvRow) => row;

/**
 * One CSV file: a typed header from the union of the rows' keys, then a line per row. A property no row holds a
 * value for gets no column, as ingest's `SET n += props` writes nothing for it. `line` makes a row's fields; it runs
 * twice per row (types first, then the text), so no list of millions of fields outlives a moment. Answers how many
 * rows it wrote, for each property some rows hold as an empty list those rows, and whether a value broke a line.
 */
function writeCsv<T>(
  file: string,
  fixed: string[],
  rows: readonly T[],
  line: (row: T) => CsvRow,
): { written: number; emptyLists: Map<string, T[]>; lineBreaks: boolean } {
  const kinds = new Map<string, ColumnKind>();
  const emptyLists = new Map<string, T[]>();
  for (const row of rows) {
    const { props } = line(row);
    for (const key in props) {
      const value = props[key];
      if (value == null) continue;
      if (Array.isArray(value) && value.length === 0) append(emptyLists, key, row);
      const kind = kinds.get(key) ?? new ColumnKind();
      kinds.set(key, kind);
      kind.see(value);
    }
  }
  const keys = [...kinds.keys()];
  let lineBreaks = false;
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, `${[...fixed, ...keys.map((key) => `${key}:${kinds.get(key)!.type}`)].join(',')}\n`);
    let chunk = '';
    let lines = 0;
    for (const row of rows) {
      const fields = line(row);
      let text = '';
      for (const value of fields.fixed) text += `${csvField(value)},`;
      for (const key of keys) text += `${csvField(fields.props[key])},`;
      if (!lineBreaks && (text.includes('\n') || text.includes('\r'))) lineBreaks = true;
      chunk += `${text.slice(0, -1)}\n`;
      if (++lines % 10_000 === 0) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    if (chunk.length > 0) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return { written: rows.length, emptyLists, lineBreaks };
}

/** A person's own properties and lists as `mergeNodesCypher('Person')` leaves them on a node it creates. */
function personProperties(row: NodeRow): Record<string, unknown> {
  const name = row.props.name;
  const aliases = (row.aliases ?? []).filter((a) => a !== name);
  const otherIds = (row.otherIds ?? []).filter((i) => i !== row.id);
  const nameKeys = row.nameKeys ?? [];
  const blockKeys = row.blockKeys ?? [];
  return {
    ...row.props,
    aliases,
    otherIds,
    nameKeys,
    blockKeys,
    nameKeyText: barredText(nameKeys),
    otherIdText: barredText(otherIds),
    blockKeyText: barredText(blockKeys),
  };
}

/** One SUPPORTED_BY per node, source and paragraph: the MERGE's key; a later row's note and dates win. */
function nodeEvidence(rows: NodeRow[]): CsvRow[] {
  const byKey = new Map<string, CsvRow>();
  for (const row of rows) {
    for (const e of row.evidence) {
      const key = `${row.id}\u0000${e.source}\u0000${e.paragraph}`;
      const before = byKey.get(key);
      byKey.set(key, { fixed: [row.id, e.source], props: { ...before?.props, paragraph: e.paragraph, note: e.note, ...e.dates } });
    }
  }
  return [...byKey.values()];
}

/** A relationship's evidence in aligned lists, an entry per source and paragraph, as `mergeRelationshipsCypher` keeps them. */
function evidenceLists(evidence: ResolvedEvidence[]): Record<string, unknown[]> {
  return {
    sourceIds: evidence.map((e) => e.source),
    paragraphs: evidence.map((e) => e.paragraph),
    notes: evidence.map((e) => e.note),
  };
}

/** Adds `value` to the list under `key`, in place: copying the list per row made grouping quadratic at 100k. */
function append<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/** A term node's id, as MERGE_TERMS gives it. */
const termId = (vocabulary: string, code: string) => `${vocabulary}/${code}`;

/** Terms as MERGE_TERMS leaves them after the given rows, in order: the last label and description, sources unioned. */
function foldTerms(terms: readonly TermRow[]): Map<string, TermRow> {
  const byId = new Map<string, TermRow>();
  for (const row of terms) {
    const id = termId(row.vocabulary, row.code);
    const before = byId.get(id)?.sources ?? [];
    byId.set(id, { ...row, sources: [...before, ...row.sources.filter((s) => !before.includes(s))] });
  }
  return byId;
}

/** Each entity's links to the terms its term fields name, one per entity and term, as the link statements MERGE them. */
function termLinks(plan: WritePlan, terms: ReadonlyMap<string, TermRow>): { label: string; linkType: string; rows: CsvRow[] }[] {
  const links: { label: string; linkType: string; rows: CsvRow[] }[] = [];
  for (const spec of ENTITY_LABEL_SPECS as readonly LabelSpec[]) {
    const rows = plan.nodes.get(spec.label as never) ?? [];
    for (const [field, f] of Object.entries(spec.fields)) {
      if (f.kind !== 'terms' && f.kind !== 'term') continue;
      const graph = vocabularyGraph(f.vocabulary as VocabularyName);
      if (!graph || rows.length === 0) continue;
      const linked = rows.flatMap((row) => {
        const value = row.props[field];
        const codes = [...new Set((Array.isArray(value) ? value : [value]).filter((c): c is string => typeof c === 'string'))];
        return codes
          .map((code) => termId(f.vocabulary, code))
          .filter((term) => terms.has(term))
          .map((term) => ({ fixed: [row.id, term], props: {} }));
      });
      links.push({ label: spec.label, linkType: graph.linkType, rows: linked });
    }
  }
  return links;
}

function assertUnique(what: string, keys: string[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw new Error(`the write plan holds two rows for ${what} ${key}; the importer would write both`);
    seen.add(key);
  }
}

/**
 * Writes the plan's CSV files into `dir` and answers the importer's arguments and the counts. `terms` are the term
 * rows in the order ingest would merge them: the registry's (written at every start), then the plan's.
 */
export function writeImportFiles(plan: WritePlan, terms: readonly TermRow[], dir: string): ImportFiles {
  mkdirSync(dir, { recursive: true });
  const args: string[] = [];
  const emptyLists: EmptyLists = { nodes: [], relationships: [] };
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  const add = (counts: Record<string, number>, key: string, n: number) => {
    counts[key] = (counts[key] ?? 0) + n;
  };
  let lineBreaks = false;
  const write: typeof writeCsv = (...args) => {
    const written = writeCsv(...args);
    lineBreaks ||= written.lineBreaks;
    return written;
  };

  assertUnique(
    'source',
    plan.sources.map((s) => s.id),
  );
  const sources = join(dir, 'Source.csv');
  add(nodes, 'Source', write(sources, ['id:ID(Source)'], plan.sources, (s) => ({ fixed: [s.id], props: s.props })).written);
  args.push(`--nodes=Source:${ID_SPACE_LABEL}=${sources}`);

  for (const [label, rows] of plan.nodes) {
    if (rows.length === 0) continue;
    assertUnique(
      label,
      rows.map((r) => r.id),
    );
    const file = join(dir, `${label}.csv`);
    const props = (row: NodeRow) => (label === 'Person' ? personProperties(row) : row.props);
    const written = write(file, [`id:ID(${label})`], rows, (row) => ({ fixed: [row.id], props: props(row) }));
    add(nodes, label, written.written);
    for (const [property, empty] of written.emptyLists) emptyLists.nodes.push({ label, property, ids: empty.map((r) => r.id) });
    args.push(`--nodes=${label}:${ID_SPACE_LABEL}=${file}`);
    const evidence = join(dir, `${label}-${SUPPORTED_BY}.csv`);
    add(relationships, SUPPORTED_BY, write(evidence, [`:START_ID(${label})`, ':END_ID(Source)'], nodeEvidence(rows), asIs).written);
    args.push(`--relationships=${SUPPORTED_BY}=${evidence}`);
  }

  for (const { fromLabel, type, toLabel, rows } of groupRelationships(plan)) {
    assertUnique(
      type,
      rows.map((r) => `${r.from}->${r.to}`),
    );
    const file = join(dir, `${fromLabel}-${type}-${toLabel}.csv`);
    const written = write(file, [`:START_ID(${fromLabel})`, `:END_ID(${toLabel})`], rows, (row) => ({
      fixed: [row.from, row.to],
      props: { ...row.props, ...evidenceLists(row.evidence) },
    }));
    add(relationships, type, written.written);
    for (const [property, empty] of written.emptyLists) {
      emptyLists.relationships.push({ fromLabel, type, toLabel, property, pairs: empty.map((r) => ({ from: r.from, to: r.to })) });
    }
    args.push(`--relationships=${type}=${file}`);
  }
  const folded = foldTerms(terms);
  const byVocabulary = new Map<string, TermRow[]>();
  for (const term of folded.values()) append(byVocabulary, term.vocabulary, term);
  for (const [vocabulary, rows] of byVocabulary) {
    const file = join(dir, `Term-${vocabulary}.csv`);
    const graph = vocabularyGraph(vocabulary as VocabularyName);
    const written = write(file, ['id:ID(Term)'], rows, (t) => ({
      fixed: [termId(t.vocabulary, t.code)],
      props: { vocabulary: t.vocabulary, code: t.code, label: t.label, description: t.description, caption: t.label, sources: t.sources },
    }));
    add(nodes, 'Term', written.written);
    args.push(`--nodes=${['Term', ...(graph ? [graph.label] : [])].join(':')}=${file}`);
    for (const [property, empty] of written.emptyLists) {
      emptyLists.nodes.push({ label: 'Term', property, ids: empty.map((t) => termId(t.vocabulary, t.code)) });
    }
  }
  for (const { label, linkType, rows } of termLinks(plan, folded)) {
    const file = join(dir, `${label}-${linkType}-Term.csv`);
    add(relationships, linkType, write(file, [`:START_ID(${label})`, ':END_ID(Term)'], rows, asIs).written);
    args.push(`--relationships=${linkType}=${file}`);
  }
  return { args, emptyLists, expected: { nodes, relationships }, multilineFields: lineBreaks };
}
