export { documentJsonSchema, TEXT_PATTERN } from './document-schema.js';
export type { AnyEntry, EntryFor, Evidence, SourceDocument, SourceEntry, VocabularyEntry } from './document-types.js';
export {
  LINKS_FIELDS,
  type LinksField,
  personRelationshipTypes,
  REFERENCE_FIELDS,
  type ReferenceField,
  relationshipEnds,
} from './fields.js';
export { DOCUMENT_FORMAT } from './format.js';
export { constraintStatements, ID_SPACE_CONSTRAINT, RETIRED_INDEXES } from './graph-constraints.js';
export { JUDGEMENT_LIMITS, JUDGEMENTS_FORMAT, judgementsJsonSchema, VERDICTS, type Verdict } from './judgements-schema.js';
export {
  DATE_FIELDS,
  DOCUMENT_LABELS,
  ENTITY_LABEL_SPECS,
  ENTITY_LABELS,
  type EntityLabel,
  type FieldSpec,
  ID_SPACE_LABEL,
  kindOf,
  type LabelSpec,
  labelSpec,
  type Section,
  SOURCE_LABEL,
} from './labels.js';
export {
  CONNECTION_KINDS,
  type ConnectionKindCode,
  connectionTypes,
  PUBLISHER_EVIDENCE_NOTE,
  RELATIONSHIP_TYPES,
  type RelationshipType,
  type RelationshipTypeSpec,
  SUPPORTED_BY,
} from './relationships.js';
export {
  OPEN_VOCABULARIES,
  TERM_CODE_PATTERN,
  type Term,
  type TermCode,
  termCodes,
  termLabel,
  VOCABULARIES,
  type Vocabulary,
  type VocabularyName,
  vocabularyGraph,
} from './vocabularies.js';
