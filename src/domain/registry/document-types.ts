import type { DOCUMENT_FORMAT } from './format.js';
import type { ENTITY_LABEL_SPECS, EntityLabel, SOURCE_LABEL } from './labels.js';

/**
 * The TypeScript types of source documents, derived from the registry's label specs, so that a new field or
 * label is typed without a second edit. Ajv enforces the JSON Schema (derived from the same specs) before any
 * value is trusted to have these types.
 */

export interface Evidence {
  source?: string;
  paragraph: number;
  note: string;
}

type ValueOf<F> = F extends { kind: 'texts' | 'ids' | 'terms' }
  ? string[]
  : F extends { kind: 'number' | 'integer' }
    ? number
    : F extends { kind: 'ref'; many: true }
      ? string[]
      : F extends { kind: 'links'; key: infer K extends string; properties: infer P; refProperties: infer R }
        ? ({ [Key in K]: string } & { [Key in keyof P]: string } & { [Key in keyof R]?: string } & { evidence?: Evidence[] })[]
        : string;

type IsRequired<F> = F extends { kind: 'links' } ? true : F extends { required: true } ? true : false;

type EntryOf<S extends { fields: object; supported: boolean }> = { id: string } & (S['supported'] extends true
  ? { evidence: Evidence[] }
  : unknown) & {
    -readonly [K in keyof S['fields'] as IsRequired<S['fields'][K]> extends true ? K : never]: ValueOf<S['fields'][K]>;
  } & {
    -readonly [K in keyof S['fields'] as IsRequired<S['fields'][K]> extends true ? never : K]?: ValueOf<S['fields'][K]>;
  };

type Spec = (typeof ENTITY_LABEL_SPECS)[number];

/** The entry type of one entity label: `EntryFor<'Meeting'>` has id, evidence, format, topics, participants... */
export type EntryFor<L extends EntityLabel> = EntryOf<Extract<Spec, { label: L }>>;

export type SourceEntry = EntryOf<typeof SOURCE_LABEL>;

/** A term a document adds to an open vocabulary. */
export interface VocabularyEntry {
  vocabulary: string;
  code: string;
  label: string;
  description: string;
}

export type SourceDocument = {
  $schema?: string;
  format: typeof DOCUMENT_FORMAT;
  sources: SourceEntry[];
  vocabulary?: VocabularyEntry[];
} & { [K in Spec['section']]?: EntryOf<Extract<Spec, { section: K }>>[] };

/** Any entry of an entity section, for code that walks every section alike. */
export interface AnyEntry {
  id: string;
  /** Absent on sources only. */
  evidence?: Evidence[];
  [field: string]: unknown;
}
