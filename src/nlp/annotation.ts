/**
 * What Stanford CoreNLP's server answers for one report with the annotators the drafter asks for (tokenize, ssplit,
 * pos, lemma, ner, depparse, coref) and `outputFormat: json`: only the fields the drafter reads. Token and sentence
 * indexes follow CoreNLP: tokens count from 1 inside a sentence, 0 is the dependency root; `tokenBegin`/`tokenEnd`
 * of an entity mention count from 0 and end exclusive; coreference mentions count sentences and tokens from 1.
 */
export interface Annotation {
  /** The anchor SUTime resolved relative dates against (the publication date), as sent. */
  docDate?: string;
  sentences: AnnotatedSentence[];
  /** Coreference chains by chain id. */
  corefs: Record<string, CorefMention[]>;
}

export interface AnnotatedSentence {
  index: number;
  tokens: Token[];
  entitymentions: EntityMention[];
  enhancedPlusPlusDependencies: Dependency[];
}

export interface Token {
  index: number;
  word: string;
  originalText: string;
  lemma: string;
  pos: string;
  /** The entity type CoreNLP gives the token (PERSON, TITLE, COUNTRY, CITY, ORGANIZATION, DATE, …) or "O". */
  ner: string;
  normalizedNER?: string;
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  before: string;
  after: string;
}

export interface EntityMention {
  tokenBegin: number;
  tokenEnd: number;
  text: string;
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  ner: string;
  normalizedNER?: string;
  timex?: { tid: string; type: string; value?: string; altValue?: string };
}

export interface Dependency {
  dep: string;
  governor: number;
  governorGloss: string;
  dependent: number;
  dependentGloss: string;
}

export interface CorefMention {
  id: number;
  text: string;
  type: 'PROPER' | 'NOMINAL' | 'PRONOMINAL' | 'LIST';
  number: string;
  gender: string;
  animacy: string;
  startIndex: number;
  endIndex: number;
  headIndex: number;
  sentNum: number;
  isRepresentativeMention: boolean;
}

/** What the drafter asks CoreNLP for, one request per report. */
export const DRAFT_ANNOTATORS = 'tokenize,ssplit,pos,lemma,ner,depparse,coref';
