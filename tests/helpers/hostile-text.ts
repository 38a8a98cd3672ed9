/**
 * A name-like word for a number whose blocking key (its consonants) is its own: consonants from two alphabets in
 * turn, so that no two neighbours fold into one, each after a vowel. "Kam", "Kan", …, "Kamab", …
 */
export function nameLikeWord(n: number, first = 'K'): string {
  const alphabets = ['mnprstvz', 'bdfgjl'];
  let letters = '';
  let rest = n;
  for (let p = 0; p === 0 || rest > 0; p++) {
    const alphabet = alphabets[p % 2]!;
    letters += `a${alphabet[rest % alphabet.length]}`;
    rest = Math.floor(rest / alphabet.length);
  }
  return first + letters;
}

const person = (i: number) => `${nameLikeWord(i)}ovich ${nameLikeWord(i, 'B')}enko`;

/**
 * Report texts made to stall a drafter whose passes are quadratic, each of `n` repetitions: the first five are
 * the ones sent to the API to stall it, the others reach the remaining lookups of earlier people.
 */
export const HOSTILE_TEXTS = {
  'one title repeated': (n: number) => 'Defence Minister '.repeat(n),
  'an abbreviated rank repeated': (n: number) => 'Gen. X '.repeat(n),
  'initials alone': (n: number) => 'B. '.repeat(n),
  'titled sentences, two new people each': (n: number) =>
    Array.from({ length: n }, (_, i) => `Defence Minister ${person(i)} met Foreign Minister ${person(i + n)}.`).join(' '),
  'a paired list of names': (n: number) => `The defence ministers ${Array.from({ length: n }, (_, i) => person(i)).join(', ')} met.`,
  'people sharing a surname, then that surname alone': (n: number) =>
    `${Array.from({ length: n }, (_, i) => `Minister ${nameLikeWord(i)} Aliyev spoke.`).join(' ')} ${'Aliyev agreed. '.repeat(n)}`,
  'many generals, then "the general"': (n: number) =>
    `${Array.from({ length: n }, (_, i) => `General ${person(i)} arrived.`).join(' ')} ${'The general spoke. '.repeat(n)}`,
  'names the graph knows, written without a title': (n: number) => 'Zakir Hasanov and Karim Valiyev talked. '.repeat(n),
} as const;
