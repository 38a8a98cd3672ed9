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

/** Sentences of a paragraph; a full stop after an abbreviation or an initial ("R. T. Oduya") does not end one. */
export function splitSentences(paragraph: Paragraph): Sentence[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of paragraph.text.matchAll(/[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])/g)) {
    const before = paragraph.text.slice(start, match.index + 1);
    const word = /(\S+)\.$/.exec(before)?.[1]?.toLowerCase() ?? '';
    if (ABBREVIATIONS.has(word) || /^[a-z]$/i.test(word)) continue;
    sentences.push(paragraph.text.slice(start, match.index + match[0].length).trim());
    start = match.index + match[0].length;
  }
  if (start < paragraph.text.length) sentences.push(paragraph.text.slice(start).trim());
  return sentences.filter((s) => s.length > 0).map((text, index) => ({ paragraph: paragraph.index, index, text }));
}
