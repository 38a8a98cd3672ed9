import anyAscii from 'any-ascii';

/**
 * Letters whose usual English spelling differs from the generic transliteration: Azerbaijani "ə" is written "a"
 * (Həsənov → Hasanov).
 */
const BEFORE_TRANSLITERATION: [RegExp, string][] = [[/[əƏ]/g, 'a']];

/**
 * Spelling differences that transliteration leaves between sources: Russian "х" comes out as "kh" and "дж" as
 * "dzh" where English-language outlets write "h" and "j" (Субхан → Subkhan, written Subhan; Амджад → Amdzhad,
 * written Amjad).
 */
const FOLDS: [RegExp, string][] = [
  [/dzh/g, 'j'],
  [/kh/g, 'h'],
  [/([a-z])\1+/g, '$1'],
];

/**
 * The key two spellings of one name share: Latin letters only, lower case, words in order, without diacritics
 * or punctuation, after transliteration from any script. "Subhan Bakirov" and "Субхан Бакиров" give one key.
 */
export function nameKey(name: string): string {
  let text = name.normalize('NFKC');
  for (const [pattern, replacement] of BEFORE_TRANSLITERATION) text = text.replace(pattern, replacement);
  let key = anyAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (const [pattern, replacement] of FOLDS) key = key.replace(pattern, replacement);
  return key;
}

/** Keys of a name and its aliases, without repeats. */
export function nameKeys(names: readonly string[]): string[] {
  return [...new Set(names.map(nameKey).filter((k) => k.length > 0))];
}

/** The `|k1|k2|` text of a list, as {@link barredTextCypher} builds it, for writers that build rows outside Neo4j. */
export function barredText(items: readonly string[]): string {
  return items.reduce((text, item) => `${text}${item}|`, '|');
}

/** A list as one `|k1|k2|` text, built by Cypher in the statement that extends the list: a text index answers CONTAINS '|k|'. */
export function barredTextCypher(list: string): string {
  return `reduce(text = '|', item IN ${list} | text + item + '|')`;
}
