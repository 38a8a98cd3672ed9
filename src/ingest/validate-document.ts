import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { nameKeys } from '../domain/names.js';
import { parsePartialDate } from '../domain/partial-date.js';
import { projectPath } from '../project-root.js';
import {
  REFERENCE_FIELDS,
  SECTIONS,
  type EntityLabel,
  type Evidence,
  type PersonEntry,
  type SourceDocument,
} from './source-document.js';

/** One thing wrong with a document: where (file and JSON pointer), what, and what was expected. */
export interface Problem {
  file: string;
  path: string;
  message: string;
  expected?: string;
}

/** What the graph already holds, asked once per batch. */
export interface GraphLookup {
  /** Label and current id of each id (a merged person's old id answers with the id it moved to). */
  findByIds(ids: string[]): Promise<Map<string, { label: EntityLabel; id: string }>>;
  /** People whose name or alias has one of the keys. */
  findPeopleByNameKeys(keys: string[]): Promise<Map<string, string[]>>;
}

export interface NamedDocument {
  file: string;
  document: SourceDocument;
}

/** A batch that passed every check, with each id of the documents mapped to the graph id it stands for. */
export interface ResolvedBatch {
  documents: NamedDocument[];
  /** Document id → graph id; ids absent here stand for themselves. */
  idMap: Map<string, string>;
  labels: Map<string, EntityLabel>;
  /** Graph ids of people that existed before this batch; a document naming one of them adds aliases, never renames. */
  existingPeople: Set<string>;
}

export const DOCUMENT_SCHEMA_FILE = projectPath('schema', 'source-document.schema.json');
let compiled: ReturnType<Ajv2020['compile']> | undefined;

function schemaValidator(): ReturnType<Ajv2020['compile']> {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(DOCUMENT_SCHEMA_FILE, 'utf8')));
  }
  return compiled;
}

function describeSchemaError(file: string, error: ErrorObject): Problem {
  const path = error.instancePath || '/';
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { file, path: `${error.instancePath}/${String(p.missingProperty)}`, message: 'is missing', expected: 'a value (required)' };
    case 'additionalProperties':
      return { file, path: `${error.instancePath}/${String(p.additionalProperty)}`, message: 'is not a known field', expected: 'only the fields the schema defines' };
    case 'enum':
      return { file, path, message: 'has a value outside the allowed list', expected: `one of ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { file, path, message: 'has the wrong value', expected: JSON.stringify(p.allowedValue) };
    case 'pattern':
      return { file, path, message: 'is not in the expected form', expected: error.parentSchema?.description ?? `text matching ${String(p.pattern)}` };
    case 'type':
      return { file, path, message: 'has the wrong type', expected: `a value of type ${String(p.type)}` };
    case 'minLength':
      return { file, path, message: 'is too short', expected: `at least ${String(p.limit)} character${p.limit === 1 ? '' : 's'}` };
    case 'maxLength':
      return { file, path, message: 'is too long', expected: `at most ${String(p.limit)} characters` };
    case 'minItems':
      return { file, path, message: 'has too few items', expected: `at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}` };
    case 'minimum':
    case 'maximum':
      return { file, path, message: `is out of range`, expected: `a number ${String(p.comparison)} ${String(p.limit)}` };
    case 'uniqueItems':
      return { file, path, message: `repeats an item (items ${String(p.j)} and ${String(p.i)})`, expected: 'each item once' };
    case 'format':
      return { file, path, message: `is not a valid ${String(p.format)}`, expected: `a ${String(p.format)}` };
    default:
      return { file, path, message: error.message ?? error.keyword, expected: error.parentSchema?.description ?? 'a value the schema allows' };
  }
}

/** Checks a parsed value against the JSON Schema alone; lists every problem. */
export function checkShape(file: string, value: unknown): Problem[] {
  const validate = schemaValidator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => describeSchemaError(file, e));
}

type Declared = Map<string, { label: EntityLabel; file: string; path: string }>;

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function checkEvidence(file: string, doc: SourceDocument, path: string, evidence: Evidence[] | undefined, problems: Problem[]): void {
  const sources = new Map(doc.sources.map((s) => [s.id, s]));
  asArray(evidence).forEach((e, i) => {
    const at = `${path}/${i}`;
    if (e.source === undefined && doc.sources.length > 1) {
      problems.push({ file, path: `${at}/source`, message: 'is missing, and the document has several sources', expected: `one of ${[...sources.keys()].join(', ')}` });
      return;
    }
    const source = e.source === undefined ? doc.sources[0] : sources.get(e.source);
    if (!source) {
      problems.push({ file, path: `${at}/source`, message: `names "${e.source}", which is not a source of this document`, expected: `one of ${[...sources.keys()].join(', ')}` });
    } else if (e.paragraph > source.paragraphs) {
      problems.push({ file, path: `${at}/paragraph`, message: `is ${e.paragraph}, but source "${source.id}" has ${source.paragraphs} paragraphs`, expected: `0 to ${source.paragraphs}` });
    }
  });
}

function checkDates(file: string, section: string, index: number, entry: Record<string, unknown>, problems: Problem[]): void {
  for (const field of ['date', 'start', 'end', 'attested', 'period', 'published']) {
    const value = entry[field];
    if (typeof value === 'string' && !parsePartialDate(value)) {
      problems.push({ file, path: `/${section}/${index}/${field}`, message: `"${value}" is not a calendar date`, expected: 'a real date: YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD' });
    }
  }
  const start = typeof entry.start === 'string' ? parsePartialDate(entry.start) : undefined;
  const end = typeof entry.end === 'string' ? parsePartialDate(entry.end) : undefined;
  if (start && end && start.from > end.to) {
    problems.push({ file, path: `/${section}/${index}/end`, message: `${end.value} is before the start ${start.value}`, expected: 'an end on or after the start' });
  }
}

/**
 * Validates a batch of documents as a whole: the schema, ids, evidence, dates, and that every reference names
 * an entity of the right kind in the batch or in the graph. People are matched to the graph by id, by an id they
 * had before, or by name and alias keys. Returns every problem found, or the batch resolved for writing.
 */
export async function validateBatch(
  inputs: { file: string; value: unknown }[],
  graph: GraphLookup,
): Promise<{ problems: Problem[] } | { problems: []; batch: ResolvedBatch }> {
  const problems: Problem[] = [];
  const documents: NamedDocument[] = [];
  for (const { file, value } of inputs) {
    const shape = checkShape(file, value);
    if (shape.length > 0) problems.push(...shape);
    else documents.push({ file, document: value as SourceDocument });
  }
  if (problems.length > 0) return { problems };

  const declared: Declared = new Map();
  const sourceIds = new Set<string>();
  for (const { file, document: doc } of documents) {
    const seenHere = new Set<string>();
    doc.sources.forEach((s, i) => {
      if (seenHere.has(s.id)) problems.push({ file, path: `/sources/${i}/id`, message: `"${s.id}" is used twice in this document`, expected: 'a unique id' });
      seenHere.add(s.id);
      sourceIds.add(s.id);
      checkDates(file, 'sources', i, s as unknown as Record<string, unknown>, problems);
    });
    for (const { section, label } of SECTIONS) {
      (doc[section] ?? []).forEach((entry, i) => {
        const path = `/${section}/${i}`;
        if (seenHere.has(entry.id)) problems.push({ file, path: `${path}/id`, message: `"${entry.id}" is used twice in this document`, expected: 'a unique id' });
        seenHere.add(entry.id);
        const before = declared.get(entry.id);
        if (before && before.label !== label) {
          problems.push({ file, path: `${path}/id`, message: `"${entry.id}" is a ${before.label} in ${before.file} ${before.path}`, expected: `an id not used by another kind of entity` });
        }
        declared.set(entry.id, { label, file, path });
        checkEvidence(file, doc, `${path}/evidence`, entry.evidence, problems);
        checkDates(file, section, i, entry as unknown as Record<string, unknown>, problems);
      });
    }
    (doc.meetings ?? []).forEach((meeting, i) => {
      const seen = new Set<string>();
      meeting.participants.forEach((p, j) => {
        if (seen.has(p.person)) problems.push({ file, path: `/meetings/${i}/participants/${j}/person`, message: `"${p.person}" takes part twice`, expected: 'each person once per meeting' });
        seen.add(p.person);
        checkEvidence(file, doc, `/meetings/${i}/participants/${j}/evidence`, p.evidence, problems);
      });
    });
  }

  // Everything a document names but does not declare must already be in the graph.
  const referenced = new Set<string>();
  for (const { document: doc } of documents) {
    for (const ref of REFERENCE_FIELDS) {
      for (const entry of (doc[ref.section] ?? []) as unknown as Record<string, unknown>[]) {
        for (const id of asArray(entry[ref.field] as string | string[] | undefined)) referenced.add(id);
      }
    }
    for (const m of doc.meetings ?? []) for (const p of m.participants) {
      referenced.add(p.person);
      if (p.post) referenced.add(p.post);
    }
    for (const s of doc.sources) if (s.publishedBy) referenced.add(s.publishedBy);
  }
  const people = documents.flatMap(({ file, document: doc }) => (doc.people ?? []).map((person, index) => ({ file, person, index })));
  const lookupIds = new Set([...referenced].filter((id) => !declared.has(id)));
  for (const { person } of people) {
    lookupIds.add(person.id);
    for (const other of person.otherIds ?? []) lookupIds.add(other);
  }
  const inGraph = await graph.findByIds([...lookupIds]);

  const idMap = new Map<string, string>();
  const existingPeople = new Set<string>();
  // Within a batch, a later document may name a person of an earlier one by another spelling: it links to it.
  const keyOwner = new Map<string, { id: string; file: string }>();
  const linkedInBatch = new Map<string, string>();
  const peopleToMatch: { file: string; person: PersonEntry; index: number; keys: string[] }[] = [];
  for (const { file, person, index } of people) {
    const known = [person.id, ...(person.otherIds ?? [])].map((id) => inGraph.get(id)).find((hit) => hit?.label === 'Person');
    const keys = nameKeys([person.name, ...(person.aliases ?? [])]);
    const owners = [...new Map(keys.map((k) => keyOwner.get(k)).filter((o) => o !== undefined && o.id !== person.id).map((o) => [o!.id, o!])).values()];
    if (owners.some((o) => o.file === file)) {
      const clash = owners.find((o) => o.file === file)!;
      problems.push({ file, path: `/people/${index}/name`, message: `"${person.name}" has the same name or alias as person "${clash.id}" of this document`, expected: 'one entry per person' });
    } else if (known) {
      idMap.set(person.id, known.id);
      existingPeople.add(known.id);
    } else if (owners.length === 1) {
      linkedInBatch.set(person.id, owners[0]!.id);
    } else if (owners.length > 1) {
      problems.push({ file, path: `/people/${index}/name`, message: `"${person.name}" matches several people of this batch: ${owners.map((o) => o.id).join(', ')}`, expected: 'the id of the one meant' });
    } else {
      peopleToMatch.push({ file, person, index, keys });
    }
    for (const key of keys) if (!keyOwner.has(key)) keyOwner.set(key, { id: person.id, file });
  }
  const byKey = await graph.findPeopleByNameKeys([...new Set(peopleToMatch.flatMap((p) => p.keys))]);
  for (const { file, person, index, keys } of peopleToMatch) {
    const candidates = [...new Set(keys.flatMap((k) => byKey.get(k) ?? []))];
    if (candidates.length === 1) {
      idMap.set(person.id, candidates[0]!);
      existingPeople.add(candidates[0]!);
    } else if (candidates.length > 1) {
      problems.push({ file, path: `/people/${index}/name`, message: `"${person.name}" matches several people in the graph: ${candidates.join(', ')}`, expected: 'the id of the one meant' });
    }
  }
  for (const [from, to] of linkedInBatch) idMap.set(from, idMap.get(to) ?? to);

  const labels = new Map<string, EntityLabel>();
  for (const [id, hit] of inGraph) labels.set(id, hit.label);
  for (const [id, d] of declared) labels.set(id, d.label);
  for (const [from, to] of inGraph) if (from !== to.id) idMap.set(from, to.id);

  for (const { file, document: doc } of documents) {
    const check = (path: string, id: string, targets: readonly EntityLabel[]) => {
      const label = labels.get(id);
      if (label === undefined) {
        problems.push({ file, path, message: `names "${id}", which is neither in these documents nor in the graph`, expected: `the id of a ${targets.join(' or ')}` });
      } else if (!targets.includes(label)) {
        problems.push({ file, path, message: `names "${id}", which is a ${label}`, expected: `the id of a ${targets.join(' or ')}` });
      }
    };
    for (const ref of REFERENCE_FIELDS) {
      ((doc[ref.section] ?? []) as unknown as Record<string, unknown>[]).forEach((entry, i) => {
        const value = entry[ref.field] as string | string[] | undefined;
        asArray(value).forEach((id, k) => check(`/${ref.section}/${i}/${ref.field}${Array.isArray(value) ? `/${k}` : ''}`, id, ref.targets));
      });
    }
    (doc.meetings ?? []).forEach((m, i) =>
      m.participants.forEach((p, j) => {
        check(`/meetings/${i}/participants/${j}/person`, p.person, ['Person']);
        if (p.post) check(`/meetings/${i}/participants/${j}/post`, p.post, ['Post']);
      }),
    );
    doc.sources.forEach((s, i) => s.publishedBy && check(`/sources/${i}/publishedBy`, s.publishedBy, ['Organization']));
  }
  for (const id of sourceIds) if (declared.has(id)) problems.push({ file: '', path: '/sources', message: `source id "${id}" is also the id of an entity`, expected: 'distinct ids' });

  if (problems.length > 0) return { problems };
  return { problems: [], batch: { documents, idMap, labels, existingPeople } };
}

/** Problems as lines a person reads: `file /path: message (expected …)`. */
export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `${p.file ? p.file + ' ' : ''}${p.path}: ${p.message}${p.expected ? ` (expected ${p.expected})` : ''}`).join('\n');
}
