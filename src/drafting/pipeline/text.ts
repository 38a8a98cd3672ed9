import type { Steps } from './steps.js';

/** A paragraph of a report as the evidence counts it: 0 holds the headline, byline and dateline. */
export interface Paragraph {
  index: number;
  text: string;
}

/** A sentence of a paragraph, with its position for the draft block. */
export interface Sentence {
  paragraph: number;
  index: number;
  text: string;
}

/** Lines where a page's trailer begins: the report ends before them. */
const TRAILER = /^(?:--+|_{3,}|follow us\b|share this\b|read more\b|related\b|subscribe\b)/i;

const isFrontMatter = (block: string) =>
  /^\s*(?:by|date|posted|published|updated)\b/i.test(block) || (block.split(/\s+/).length < 25 && !/[.!?]["”’)]?$/.test(block));

/**
 * Splits a report into numbered paragraphs as the seed document counts them: blocks separated by blank lines, the
 * leading headline, byline and dateline blocks together as paragraph 0 (empty when the text starts with the body),
 * and nothing after a trailer line such as "--" or "Follow us".
 */
export function splitParagraphs(text: string): Paragraph[] {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter((b) => b.length > 0);
  const end = blocks.findIndex((b) => TRAILER.test(b));
  const body = end === -1 ? blocks : blocks.slice(0, end);
  let front = 0;
  while (front < body.length - 1 && isFrontMatter(body[front]!)) front++;
  return [{ index: 0, text: body.slice(0, front).join(' ') }, ...body.slice(front).map((b, i) => ({ index: i + 1, text: b }))];
}

/** Abbreviations the genre puts before names and numbers, after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'gen',
  'lt',
  'maj',
  'col',
  'adm',
  'capt',
  'brig',
  'mr',
  'mrs',
  'ms',
  'dr',
  'no',
  'st',
  'jr',
  'sr',
  'vs',
  'approx',
  'gov',
  'sen',
  'rep',
  'prof',
  'u.s',
  'u.k',
]);

/** The run of non-space characters that ends just before `end` (and starts at `start` or later), counting each looked at. */
function wordBefore(text: string, start: number, end: number, steps: Steps): string {
  let from = end;
  while (from > start && !/\s/.test(text[from - 1]!)) {
    from--;
    steps.count++;
  }
  return text.slice(from, end);
}

/**
 * Sentences of a paragraph; a full stop after an abbreviation or an initial ("R. T. Oduya") does not end one. Each
 * stop looks back over the one word before it only, so a paragraph of abbreviations costs no more than its length.
 */
export function splitSentences(paragraph: Paragraph, steps: Steps = { count: 0 }): Sentence[] {
  const { text } = paragraph;
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])/g)) {
    steps.count++;
    const word = text[match.index] === '.' ? wordBefore(text, start, match.index, steps).toLowerCase() : '';
    if (ABBREVIATIONS.has(word) || /^[a-z]$/i.test(word)) continue;
    sentences.push(text.slice(start, match.index + match[0].length).trim());
    start = match.index + match[0].length;
  }
  if (start < text.length) sentences.push(text.slice(start).trim());
  return sentences.filter((s) => s.length > 0).map((text, index) => ({ paragraph: paragraph.index, index, text }));
}
