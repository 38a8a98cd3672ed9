import type { AnnotatedSentence, Annotation, Dependency, EntityMention, Token } from '../../nlp/annotation.js';
import { hasBlankLines, textForReading } from './prepare.js';

/** A paragraph of a report as the evidence counts it: 0 holds the headline, byline and dateline. */
export interface Paragraph {
  index: number;
  text: string;
  /** Where it starts and ends in the report's text. */
  start: number;
  end: number;
}

/** One sentence of CoreNLP's annotation, placed in its paragraph, with its parse indexed for the stages. */
export interface SentenceReading {
  /** Position among the report's sentences, from 0. */
  index: number;
  paragraph: number;
  /** Position in its paragraph, from 0, for the draft block. */
  inParagraph: number;
  tokens: Token[];
  mentions: EntityMention[];
  parse: Parse;
}

/** A report read: its text, paragraphs, and the annotated sentences of paragraphs that count (not the trailer). */
export interface Reading {
  /** The text as CoreNLP read it (`textForReading`): the offsets of both are the same. */
  text: string;
  /** The report's own text, where names and titles are taken from. */
  original: string;
  paragraphs: Paragraph[];
  sentences: SentenceReading[];
  annotation: Annotation;
}

/**
 * The enhanced++ dependencies of a sentence, by governor and by dependent. Token numbers are CoreNLP's (from 1;
 * 0 is the root); relations keep their enhanced suffix ("obl:with", "nmod:poss", "conj:and").
 */
export class Parse {
  private readonly down = new Map<number, Dependency[]>();
  private readonly up = new Map<number, Dependency[]>();

  constructor(dependencies: Dependency[]) {
    for (const d of dependencies) {
      this.down.set(d.governor, [...(this.down.get(d.governor) ?? []), d]);
      this.up.set(d.dependent, [...(this.up.get(d.dependent) ?? []), d]);
    }
  }

  /** Dependents of a token whose relation is one of `relations` (an exact name, or a prefix ending in ":"). */
  children(token: number, ...relations: string[]): number[] {
    return (this.down.get(token) ?? []).filter((d) => matches(d.dep, relations)).map((d) => d.dependent);
  }

  /** Governors of a token through one of `relations` (none given: any). */
  parents(token: number, ...relations: string[]): number[] {
    return (this.up.get(token) ?? []).filter((d) => d.dep !== 'ROOT' && matches(d.dep, relations)).map((d) => d.governor);
  }

  /** The relations a token hangs from. */
  relationsOf(token: number): string[] {
    return (this.up.get(token) ?? []).map((d) => d.dep);
  }

  /** The relations between a governor and a dependent. */
  between(governor: number, dependent: number): string[] {
    return (this.down.get(governor) ?? []).filter((d) => d.dependent === dependent).map((d) => d.dep);
  }
}

function matches(dep: string, relations: string[]): boolean {
  return relations.length === 0 || relations.some((r) => (r.endsWith(':') ? dep.startsWith(r) : dep === r));
}

/** Lines where a page's trailer begins: the report ends before them. */
const TRAILER = /^(?:--+|_{3,}|follow us\b|share this\b|read more\b|related\b|subscribe\b|also read\b)/i;

const isFrontMatter = (block: string) =>
  /^\s*(?:by|date|posted|published|updated)\b/i.test(block) || (block.split(/\s+/).length < 25 && !/[.!?]["”’)]?$/.test(block));

/**
 * Numbered paragraphs as the seed document counts them: blocks between blank lines (one a line where the text has
 * no blank line), the leading headline, byline and dateline blocks together as paragraph 0 (empty when the text
 * starts with the body), and nothing from a trailer line such as "--" or "Follow us" on.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const separator = hasBlankLines(text) ? /\n[ \t]*\n\s*/g : /\n\s*/g;
  const blocks: { start: number; end: number; text: string }[] = [];
  let at = 0;
  const push = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) blocks.push({ start: start + lead, end: start + lead + body.length, text: body.replace(/\s+/g, ' ') });
  };
  for (const m of text.matchAll(separator)) {
    push(at, m.index);
    at = m.index + m[0].length;
  }
  push(at, text.length);
  const trailer = blocks.findIndex((b) => TRAILER.test(b.text));
  const body = trailer === -1 ? blocks : blocks.slice(0, trailer);
  let front = 0;
  while (front < body.length - 1 && isFrontMatter(body[front]!.text)) front++;
  const head = body.slice(0, front);
  return [
    {
      index: 0,
      text: head.map((b) => b.text).join(' '),
      start: head[0]?.start ?? 0,
      end: head.at(-1)?.end ?? 0,
    },
    ...body.slice(front).map((b, i) => ({ index: i + 1, ...b })),
  ];
}

/**
 * Coreference compares each mention with those before it; bounded to the last 30 sentences, and 100 for a repeated
 * string, it stays near linear on a long report without losing the chains of this genre (a principal named in the
 * lead and called "the minister" a few sentences on).
 */
const COREF_BOUNDS = { 'coref.maxMentionDistance': '30', 'coref.maxMentionDistanceWithStringMatch': '100' };

/**
 * The CoreNLP properties a report is annotated with, beside the annotators: sentences kept inside our paragraphs (a
 * blank line, or, where the text has none, a line ends one) and coreference bounded.
 */
export function readingProperties(text: string): Record<string, string> {
  return { 'ssplit.newlineIsSentenceBreak': hasBlankLines(text) ? 'two' : 'always', ...COREF_BOUNDS };
}

/**
 * Places each annotated sentence of a report (annotated as `textForReading` gives it) in its paragraph; sentences of
 * the trailer are dropped. Paragraphs keep the report's own words.
 */
export function readReport(original: string, annotation: Annotation): Reading {
  const text = textForReading(original);
  const paragraphs = splitParagraphs(text).map((p) => ({ ...p, text: original.slice(p.start, p.end).replace(/\s+/g, ' ').trim() }));
  const last = paragraphs.at(-1)!;
  const sentences: SentenceReading[] = [];
  const counted = new Map<number, number>();
  for (const s of annotation.sentences as AnnotatedSentence[]) {
    const begin = s.tokens[0]?.characterOffsetBegin ?? 0;
    if (begin >= last.end && last.end > 0) continue;
    const paragraph = paragraphs.findLast((p) => p.start <= begin && (p.index > 0 || p.end > 0))?.index ?? 0;
    const inParagraph = counted.get(paragraph) ?? 0;
    counted.set(paragraph, inParagraph + 1);
    sentences.push({
      index: sentences.length,
      paragraph,
      inParagraph,
      tokens: s.tokens,
      mentions: s.entitymentions,
      parse: new Parse(s.enhancedPlusPlusDependencies),
    });
  }
  return { text, original, paragraphs, sentences, annotation };
}

/** The publication date a draft is told, or else the one its dateline gives ("date 2021-06-09", "2021-06-09"). */
export function publicationDate(text: string, published: string | null): string | null {
  if (published) return published;
  const front = splitParagraphs(text)[0]!.text;
  return /\b(\d{4}-\d{2}-\d{2})\b/.exec(front)?.[1] ?? null;
}
