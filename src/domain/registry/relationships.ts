import type { EntityLabel } from './labels.js';

/**
 * Every relationship type of the graph: how its provenance is kept, which kinds of connection may run through
 * it, and the words that explain one hop of it ({start} and {end} are the two ends in the relationship's own
 * direction, {role} a participant's role). Ends and directions come from the label fields that write them.
 */

/** Relationship kinds a connection may run through; the GraphQL enum ConnectionKind mirrors these. */
export const CONNECTION_KINDS = ['MEETINGS', 'STATEMENTS', 'POSTS', 'COUNTRIES', 'VISITS', 'COUNTRY_RELATIONS'] as const;
export type ConnectionKindCode = (typeof CONNECTION_KINDS)[number];

export interface RelationshipTypeSpec {
  /**
   * `lists`: aligned sourceIds/paragraphs/notes lists on the relationship (a relationship cannot point at a Source);
   * `self`: the relationship is itself the evidence (SUPPORTED_BY); `derived`: written from a property that
   * carries the evidence (a meeting's topics), never read back.
   */
  readonly provenance: 'lists' | 'self' | 'derived';
  readonly connections: readonly ConnectionKindCode[];
  /**
   * How strong a tie one hop of this type makes, for ranking connections of equal length: a shared meeting (3)
   * before a statement (2), posts and visits (1.5), countries and relations between them (1).
   */
  readonly tie: number;
  readonly explanation: string;
}

export const RELATIONSHIP_TYPES = {
  IN_COUNTRY: { provenance: 'lists', tie: 1, connections: ['COUNTRIES'], explanation: '{start} is in {end}' },
  PART_OF: { provenance: 'lists', tie: 1.5, connections: ['POSTS', 'VISITS'], explanation: '{start} is part of {end}' },
  CITIZEN_OF: { provenance: 'lists', tie: 1, connections: ['COUNTRIES'], explanation: '{start} is a citizen of {end}' },
  IN_ORGANIZATION: { provenance: 'lists', tie: 1.5, connections: ['POSTS'], explanation: '{start} belongs to {end}' },
  HELD: { provenance: 'lists', tie: 1.5, connections: ['POSTS'], explanation: '{start} held {end}' },
  OF_POST: { provenance: 'lists', tie: 1.5, connections: ['POSTS'], explanation: '{start} was in {end}' },
  LED: { provenance: 'lists', tie: 1.5, connections: ['VISITS'], explanation: '{start} led {end}' },
  DELEGATION_OF: { provenance: 'lists', tie: 1.5, connections: ['VISITS'], explanation: '{start} was made by a delegation of {end}' },
  HOSTED_BY: { provenance: 'lists', tie: 1.5, connections: ['VISITS'], explanation: '{start} was hosted by {end}' },
  HELD_IN: { provenance: 'lists', tie: 1, connections: [], explanation: '{start} was held in {end}' },
  ATTENDED: { provenance: 'lists', tie: 3, connections: ['MEETINGS'], explanation: '{start} attended {end}{ as role}' },
  MADE: { provenance: 'lists', tie: 2, connections: ['STATEMENTS'], explanation: '{start} made {end}' },
  MADE_AT: { provenance: 'lists', tie: 2, connections: ['STATEMENTS'], explanation: '{start} was made at {end}' },
  ON_BEHALF_OF: { provenance: 'lists', tie: 2, connections: ['STATEMENTS'], explanation: '{start} was made on behalf of {end}' },
  ADDRESSED_TO: { provenance: 'lists', tie: 2, connections: ['STATEMENTS'], explanation: '{start} was addressed to {end}' },
  ABOUT: { provenance: 'lists', tie: 2, connections: ['STATEMENTS'], explanation: '{start} concerns {end}' },
  HOLDS: { provenance: 'lists', tie: 1, connections: ['COUNTRY_RELATIONS'], explanation: '{start} holds {end}' },
  TOWARDS: { provenance: 'lists', tie: 1, connections: ['COUNTRY_RELATIONS'], explanation: '{start} is towards {end}' },
  REPORTED_BY: { provenance: 'lists', tie: 1, connections: [], explanation: '{start} was reported by {end}' },
  WITH_PARTNER: { provenance: 'lists', tie: 1, connections: [], explanation: '{start} is trade with {end}' },
  PUBLISHED_BY: { provenance: 'lists', tie: 1, connections: [], explanation: '{start} was published by {end}' },
  SUPPORTED_BY: { provenance: 'self', tie: 0, connections: [], explanation: '{start} is supported by {end}' },
  ON_TOPIC: { provenance: 'derived', tie: 0, connections: [], explanation: '{start} was about {end}' },
} as const satisfies Record<string, RelationshipTypeSpec>;

export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;

/** From every supported node to its source, with the paragraph and our note. */
export const SUPPORTED_BY: RelationshipType = 'SUPPORTED_BY';

/** The evidence a source entry implies for its publisher link: the masthead, paragraph 0. */
export const PUBLISHER_EVIDENCE_NOTE = 'Publisher named in the masthead of the source.';

/** One (start label)-[type]->(end label) combination some field writes. */
export interface RelationshipEnds {
  readonly type: string;
  readonly from: EntityLabel | 'Source';
  readonly to: EntityLabel;
}

/** Relationship types each kind of connection may run through; the only source of types in the path query. */
export function connectionTypes(kind: ConnectionKindCode): string[] {
  return Object.entries(RELATIONSHIP_TYPES as Record<string, RelationshipTypeSpec>)
    .filter(([, spec]) => spec.connections.includes(kind))
    .map(([type]) => type);
}
