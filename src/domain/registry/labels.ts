import type { VocabularyName } from './vocabularies.js';

/**
 * Every node label of the graph, as data: the document section that declares it, its fields (own properties and
 * references to other entities, in document order), its indexes and its Neo4j Browser caption. The document
 * schema, the write plan, the export, the projections, constraints and merge moves are all derived from this.
 */

/** A reference to another entity; it becomes a relationship of `type`, pointing out of this entity or into it. */
export interface ReferenceSpec {
  readonly kind: 'ref';
  /** Labels the id may name; a test checks each is a label of the registry. */
  readonly targets: readonly string[];
  readonly type: string;
  readonly direction: 'out' | 'in';
  readonly many?: boolean;
  readonly required?: boolean;
  /** The name of the API field it answers, where the document's name would read badly there (a relation's `from`). */
  readonly apiName?: string;
}

/**
 * A list of links to other entities that carry their own properties and evidence: meeting participants. Each item
 * names its target in `key` and becomes one relationship; `properties` are stored on it, and `refProperties` are
 * ids of other entities stored on it as properties (the post a participant held).
 */
export interface LinksSpec {
  readonly kind: 'links';
  readonly key: string;
  readonly targets: readonly string[];
  readonly type: string;
  readonly direction: 'out' | 'in';
  readonly minItems: number;
  readonly properties: Readonly<Record<string, ValueSpec>>;
  readonly refProperties: Readonly<Record<string, readonly string[]>>;
}

export type ValueSpec =
  | { readonly kind: 'text'; readonly max?: number; readonly min?: number; readonly pattern?: string; readonly required?: boolean }
  | { readonly kind: 'texts'; readonly max: number }
  | { readonly kind: 'ids'; readonly description: string }
  | { readonly kind: 'date'; readonly required?: boolean }
  | { readonly kind: 'term'; readonly vocabulary: VocabularyName; readonly required?: boolean }
  | { readonly kind: 'terms'; readonly vocabulary: VocabularyName; readonly required?: boolean }
  | { readonly kind: 'number'; readonly minimum: number; readonly required?: boolean }
  | { readonly kind: 'integer'; readonly minimum: number; readonly description: string; readonly required?: boolean }
  | { readonly kind: 'uri' };

export type FieldSpec = ValueSpec | ReferenceSpec | LinksSpec;

export interface IndexSpec {
  readonly name: string;
  readonly kind: 'RANGE' | 'TEXT';
  readonly property: string;
  /** Why the index exists: which question it serves. */
  readonly why: string;
}

export interface LabelSpec {
  readonly label: string;
  /** The document section that declares entities of this label. */
  readonly section: string;
  readonly description: string;
  /** Sources are not supported by evidence; every other entity is. */
  readonly supported: boolean;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  readonly indexes?: readonly IndexSpec[];
  /** Cypher expression over `n` for the Browser caption, set after each write; never read from documents. */
  readonly caption?: string;
  /**
   * Date fields each source states for itself: stored on the entity's evidence link as well, so an entity that
   * several sources support keeps every source's date (a tenure attested in June by one report, in July by another).
   */
  readonly perEvidence?: readonly string[];
}

type Extra = {
  readonly required?: boolean;
  readonly many?: boolean;
  readonly min?: number;
  readonly pattern?: string;
  readonly apiName?: string;
};
const none = {} as const;
const text = <const E extends Extra>(max: number | undefined, extra: E = none as E) =>
  ({ kind: 'text', ...(max === undefined ? {} : { max }), ...extra }) as const;
const date = <const R extends boolean = false>(required?: R) => ({ kind: 'date', required: (required ?? false) as R }) as const;
const term = <const V extends VocabularyName>(vocabulary: V) => ({ kind: 'term', vocabulary, required: true }) as const;
const ref = <const T extends readonly string[], const E extends Extra>(
  targets: T,
  type: string,
  direction: 'out' | 'in',
  extra: E = none as E,
) => ({ kind: 'ref', targets, type, direction, ...extra }) as const;

export const SOURCE_LABEL = {
  label: 'Source',
  section: 'sources',
  description: 'A document facts were taken from.',
  supported: false,
  fields: {
    kind: term('sourceKind'),
    publisher: text(200, { required: true }),
    publishedBy: ref(['Organization'], 'PUBLISHED_BY', 'out'),
    title: text(500, { required: true }),
    author: text(200),
    published: date(true),
    language: text(undefined, { required: true, pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)*$' }),
    url: { kind: 'uri' },
    paragraphs: {
      kind: 'integer',
      minimum: 1,
      required: true,
      description: 'How many paragraphs the source has; evidence must cite one of them.',
    },
    revision: {
      kind: 'integer',
      minimum: 1,
      description:
        'Which revision of the source this is (1 when left out). A source already in the graph changes its metadata only ' +
        'when a document declares it with a higher revision; its paragraphs may grow then, never shrink.',
    },
  },
  caption: `n.publisher + ', ' + n.published`,
} as const satisfies LabelSpec;

/** Entity labels in dependency order: an entity refers only to entities of earlier sections (or of its own, for parents). */
export const ENTITY_LABEL_SPECS = [
  {
    label: 'Country',
    section: 'countries',
    description: 'A sovereign state; its id is the ISO 3166-1 alpha-2 code.',
    supported: true,
    fields: { name: text(200, { required: true }) },
  },
  {
    label: 'Place',
    section: 'places',
    description: 'A place below country level.',
    supported: true,
    fields: {
      name: text(200, { required: true }),
      kind: term('placeKind'),
      country: ref(['Country'], 'IN_COUNTRY', 'out', { required: true }),
      // A site within a city, a city within a region.
      parent: ref(['Place'], 'PART_OF', 'out'),
    },
  },
  {
    label: 'Organization',
    section: 'organizations',
    description: 'An institution: ministry, armed service, parliament, presidency, news outlet...',
    supported: true,
    fields: {
      name: text(300, { required: true }),
      shortName: text(120),
      kind: term('organizationKind'),
      country: ref(['Country'], 'IN_COUNTRY', 'out'),
      parent: ref(['Organization'], 'PART_OF', 'out'),
    },
    indexes: [{ name: 'organization_kind', kind: 'RANGE', property: 'kind', why: 'organizations by kind' }],
    caption: 'coalesce(n.shortName, n.name)',
  },
  {
    label: 'Person',
    section: 'people',
    description: 'An official. A person whose name or alias matches one already in the graph is linked to that person.',
    supported: true,
    fields: {
      name: text(200, { required: true }),
      aliases: { kind: 'texts', max: 200 },
      country: ref(['Country'], 'CITIZEN_OF', 'out'),
      otherIds: {
        kind: 'ids',
        description: 'Ids this person had in other documents or before a merge; references to them resolve to this person.',
      },
    },
    indexes: [
      {
        name: 'person_name_key_text',
        kind: 'TEXT',
        property: 'nameKeyText',
        why: 'name and alias keys as one |k1|k2| string: CONTAINS |key| resolves aliases',
      },
      {
        name: 'person_other_id_text',
        kind: 'TEXT',
        property: 'otherIdText',
        why: 'ids a person had before a merge or alias link, as one |id1|id2| string',
      },
      { name: 'person_name', kind: 'RANGE', property: 'name', why: 'people in name order' },
      { name: 'person_block_key_text', kind: 'TEXT', property: 'blockKeyText', why: 'consonant skeletons of name words: match candidates' },
    ],
  },
  {
    label: 'Post',
    section: 'posts',
    description: 'A position that exists independent of who holds it.',
    supported: true,
    fields: { title: text(300, { required: true }), organization: ref(['Organization'], 'IN_ORGANIZATION', 'out', { required: true }) },
  },
  {
    label: 'Tenure',
    section: 'tenures',
    description: 'A person holding a post: start and end where known, otherwise the date a source attests it.',
    supported: true,
    fields: {
      person: ref(['Person'], 'HELD', 'in', { required: true }),
      post: ref(['Post'], 'OF_POST', 'out', { required: true }),
      start: date(),
      end: date(),
      attested: date(),
    },
    indexes: [{ name: 'tenure_start_from', kind: 'RANGE', property: 'startFrom', why: '"as of" filters on posts' }],
    perEvidence: ['attested'],
    caption: `CASE WHEN n.start IS NULL AND n.end IS NULL THEN 'as of ' + n.attested
                   ELSE coalesce(n.start, '…') + '–' + coalesce(n.end, '') END`,
  },
  {
    label: 'Visit',
    section: 'visits',
    description: "A delegation's visit; it can contain several meetings.",
    supported: true,
    fields: {
      title: text(300, { required: true }),
      leader: ref(['Person'], 'LED', 'in', { required: true }),
      delegationOf: ref(['Country'], 'DELEGATION_OF', 'out', { required: true }),
      hostCountry: ref(['Country'], 'HOSTED_BY', 'out', { required: true }),
      date: date(),
      summary: text(2000, { required: true }),
    },
  },
  {
    label: 'Meeting',
    section: 'meetings',
    description: 'A meeting with its participants, the role and post each had there, and what it was about.',
    supported: true,
    fields: {
      visit: ref(['Visit'], 'PART_OF', 'out'),
      date: date(),
      place: ref(['Place', 'Country'], 'HELD_IN', 'out'),
      format: term('meetingFormat'),
      topics: { kind: 'terms', vocabulary: 'topic', required: true },
      summary: text(2000, { required: true }),
      participants: {
        kind: 'links',
        key: 'person',
        targets: ['Person'],
        type: 'ATTENDED',
        direction: 'in',
        minItems: 2,
        properties: { role: term('participantRole') },
        refProperties: { post: ['Post'] },
      },
    },
    indexes: [
      { name: 'meeting_date_from', kind: 'RANGE', property: 'dateFrom', why: 'meetings between dates' },
      { name: 'meeting_date_to', kind: 'RANGE', property: 'dateTo', why: 'meetings between dates' },
    ],
    // The participants' surnames, so two meetings of one month and place are told apart on the picture; the date
    // would not fit the circle beside them (it is in the node's properties).
    caption: `
      reduce(s = '', name IN COLLECT { MATCH (p:Person)-[:ATTENDED]->(n) WITH last(split(p.name, ' ')) AS surname
                                       RETURN surname ORDER BY surname }[0..2] |
             s + CASE WHEN s = '' THEN '' ELSE ', ' END + name) +
      CASE WHEN COUNT { (:Person)-[:ATTENDED]->(n) } > 2 THEN ' +' + toString(COUNT { (:Person)-[:ATTENDED]->(n) } - 2) ELSE '' END`,
  },
  {
    label: 'Statement',
    section: 'statements',
    description: 'Something an official said or did in words: greetings, support, a congratulation, a position.',
    supported: true,
    fields: {
      kind: term('statementKind'),
      speaker: ref(['Person'], 'MADE', 'in', { required: true }),
      meeting: ref(['Meeting'], 'MADE_AT', 'out'),
      date: date(),
      onBehalfOf: ref(['Person'], 'ON_BEHALF_OF', 'out'),
      addressedTo: ref(['Person', 'Country', 'Organization'], 'ADDRESSED_TO', 'out'),
      about: ref(['Country', 'Person', 'Organization'], 'ABOUT', 'out', { many: true }),
      summary: text(2000, { required: true }),
    },
    indexes: [{ name: 'statement_date_from', kind: 'RANGE', property: 'dateFrom', why: 'statements between dates' }],
  },
  {
    label: 'CountryRelation',
    section: 'countryRelations',
    description: 'A relation one country holds towards another.',
    supported: true,
    fields: {
      kind: term('countryRelationKind'),
      from: ref(['Country'], 'HOLDS', 'in', { required: true, apiName: 'holder' }),
      to: ref(['Country'], 'TOWARDS', 'out', { required: true, apiName: 'towards' }),
      date: date(),
      summary: text(2000, { required: true }),
    },
  },
  {
    label: 'TradeFigure',
    section: 'tradeFigures',
    description: "Trade between two countries over a period, from the reporter's side (exports leave the reporter).",
    supported: true,
    fields: {
      reporter: ref(['Country'], 'REPORTED_BY', 'out', { required: true }),
      partner: ref(['Country'], 'WITH_PARTNER', 'out', { required: true }),
      flow: term('tradeFlow'),
      period: date(true),
      amount: { kind: 'number', minimum: 0, required: true },
      currency: text(undefined, { required: true, pattern: '^[A-Z]{3}$' }),
    },
    caption: `toLower(n.flow) + ' ' + n.period`,
  },
] as const satisfies readonly LabelSpec[];

export type EntityLabel = (typeof ENTITY_LABEL_SPECS)[number]['label'];
export type Section = (typeof ENTITY_LABEL_SPECS)[number]['section'];

export const ENTITY_LABELS: readonly EntityLabel[] = ENTITY_LABEL_SPECS.map((s) => s.label);

/**
 * The label every node a document declares carries besides its own, sources included: its unique id constraint
 * makes ids one space across the graph (Community enforces uniqueness per label only), and finding any entity by id
 * is one index seek.
 */
export const ID_SPACE_LABEL = 'Entity';

/** Cypher for the kind of entity node `v` is: its own label, the shared one left out. */
export function kindOf(v: string): string {
  return `[l IN labels(${v}) WHERE l <> '${ID_SPACE_LABEL}'][0]`;
}

/** Every label written from documents: the source first, then the entities in dependency order. */
export const DOCUMENT_LABELS: readonly LabelSpec[] = [SOURCE_LABEL, ...ENTITY_LABEL_SPECS];

export function labelSpec(label: string): LabelSpec {
  const spec = DOCUMENT_LABELS.find((s) => s.label === label);
  if (!spec) throw new Error(`no label ${label} in the registry`);
  return spec;
}

/** Fields whose values are partial dates; each is stored with its precision and the first and last day it may mean. */
export const DATE_FIELDS: readonly string[] = [
  ...new Set(
    DOCUMENT_LABELS.flatMap((s) =>
      Object.entries(s.fields)
        .filter(([, f]) => f.kind === 'date')
        .map(([name]) => name),
    ),
  ),
];
