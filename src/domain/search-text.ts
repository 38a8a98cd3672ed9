/** Characters Lucene's query parser reads as syntax; a user's words are searched for as words. */
const LUCENE_SYNTAX = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** The words of a search, each with whether it ends in * (a prefix); punctuation is not a word. */
export function searchWords(text: string): { word: string; prefix: boolean }[] {
  return [...text.normalize('NFC').matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*\*?/gu)].map((m) => {
    const prefix = m[0].endsWith('*');
    return { word: (prefix ? m[0].slice(0, -1) : m[0]).replace(/[.'’-]+$/u, ''), prefix };
  });
}

/**
 * The full-text query for a user's words: each word lower-cased (so AND, OR and NOT stay words, as the index's
 * analyser lower-cases too) and escaped, a trailing * kept as a prefix search; any word may match (Lucene's default
 * OR), so more matching words rank higher. Undefined when the text holds no word.
 */
export function fullTextQuery(text: string): string | undefined {
  const words = searchWords(text).filter((w) => w.word.length > 0);
  if (words.length === 0) return undefined;
  return words.map(({ word, prefix }) => `${word.toLowerCase().replace(LUCENE_SYNTAX, (c) => `\\${c}`)}${prefix ? '*' : ''}`).join(' ');
}

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** How much of a long text a fragment shows around the first match. */
const FRAGMENT_CHARACTERS = 200;

/**
 * The part of `text` around the first of the search's words it contains, HTML-escaped, each matching word in
 * <mark>…</mark>; undefined when no word matches (the index may have matched a form the words do not show).
 * Words match whole and regardless of case; a prefix word matches the start of a word.
 */
export function highlight(text: string, search: string): string | undefined {
  const words = searchWords(search).filter((w) => w.word.length > 0);
  if (words.length === 0) return undefined;
  const alternatives = words
    .map(({ word, prefix }) => `${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${prefix ? '[\\p{L}\\p{N}]*' : ''}`)
    .join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
  const first = pattern.exec(text);
  if (!first) return undefined;
  let start = 0;
  let end = text.length;
  if (text.length > FRAGMENT_CHARACTERS) {
    start = Math.max(0, first.index - FRAGMENT_CHARACTERS / 2);
    end = Math.min(text.length, start + FRAGMENT_CHARACTERS);
    start = Math.max(0, end - FRAGMENT_CHARACTERS);
  }
  const part = text.slice(start, end);
  let marked = '';
  let at = 0;
  pattern.lastIndex = 0;
  for (const match of part.matchAll(pattern)) {
    marked += `${escapeHtml(part.slice(at, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    at = match.index + match[0].length;
  }
  marked += escapeHtml(part.slice(at));
  return `${start > 0 ? '…' : ''}${marked}${end < text.length ? '…' : ''}`;
}
