/**
 * The closed lists of terms the domain uses, each term with a label people read and a one-line description.
 * The document schema, the GraphQL enums (a test keeps them in step) and the words of explanations come from here.
 */

export interface Term {
  readonly code: string;
  readonly label: string;
  readonly description: string;
}

export interface Vocabulary {
  readonly description: string;
  /**
   * Open vocabularies grow: a document may declare a new term in its `vocabulary` section. A closed one (the
   * directions of a trade figure) has every term it can have.
   */
  readonly open: boolean;
  /**
   * Terms of this vocabulary are also nodes of this label, and every entity that uses one links to it with
   * `linkType`, so Neo4j Browser can group and draw by them (meetings by topic).
   */
  readonly graph?: { readonly label: string; readonly linkType: string };
  readonly terms: readonly Term[];
}

export const VOCABULARIES = {
  sourceKind: {
    description: 'What kind of document a source is.',
    open: true,
    terms: [
      { code: 'NEWS_REPORT', label: 'News report', description: 'An article of a news outlet or agency.' },
      { code: 'OFFICIAL_STATEMENT', label: 'Official statement', description: 'A release of a ministry, parliament or other institution.' },
      { code: 'REFERENCE', label: 'Reference', description: 'An editorial reference: terms of office, structures, spellings.' },
    ],
  },
  placeKind: {
    description: 'What kind of place below country level.',
    open: true,
    terms: [
      { code: 'CITY', label: 'City', description: 'A city or town.' },
      { code: 'REGION', label: 'Region', description: 'A province, district or other region.' },
      { code: 'SITE', label: 'Site', description: 'A building, base, port or other site.' },
    ],
  },
  organizationKind: {
    description: 'What kind of institution an organization is.',
    open: true,
    terms: [
      { code: 'MINISTRY', label: 'Ministry', description: 'A government ministry or department.' },
      { code: 'NAVAL_FORCES', label: 'Naval forces', description: 'A navy or naval command.' },
      { code: 'ARMY', label: 'Army', description: 'Land forces.' },
      { code: 'AIR_FORCE', label: 'Air force', description: 'Air forces.' },
      { code: 'ARMED_FORCES', label: 'Armed forces', description: 'The armed forces as a whole, or a joint command.' },
      { code: 'PARLIAMENT', label: 'Parliament', description: 'A legislature or one of its chambers.' },
      { code: 'PRESIDENCY', label: 'Presidency', description: "A head of state's office." },
      { code: 'GOVERNMENT', label: 'Government', description: 'A cabinet or government as a whole.' },
      { code: 'NEWS_OUTLET', label: 'News outlet', description: 'A newspaper, agency or broadcaster.' },
      { code: 'OTHER', label: 'Other', description: 'Any other institution.' },
    ],
  },
  meetingFormat: {
    description: 'How a meeting was held.',
    open: true,
    terms: [
      { code: 'BILATERAL', label: 'Bilateral', description: 'Two sides, usually with delegations.' },
      { code: 'EXPANDED', label: 'Expanded', description: 'Talks in an expanded format, with delegations.' },
      { code: 'ONE_ON_ONE', label: 'One on one', description: 'The principals alone, or nearly.' },
      { code: 'MULTILATERAL', label: 'Multilateral', description: 'Three or more sides.' },
      { code: 'VISIT', label: 'Visit', description: 'A call paid during a visit: a courtesy call, a tour.' },
      { code: 'CALL', label: 'Call', description: 'A telephone or video conversation.' },
    ],
  },
  participantRole: {
    description: 'The part a person had in a meeting.',
    open: true,
    terms: [
      { code: 'HOST', label: 'Host', description: 'Received the other side.' },
      { code: 'HEAD_OF_VISITING_DELEGATION', label: 'Head of the visiting delegation', description: 'Led the side that came.' },
      { code: 'VISITING_DELEGATION', label: 'Member of the visiting delegation', description: 'Came with the visiting side.' },
      { code: 'ATTENDEE', label: 'Participant', description: 'Took part, with no side given.' },
    ],
  },
  topic: {
    description: 'What a meeting was about.',
    open: true,
    graph: { label: 'Topic', linkType: 'ON_TOPIC' },
    terms: [
      { code: 'NAVAL_COOPERATION', label: 'Naval cooperation', description: 'Cooperation between navies.' },
      {
        code: 'MILITARY_COOPERATION',
        label: 'Military cooperation',
        description: 'Cooperation between armed forces or defence ministries.',
      },
      { code: 'SECURITY', label: 'Security', description: 'Security in general.' },
      {
        code: 'EXCHANGE_VISITS_OF_SERVICEMEN',
        label: 'Exchange visits of servicemen',
        description: 'Visits and exchanges of military personnel.',
      },
      { code: 'DEMINING', label: 'Demining', description: 'Clearing mines and unexploded ordnance.' },
      { code: 'RECONSTRUCTION', label: 'Reconstruction', description: 'Rebuilding after a war.' },
      {
        code: 'NAVAL_CAPABILITIES_BRIEFING',
        label: 'Naval capabilities briefing',
        description: 'A briefing on a navy and its capabilities.',
      },
      { code: 'REGIONAL_SECURITY', label: 'Regional security', description: 'The security situation of a region.' },
      { code: 'BILATERAL_RELATIONS', label: 'Bilateral relations', description: 'Relations between the two countries as a whole.' },
      { code: 'TRADE', label: 'Trade', description: 'Trade and economic ties.' },
      {
        code: 'TERRITORIAL_INTEGRITY',
        label: 'Territorial integrity',
        description: "A country's territorial integrity and its recognition.",
      },
    ],
  },
  statementKind: {
    description: 'What kind of statement an official made.',
    open: true,
    terms: [
      { code: 'GREETINGS', label: 'Greetings', description: 'Greetings conveyed, often on behalf of someone.' },
      { code: 'SUPPORT', label: 'Support', description: 'Support expressed for a country, cause or position.' },
      { code: 'CONGRATULATION', label: 'Congratulation', description: 'Congratulations on an event or success.' },
      { code: 'READINESS', label: 'Readiness', description: 'Readiness or willingness to do something.' },
      { code: 'POSITION', label: 'Position', description: 'A stated position on a question.' },
      { code: 'EMPHASIS', label: 'Emphasis', description: 'A point stressed or underlined.' },
    ],
  },
  countryRelationKind: {
    description: 'A relation one country holds towards another.',
    open: true,
    terms: [
      { code: 'RECOGNIZED_INDEPENDENCE', label: 'Recognized independence', description: "Recognized the other's independence." },
      { code: 'DOES_NOT_RECOGNIZE', label: 'Does not recognize', description: 'Does not recognize the other as a state.' },
      { code: 'SUPPORTED_IN_WAR', label: 'Supported in war', description: 'Supported the other during a war.' },
      { code: 'SUPPORTS', label: 'Supports', description: 'Supports the other in general.' },
      { code: 'DIPLOMATIC_RELATIONS', label: 'Diplomatic relations', description: 'Holds diplomatic relations with the other.' },
    ],
  },
  tradeFlow: {
    description: "The direction of a trade figure, from the reporter's side.",
    open: false,
    terms: [
      { code: 'TURNOVER', label: 'Turnover', description: 'Exports and imports together.' },
      { code: 'EXPORTS', label: 'Exports', description: 'Goods leaving the reporter for the partner.' },
      { code: 'IMPORTS', label: 'Imports', description: 'Goods reaching the reporter from the partner.' },
    ],
  },
} as const satisfies Record<string, Vocabulary>;

export type VocabularyName = keyof typeof VOCABULARIES;

/** The codes of one vocabulary as a type: `TermCode<'topic'>` is 'NAVAL_COOPERATION' | 'DEMINING' | ... */
export type TermCode<V extends VocabularyName> = (typeof VOCABULARIES)[V]['terms'][number]['code'];

/** The codes of a vocabulary, in order. */
export function termCodes(vocabulary: VocabularyName): string[] {
  return VOCABULARIES[vocabulary].terms.map((t) => t.code);
}

/** The graph label and link type of a vocabulary whose terms are drawn as nodes, if it has them. */
export function vocabularyGraph(name: VocabularyName): { label: string; linkType: string } | undefined {
  const vocabulary: Vocabulary = VOCABULARIES[name];
  return vocabulary.graph;
}

/** The names of the vocabularies a document may add terms to. */
export const OPEN_VOCABULARIES = (Object.keys(VOCABULARIES) as VocabularyName[]).filter((name) => VOCABULARIES[name].open);

/** The form of a term's code: capitals, digits and underscores, as the registry's own codes. */
export const TERM_CODE_PATTERN = '^[A-Z][A-Z0-9_]{1,63}$';

/** The label of a term, or the code itself when the vocabulary has no such term. */
export function termLabel(vocabulary: VocabularyName, code: string): string {
  return (VOCABULARIES[vocabulary].terms as readonly Term[]).find((t) => t.code === code)?.label ?? code;
}
