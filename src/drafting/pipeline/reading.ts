import type { AnnotatedSentence, Annotation, Dependency, EntityMention, Token } from '../../nlp/annotation.js';

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
  text: string;
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
  const separator = /\n[ \t]*\n/.test(text) ? /\n[ \t]*\n\s*/g : /\n\s*/g;
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

/** CoreNLP properties that keep its sentences inside our paragraphs: a blank line (or, without any, a line) ends one. */
export function sentenceBreakProperty(text: string): Record<string, string> {
  return { 'ssplit.newlineIsSentenceBreak': /\n[ \t]*\n/.test(text) ? 'two' : 'always' };
}

/** Places each annotated sentence in its paragraph; sentences of the trailer are dropped. */
export function readReport(text: string, annotation: Annotation): Reading {
  const paragraphs = splitParagraphs(text);
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
  return { text, paragraphs, sentences, annotation };
}
