import { DOCUMENT_FORMAT } from './format.js';
import { DOCUMENT_LABELS, ENTITY_LABEL_SPECS, type FieldSpec, type LabelSpec, SOURCE_LABEL } from './labels.js';
import { OPEN_VOCABULARIES, TERM_CODE_PATTERN, VOCABULARIES, type VocabularyName } from './vocabularies.js';

/**
 * The JSON Schema of source documents, derived from the registry: one array per entity section, each entry's
 * fields as the label declares them, and one definition per vocabulary. schema/source-document.schema.json is
 * this, written out by `npm run codegen` for editors and other tools; a test keeps the file in step.
 */

type JsonSchema = Record<string, unknown>;

const PARTIAL_DATE_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?|-Q[1-4])?$';
/**
 * Text of any field: no character that XML 1.0 forbids (C0 controls other than tab, line feed and carriage return,
 * lone surrogates, U+FFFE and U+FFFF), since names, titles and notes go out in GraphML and GEXF as they came in.
 * JSON Schema patterns are read with the "u" flag, so a surrogate class matches only a surrogate standing alone.
 */
export const TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uD800-\\uDFFF\\uFFFE\\uFFFF]*$';
/** The characters every text may hold, as a schema definition; each field says its own type and length. */
export const TEXT_CHARACTERS = {
  pattern: TEXT_PATTERN,
  description: 'text without control characters (tab and line breaks aside), U+FFFE, U+FFFF or lone surrogates',
} as const;
/** A URL a reader may follow: http or https only (a javascript: or file: link is served to every client). */
const WEB_URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://';
const def = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });
/** A text field: the characters of `text`, and the field's own length and form. */
const textSchema = (extra: JsonSchema): JsonSchema => ({ ...def('text'), type: 'string', ...extra });

function fieldSchema(field: FieldSpec): JsonSchema {
  switch (field.kind) {
    case 'text':
      return textSchema({
        ...(field.max !== undefined ? { minLength: field.min ?? 1, maxLength: field.max } : {}),
        ...(field.pattern ? { pattern: field.pattern } : {}),
      });
    case 'texts':
      return { type: 'array', uniqueItems: true, items: textSchema({ minLength: 1, maxLength: field.max }) };
    case 'ids':
      return { type: 'array', uniqueItems: true, items: def('id'), description: field.description };
    case 'date':
      return def('partialDate');
    case 'term':
      return termSchema(field.vocabulary);
    case 'terms':
      return { type: 'array', uniqueItems: true, items: termSchema(field.vocabulary) };
    case 'number':
      return { type: 'number', minimum: field.minimum };
    case 'integer':
      return { type: 'integer', minimum: field.minimum, description: field.description };
    case 'uri':
      return def('webUrl');
    case 'ref':
      return field.many ? { type: 'array', uniqueItems: true, items: def('id') } : def('id');
    case 'links': {
      const properties: JsonSchema = { [field.key]: def('id') };
      for (const [name, value] of Object.entries(field.properties)) properties[name] = fieldSchema(value);
      for (const name of Object.keys(field.refProperties)) properties[name] = def('id');
      properties.evidence = def('evidenceList');
      const required = [
        field.key,
        ...Object.entries(field.properties)
          .filter(([, v]) => isRequired(v))
          .map(([name]) => name),
      ];
      return { type: 'array', minItems: field.minItems, items: { type: 'object', additionalProperties: false, required, properties } };
    }
  }
}

/** A closed vocabulary lists its terms; an open one takes any code, and validation checks it is known or declared. */
function termSchema(vocabulary: VocabularyName): JsonSchema {
  return VOCABULARIES[vocabulary].open ? def('termCode') : def(vocabulary);
}

function isRequired(field: FieldSpec): boolean {
  if (field.kind === 'links') return true;
  return 'required' in field && field.required === true;
}

function entrySchema(spec: LabelSpec): JsonSchema {
  const properties: JsonSchema = { id: def('id') };
  for (const [name, field] of Object.entries(spec.fields)) properties[name] = fieldSchema(field);
  const required = [
    'id',
    ...Object.entries(spec.fields)
      .filter(([, f]) => isRequired(f))
      .map(([name]) => name),
  ];
  if (spec.supported) {
    properties.evidence = def('evidenceList');
    required.push('evidence');
  }
  return { type: 'object', additionalProperties: false, description: spec.description, required, properties };
}

/** The vocabularies the labels use, in registry order. */
function usedVocabularies(): VocabularyName[] {
  const used = new Set<string>();
  const visit = (field: FieldSpec) => {
    if (field.kind === 'term' || field.kind === 'terms') used.add(field.vocabulary);
    if (field.kind === 'links') Object.values(field.properties).forEach(visit);
  };
  for (const spec of DOCUMENT_LABELS) Object.values(spec.fields).forEach(visit);
  return (Object.keys(VOCABULARIES) as VocabularyName[]).filter((name) => used.has(name));
}

export function documentJsonSchema(): JsonSchema {
  const properties: JsonSchema = {
    $schema: { type: 'string' },
    format: { const: DOCUMENT_FORMAT },
    sources: { type: 'array', minItems: 1, items: def('source') },
    vocabulary: {
      type: 'array',
      description: 'Terms this document adds to open vocabularies; a term used but neither known nor declared is an error.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['vocabulary', 'code', 'label', 'description'],
        properties: {
          vocabulary: { enum: OPEN_VOCABULARIES },
          code: def('termCode'),
          label: textSchema({ minLength: 1, maxLength: 120 }),
          description: textSchema({ minLength: 1, maxLength: 300 }),
        },
      },
    },
  };
  for (const spec of ENTITY_LABEL_SPECS) properties[spec.section] = { type: 'array', items: entrySchema(spec) };
  const $defs: JsonSchema = {
    text: { type: 'string', ...TEXT_CHARACTERS },
    webUrl: { type: 'string', format: 'uri', pattern: WEB_URL_PATTERN, description: 'an http or https URL' },
    id: {
      type: 'string',
      pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$',
      description: 'Stable id, unique across the graph: letters, digits, . _ : -',
    },
    partialDate: {
      type: 'string',
      pattern: PARTIAL_DATE_PATTERN,
      description: 'A date kept at its precision: YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD',
    },
    evidence: {
      type: 'object',
      additionalProperties: false,
      required: ['paragraph', 'note'],
      properties: {
        source: { $ref: '#/$defs/id', description: 'Id of a source of this document; may be left out when the document has only one.' },
        paragraph: {
          type: 'integer',
          minimum: 0,
          description: "Paragraph of the source's body, counted from 1; 0 is the front matter (headline, byline, date, publisher).",
        },
        note: textSchema({ minLength: 3, maxLength: 1000, description: 'What the paragraph supports, in our own words.' }),
      },
    },
    evidenceList: { type: 'array', minItems: 1, items: def('evidence') },
    termCode: { type: 'string', pattern: TERM_CODE_PATTERN, description: 'A term code: capitals, digits and underscores' },
    source: entrySchema(SOURCE_LABEL),
  };
  for (const name of usedVocabularies().filter((v) => !VOCABULARIES[v].open)) {
    const vocabulary = VOCABULARIES[name];
    $defs[name] = { description: vocabulary.description, enum: vocabulary.terms.map((t) => t.code) };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://officials-graph.local/schema/source-document.schema.json',
    title: 'Source document',
    description:
      'One or more sources and the entities and facts they support. ' +
      'Every entity and fact carries evidence: the source, the paragraph, and a note in our own words.',
    type: 'object',
    additionalProperties: false,
    required: ['format', 'sources'],
    properties,
    $defs,
  };
}
