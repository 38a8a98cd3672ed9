import type { ENTITY_LABEL_SPECS, EntityLabel, SOURCE_LABEL } from '../domain/registry/index.js';

type DatePrecision = 'YEAR' | 'QUARTER' | 'MONTH' | 'DAY';
/** Codes of open vocabularies: any code a document declared, so a plain string. */
type ParticipantRole = string;

/** A term as the API shows it. */
export interface TermModel {
  code: string;
  label: string;
  description: string | null;
}

export interface VocabularyModel {
  name: string;
  description: string;
  open: boolean;
  terms: TermModel[];
}

export interface TopicModel extends TermModel {
  meetingCount: number;
}

export interface PartialDateModel {
  value: string;
  precision: DatePrecision;
  earliest: string;
  latest: string;
}

/** The value of one own field as a projection (projections.ts) returns it: dates as PartialDates, terms as Terms. */
type OwnValue<F> = F extends { kind: 'date' }
  ? PartialDateModel
  : F extends { kind: 'terms' }
    ? TermModel[]
    : F extends { kind: 'texts' }
      ? string[]
      : F extends { kind: 'number' | 'integer' }
        ? number
        : string;

/** Lists are never null; any other field not required reads as null when a source left it out. */
type OwnField<F> = F extends { kind: 'texts' | 'terms' } | { required: true } ? OwnValue<F> : OwnValue<F> | null;

/** Fields that name other entities (their relationships) or a person's former ids: not own fields of the API. */
type NotOwn = { kind: 'ref' | 'links' | 'ids' };

type OwnFieldsOf<S extends { label: string; fields: object }> = {
  __typename: S['label'];
  id: string;
} & { -readonly [K in keyof S['fields'] as S['fields'][K] extends NotOwn ? never : K]: OwnField<S['fields'][K]> };

type Flat<T> = { [K in keyof T]: T[K] };

/**
 * What the repositories return for an entity: its own fields, typed from the registry's label spec as the
 * projections in projections.ts build them from it, with `__typename` (which GraphQL uses to resolve unions).
 * Relationship fields are resolved from the entity type's details query, one batch per request level.
 */
export type ModelOf<L extends EntityLabel | 'Source'> = L extends 'Source'
  ? Flat<OwnFieldsOf<typeof SOURCE_LABEL>>
  : L extends EntityLabel
    ? Flat<OwnFieldsOf<LabelSpecOf<L>>>
    : never;

/** The registry's spec of one entity label, as its literal type. */
export type LabelSpecOf<L extends EntityLabel> = Extract<(typeof ENTITY_LABEL_SPECS)[number], { label: L }>;

export type SourceModel = ModelOf<'Source'>;

export interface EvidenceModel {
  source: SourceModel;
  paragraph: number;
  note: string;
}

export type PersonModel = ModelOf<'Person'>;
export type CountryModel = ModelOf<'Country'>;
export type PlaceModel = ModelOf<'Place'>;
export type OrganizationModel = ModelOf<'Organization'>;
export type PostModel = ModelOf<'Post'>;
export type TenureModel = ModelOf<'Tenure'>;
export type VisitModel = ModelOf<'Visit'>;
export type MeetingModel = ModelOf<'Meeting'>;
export type StatementModel = ModelOf<'Statement'>;
export type CountryRelationModel = ModelOf<'CountryRelation'>;
export type TradeFigureModel = ModelOf<'TradeFigure'>;

/** Any entity a path or union can hold. */
export type EntityModel = { [L in EntityLabel]: ModelOf<L> }[EntityLabel];

export type StatementRoleCode = 'SPEAKER' | 'ON_WHOSE_BEHALF' | 'ADDRESSEE' | 'SUBJECT';

/** A statement and the part a person had in it. */
export interface StatementPartModel {
  statement: StatementModel;
  role: StatementRoleCode;
}

export interface AttendanceModel {
  meeting: MeetingModel;
  role: ParticipantRole;
  post: PostModel | null;
  evidence: EvidenceModel[];
}

export interface ParticipantModel {
  person: PersonModel;
  role: ParticipantRole;
  post: PostModel | null;
  evidence: EvidenceModel[];
}

/** A path between two entities as the graph returns it: its nodes, and its relationships with their evidence lists. */
export interface RawPathModel {
  nodes: EntityModel[];
  relationships: {
    type: string;
    start: string;
    end: string;
    role: string | null;
    sourceIds: string[];
    paragraphs: number[];
    notes: string[];
  }[];
}

/** One step of a connection, explained in words. */
export interface HopModel {
  from: EntityModel;
  to: EntityModel;
  relationship: string;
  explanation: string;
  evidence: EvidenceModel[];
}

export interface ConnectionModel {
  length: number;
  path: EntityModel[];
  hops: HopModel[];
  score: number;
  scoreParts: { reason: string; value: number }[];
}

export interface EncounterModel {
  meeting: MeetingModel;
  role: ParticipantRole;
  post: PostModel | null;
  counterpartRole: ParticipantRole;
  counterpartPost: PostModel | null;
}

export interface CounterpartModel {
  person: PersonModel;
  meetingCount: number;
  firstMet: PartialDateModel | null;
  lastMet: PartialDateModel | null;
  encounters: EncounterModel[];
}

export type TimelineKindCode = 'TENURE_START' | 'TENURE_END' | 'TENURE_ATTESTED' | 'MEETING' | 'STATEMENT' | 'STATEMENT_ON_BEHALF';

/** One dated event of a person as the graph holds it: the post's title, the others met and the role there. */
export interface TimelineFactModel {
  kind: TimelineKindCode;
  date: PartialDateModel;
  postTitle: string | null;
  others: string[];
  role: ParticipantRole | null;
  tenure: TenureModel | null;
  meeting: MeetingModel | null;
  statement: StatementModel | null;
}

/** A timeline entry with its words. */
export interface TimelineEntryModel extends Omit<TimelineFactModel, 'postTitle' | 'others' | 'role'> {
  description: string;
}

/** What match scoring knows of a person: names, country, posts with their organization. */
export interface PersonProfileModel {
  id: string;
  name: string;
  aliases: string[];
  country: string | null;
  posts: { post: string; organization: string | null }[];
}

/** A pair of people that may be one, for review. */
export interface MatchCandidateModel {
  id: string;
  a: PersonModel;
  b: PersonModel;
  score: number;
  reasons: string[];
  status: string;
}

/**
 * One verdict on a pair of people. A verdict given now names the pair by the ids its people have now (for SAME,
 * `a` is the person kept); one read from a file keeps the ids the file gives.
 */
export interface JudgementModel {
  a: string;
  b: string;
  verdict: string;
  by: string;
  at: string;
  note: string | null;
  /** For a SAME, the score and reasons of the candidate it settled, if there was one. */
  score?: number;
  reasons?: string[];
}

/** A source saying that a person held a post at a date. */
export interface AttestationModel {
  date: PartialDateModel;
  evidence: EvidenceModel;
}
