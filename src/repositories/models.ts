type DatePrecision = 'YEAR' | 'QUARTER' | 'MONTH' | 'DAY';
/** Codes of open vocabularies: any code a document declared, so a plain string. */
type MeetingFormat = string;
type OrganizationKind = string;
type ParticipantRole = string;
type PlaceKind = string;
type SourceKind = string;
type StatementKind = string;

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

/**
 * What the repositories return: an entity's own fields, as the projections in projections.ts build them.
 * Relationship fields are resolved from the entity type's details query, one batch per request level.
 */
export interface PartialDateModel {
  value: string;
  precision: DatePrecision;
  earliest: string;
  latest: string;
}

export interface SourceModel {
  __typename: 'Source';
  id: string;
  kind: SourceKind;
  publisher: string;
  title: string;
  author: string | null;
  published: PartialDateModel;
  language: string;
  url: string | null;
  paragraphs: number;
  revision: number | null;
}

export interface EvidenceModel {
  source: SourceModel;
  paragraph: number;
  note: string;
}

export interface PersonModel {
  __typename: 'Person';
  id: string;
  name: string;
  aliases: string[];
}

export interface CountryModel {
  __typename: 'Country';
  id: string;
  name: string;
}

export interface PlaceModel {
  __typename: 'Place';
  id: string;
  name: string;
  kind: PlaceKind;
}

export interface OrganizationModel {
  __typename: 'Organization';
  id: string;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
}

export interface PostModel {
  __typename: 'Post';
  id: string;
  title: string;
}

export interface TenureModel {
  __typename: 'Tenure';
  id: string;
  start: PartialDateModel | null;
  end: PartialDateModel | null;
  attested: PartialDateModel | null;
}

export interface VisitModel {
  __typename: 'Visit';
  id: string;
  title: string;
  summary: string;
  date: PartialDateModel | null;
}

export interface MeetingModel {
  __typename: 'Meeting';
  id: string;
  format: MeetingFormat;
  topics: TermModel[];
  summary: string;
  date: PartialDateModel | null;
}

export interface StatementModel {
  __typename: 'Statement';
  id: string;
  kind: StatementKind;
  summary: string;
  date: PartialDateModel | null;
}

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

export interface CountryRelationModel {
  __typename: 'CountryRelation';
  id: string;
  kind: string;
  summary: string;
  date: PartialDateModel | null;
}

export interface TradeFigureModel {
  __typename: 'TradeFigure';
  id: string;
  flow: string;
  amount: number;
  currency: string;
  period: PartialDateModel;
}

/** Any entity a path or union can hold. */
export type EntityModel =
  | PersonModel
  | OrganizationModel
  | CountryModel
  | PlaceModel
  | PostModel
  | TenureModel
  | VisitModel
  | MeetingModel
  | StatementModel
  | CountryRelationModel
  | TradeFigureModel;

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
