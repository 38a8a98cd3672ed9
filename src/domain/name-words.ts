import { nameKey } from './names.js';

/**
 * Words that stand before or beside a name in the genre's reports but are not part of it: ranks, offices and
 * forms of address. Compared after the name key's transliteration, so "Col-Gen" and "Генерал" are caught too.
 */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'sir',
  'he',
  'his',
  'her',
  'excellency',
  'hon',
  'honourable',
  'honorable',
  'general',
  'gen',
  'colonel',
  'col',
  'lieutenant',
  'lt',
  'major',
  'maj',
  'brigadier',
  'brig',
  'captain',
  'capt',
  'admiral',
  'adm',
  'vice',
  'rear',
  'commodore',
  'marshal',
  'air',
  'chief',
  'commander',
  'sergeant',
  'president',
  'minister',
  'deputy',
  'prime',
  'ambassador',
  'speaker',
  'chairman',
  'chairwoman',
  'senator',
  'prince',
  'sheikh',
  'king',
  'queen',
  'emir',
  'sultan',
  'pm',
  'fm',
  'gen.',
  'general-lieutenant',
  'general-major',
  'general-colonel',
  'polkovnik',
  'general-polkovnik',
  'leytenant',
]);

/** Words of names already seen: comparing a batch's people repeats the same names many times over. */
const wordsOf = new Map<string, string[]>();
const REMEMBERED_NAMES = 100_000;

/** A name as words to compare: the name key's words, titles and ranks left out, in order. */
export function nameWords(name: string): string[] {
  let words = wordsOf.get(name);
  if (!words) {
    words = nameKey(name)
      .split(' ')
      .filter((word) => word.length > 0 && !TITLE_WORDS.has(word));
    if (wordsOf.size >= REMEMBERED_NAMES) wordsOf.clear();
    wordsOf.set(name, words);
  }
  return words;
}

/** The titles a name carried, as written, for the reasons a candidate gives. */
export function strippedTitles(name: string): string[] {
  return nameKey(name)
    .split(' ')
    .filter((word) => TITLE_WORDS.has(word));
}

/**
 * Letters that transliterations of one name swap (Azerbaijani q and Russian g, Turkish c and English j, h written
 * g from Russian, y written or left out), folded so that the spellings of one word share a skeleton.
 */
const LETTER_FOLDS: [RegExp, string][] = [
  [/q/g, 'g'],
  [/c/g, 'j'],
  [/x/g, 'h'],
  [/h/g, 'g'],
  [/w/g, 'v'],
  [/y/g, ''],
];

/**
 * The skeleton of a word: its consonants after the folds above, doubled letters once. Spelling variants of the
 * genre share it (Bekirov/Bakirov, Shahbaz/Shehbaz, Hasanov/Gasanov, Jeyhun/Ceyhun), different names mostly do not
 * (Alvi/Ali); candidates are looked up by it instead of comparing every pair of people.
 */
export function skeleton(word: string): string {
  let folded = word;
  for (const [pattern, replacement] of LETTER_FOLDS) folded = folded.replace(pattern, replacement);
  const consonants = folded.replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1');
  return consonants.length > 0 ? consonants : word;
}

/** The blocking keys of a person: the skeleton of every word of every name, titles left out (the graph stores them). */
export function blockKeys(names: readonly string[]): string[] {
  return [
    ...new Set(
      names
        .flatMap(nameWords)
        .filter((w) => w.length > 1)
        .map(skeleton),
    ),
  ];
}
