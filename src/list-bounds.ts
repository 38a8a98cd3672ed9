import { DOCUMENT_LABELS, ENTITY_LABELS, type EntityLabel, RELATIONSHIP_TYPES, VOCABULARIES } from './domain/registry/index.js';

/**
 * How long each list of the API may be, in one place. A list that grows with the graph takes `first`, whose default
 * the SDL gives and whose maximum is here; a list without `first` is short by construction, and SHORT_LISTS says how
 * short and why. The cost limit counts every list by these bounds, statements read no more than them, resolvers
 * refuse a `first` above them, and a unit test fails when a list field of the schema is in neither table.
 */

/** Every entity of the registry has its evidence, a list that grows with the sources that state it. */
const EVIDENCE_LISTS = Object.fromEntries(ENTITY_LABELS.map((label) => [`${label}.evidence`, 500])) as Record<
  `${EntityLabel}.evidence`,
  500
>;

/** The largest `first` each field takes, by `Type.field`: pages of a connection, and every list that grows with the graph. */
export const MAX_FIRST = {
  ...EVIDENCE_LISTS,
  'Query.people': 100,
  'Query.organizations': 100,
  'Query.posts': 100,
  'Query.meetings': 100,
  'Query.matchCandidates': 100,
  'Query.searchPeople': 100,
  'Query.search': 100,
  'Query.counterparts': 100,
  'Query.connections': 10,
  'Query.meetingsBetween': 500,
  'Query.meetingsBetweenCountries': 500,
  'Query.postHolders': 500,
  'Query.organizationMembers': 500,
  'Query.timeline': 1_000,
  'Query.sources': 1_000,
  'Query.countries': 1_000,
  'Query.topics': 500,
  'Vocabulary.terms': 1_000,
  'Person.aliases': 500,
  'Person.tenures': 500,
  'Person.meetings': 500,
  'Person.statements': 500,
  'Attendance.evidence': 500,
  'Counterpart.encounters': 500,
  'Meeting.topics': 100,
  'Meeting.participants': 500,
  'Meeting.statements': 500,
  'Participant.evidence': 500,
  'Statement.about': 100,
  'Country.relations': 500,
  'Country.tradeFigures': 500,
  'Country.officials': 500,
  'Country.organizations': 500,
  'Organization.posts': 500,
  'Tenure.attestations': 500,
  'Hop.evidence': 500,
} as const satisfies Record<string, number>;

/** A field that takes `first`, named `Type.field`. */
export type BoundedField = keyof typeof MAX_FIRST;

/** The most hops a connection may take (`maxHops`). */
export const MAX_HOPS = 6;

/** How far up a place's chain of PART_OF `within` reads. */
const PLACE_DEPTH = 6;

/**
 * Lists without `first`, by `Type.field`: the most items each can hold, which the cost limit counts, and why it
 * cannot hold more. The last group echoes a mutation's own request instead: as long as the documents or text sent
 * make it, so a caller gets back about what it sent (the request body is at most 1 MB); the cost counts it as 100.
 */
export const SHORT_LISTS: Readonly<Record<string, { items: number; because: string }>> = {
  'Query.vocabularies': { items: Object.keys(VOCABULARIES).length, because: 'one per vocabulary of the registry' },
  'Place.within': { items: PLACE_DEPTH, because: `the chain of places a place lies within, read ${PLACE_DEPTH} steps up` },
  'Connection.path': { items: MAX_HOPS + 1, because: 'the entities along a path of at most MAX_HOPS hops' },
  'Connection.hops': { items: MAX_HOPS, because: 'at most MAX_HOPS hops' },
  'Connection.scoreParts': { items: MAX_HOPS + 1, because: "one part per hop, and the path's newest dated step" },
  'MatchCandidate.reasons': {
    items: 105,
    because:
      'a reason per word of a name (200 characters hold at most 100 words), one for the words spelled the same, ' +
      'and one each for a missing middle name, titles left out, the country and a shared post or institution',
  },
  'RaisedCandidate.reasons': { items: 105, because: 'the reasons of a match candidate' },
  'IngestResult.changes': {
    items: DOCUMENT_LABELS.length + Object.keys(RELATIONSHIP_TYPES).length,
    because: 'one per label and relationship type of the registry',
  },
  'IngestResult.linkedPeople': { items: 100, because: 'one per person of the documents sent' },
  'IngestResult.candidates': { items: 100, because: 'one per person of the documents sent, at most' },
  'IngestResult.notices': { items: 100, because: 'one per entry of the documents sent, at most' },
  'DraftResult.problems': { items: 100, because: 'one per part of the drafted document, which the text sent bounds' },
};

/** The place's chain that `within` reads, as a Cypher variable-length bound. */
export const PLACE_CHAIN = `*1..${PLACE_DEPTH}`;
