/**
 * The source-document format (schema/source-document.schema.json): sources, and the entities and facts they
 * support. These types mirror the JSON Schema, which Ajv enforces before anything here is trusted.
 */

export const DOCUMENT_FORMAT = 'officials-graph/source-document@1';

export interface Evidence {
  source?: string;
  paragraph: number;
  note: string;
}

interface Supported {
  id: string;
  evidence: Evidence[];
}

export interface SourceEntry {
  id: string;
  kind: 'NEWS_REPORT' | 'OFFICIAL_STATEMENT' | 'REFERENCE';
  publisher: string;
  publishedBy?: string;
  title: string;
  author?: string;
  published: string;
  language: string;
  url?: string;
  paragraphs: number;
}

export interface CountryEntry extends Supported { name: string }
export interface PlaceEntry extends Supported { name: string; kind: string; country: string }
export interface OrganizationEntry extends Supported { name: string; shortName?: string; kind: string; country?: string; parent?: string }
export interface PersonEntry extends Supported { name: string; aliases?: string[]; otherIds?: string[]; country?: string }
export interface PostEntry extends Supported { title: string; organization: string }
export interface TenureEntry extends Supported { person: string; post: string; start?: string; end?: string; attested?: string }
export interface VisitEntry extends Supported { title: string; leader: string; delegationOf: string; hostCountry: string; date?: string; summary: string }
export interface ParticipantEntry { person: string; role: string; post?: string; evidence?: Evidence[] }
export interface MeetingEntry extends Supported {
  visit?: string;
  date?: string;
  place?: string;
  format: string;
  topics: string[];
  summary: string;
  participants: ParticipantEntry[];
}
export interface StatementEntry extends Supported {
  kind: string;
  speaker: string;
  meeting?: string;
  date?: string;
  onBehalfOf?: string;
  addressedTo?: string;
  about?: string[];
  summary: string;
}
export interface CountryRelationEntry extends Supported { kind: string; from: string; to: string; date?: string; summary: string }
export interface TradeFigureEntry extends Supported {
  reporter: string;
  partner: string;
  flow: 'TURNOVER' | 'EXPORTS' | 'IMPORTS';
  period: string;
  amount: number;
  currency: string;
}

export interface SourceDocument {
  $schema?: string;
  format: typeof DOCUMENT_FORMAT;
  sources: SourceEntry[];
  countries?: CountryEntry[];
  places?: PlaceEntry[];
  organizations?: OrganizationEntry[];
  people?: PersonEntry[];
  posts?: PostEntry[];
  tenures?: TenureEntry[];
  visits?: VisitEntry[];
  meetings?: MeetingEntry[];
  statements?: StatementEntry[];
  countryRelations?: CountryRelationEntry[];
  tradeFigures?: TradeFigureEntry[];
}

/** Node labels of the graph, one per entity section of a document. */
export type EntityLabel =
  | 'Country'
  | 'Place'
  | 'Organization'
  | 'Person'
  | 'Post'
  | 'Tenure'
  | 'Visit'
  | 'Meeting'
  | 'Statement'
  | 'CountryRelation'
  | 'TradeFigure';

export type Section = Exclude<keyof SourceDocument, '$schema' | 'format' | 'sources'>;

/** Sections in dependency order: an entity refers only to entities of earlier sections (or of its own, for parents). */
export const SECTIONS: readonly { section: Section; label: EntityLabel }[] = [
  { section: 'countries', label: 'Country' },
  { section: 'places', label: 'Place' },
  { section: 'organizations', label: 'Organization' },
  { section: 'people', label: 'Person' },
  { section: 'posts', label: 'Post' },
  { section: 'tenures', label: 'Tenure' },
  { section: 'visits', label: 'Visit' },
  { section: 'meetings', label: 'Meeting' },
  { section: 'statements', label: 'Statement' },
  { section: 'countryRelations', label: 'CountryRelation' },
  { section: 'tradeFigures', label: 'TradeFigure' },
];

export const ENTITY_LABELS: readonly EntityLabel[] = SECTIONS.map((s) => s.label);

/**
 * Every field that names another entity, the labels it may name, and the relationship it becomes.
 * `out` relationships point from the entity to the target, `in` ones from the target to the entity.
 */
export interface ReferenceField {
  section: Section;
  field: string;
  targets: readonly EntityLabel[];
  type: string;
  direction: 'out' | 'in';
  many?: boolean;
}

export const REFERENCE_FIELDS: readonly ReferenceField[] = [
  { section: 'places', field: 'country', targets: ['Country'], type: 'IN_COUNTRY', direction: 'out' },
  { section: 'organizations', field: 'country', targets: ['Country'], type: 'IN_COUNTRY', direction: 'out' },
  { section: 'organizations', field: 'parent', targets: ['Organization'], type: 'PART_OF', direction: 'out' },
  { section: 'people', field: 'country', targets: ['Country'], type: 'CITIZEN_OF', direction: 'out' },
  { section: 'posts', field: 'organization', targets: ['Organization'], type: 'IN_ORGANIZATION', direction: 'out' },
  { section: 'tenures', field: 'person', targets: ['Person'], type: 'HELD', direction: 'in' },
  { section: 'tenures', field: 'post', targets: ['Post'], type: 'OF_POST', direction: 'out' },
  { section: 'visits', field: 'leader', targets: ['Person'], type: 'LED', direction: 'in' },
  { section: 'visits', field: 'delegationOf', targets: ['Country'], type: 'DELEGATION_OF', direction: 'out' },
  { section: 'visits', field: 'hostCountry', targets: ['Country'], type: 'HOSTED_BY', direction: 'out' },
  { section: 'meetings', field: 'visit', targets: ['Visit'], type: 'PART_OF', direction: 'out' },
  { section: 'meetings', field: 'place', targets: ['Place', 'Country'], type: 'HELD_IN', direction: 'out' },
  { section: 'statements', field: 'speaker', targets: ['Person'], type: 'MADE', direction: 'in' },
  { section: 'statements', field: 'meeting', targets: ['Meeting'], type: 'MADE_AT', direction: 'out' },
  { section: 'statements', field: 'onBehalfOf', targets: ['Person'], type: 'ON_BEHALF_OF', direction: 'out' },
  { section: 'statements', field: 'addressedTo', targets: ['Person', 'Country', 'Organization'], type: 'ADDRESSED_TO', direction: 'out' },
  { section: 'statements', field: 'about', targets: ['Country', 'Person', 'Organization'], type: 'ABOUT', direction: 'out', many: true },
  { section: 'countryRelations', field: 'from', targets: ['Country'], type: 'HOLDS', direction: 'in' },
  { section: 'countryRelations', field: 'to', targets: ['Country'], type: 'TOWARDS', direction: 'out' },
  { section: 'tradeFigures', field: 'reporter', targets: ['Country'], type: 'REPORTED_BY', direction: 'out' },
  { section: 'tradeFigures', field: 'partner', targets: ['Country'], type: 'WITH_PARTNER', direction: 'out' },
];

/** Meeting participants: a relationship from the person with the role and the post held then. */
export const ATTENDED = 'ATTENDED';
/** A source's publisher, when it is an organization in the graph. */
export const PUBLISHED_BY = 'PUBLISHED_BY';
/** From every supported node to its source, with the paragraph and our note. */
export const SUPPORTED_BY = 'SUPPORTED_BY';
