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

/**
 * A function of a string that remembers its answers, up to `limit` of them: finding candidates compares the same
 * names, and the same words within them, hundreds of thousands of times in one bulk import.
 */
function remembering<T>(compute: (key: string) => T, limit = 100_000): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      if (known.size >= limit) known.clear();
      known.set(key, value);
    }
    return value;
  };
}

/** A name as words to compare: the name key's words, titles and ranks left out, in order. */
export const nameWords: (name: string) => string[] = remembering((name) =>
  nameKey(name)
    .split(' ')
    .filter((word) => word.length > 0 && !TITLE_WORDS.has(word)),
);

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
export const skeleton: (word: string) => string = remembering((word) => {
  let folded = word;
  for (const [pattern, replacement] of LETTER_FOLDS) folded = folded.replace(pattern, replacement);
  const consonants = folded.replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1');
  return consonants.length > 0 ? consonants : word;
});

/**
 * Most holders of one blocking key a newcomer is compared with, so a common name cannot flood the comparison:
 * ingest asks the graph for this many per key, the bulk import takes a key's first holders in load order.
 */
export const PEOPLE_PER_BLOCK_KEY = 200;

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
