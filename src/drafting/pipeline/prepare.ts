/** Whether a text sets its paragraphs apart with blank lines (else each line is one). */
export const hasBlankLines = (text: string) => /\n[ \t]*\n/.test(text);

/** A letter with diacritics as its base letter, one character for one ("Çavuşoğlu" → "Cavusoglu"). */
const BASE_LETTERS: Record<string, string> = {
  ı: 'i',
  İ: 'I',
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  ß: 's',
  æ: 'a',
  Æ: 'A',
  œ: 'o',
  Œ: 'O',
  ə: 'a',
  Ə: 'A',
};

function baseLetter(letter: string): string {
  const base = letter.normalize('NFD').replace(/\p{M}/gu, '');
  return base.length === 1 && base !== letter ? base : (BASE_LETTERS[letter] ?? letter);
}

/**
 * The text CoreNLP reads, as long as the report's own so that every character offset holds in both: a stored page's
 * leading "date YYYY-MM-DD" stands on a paragraph of its own; words in capitals ("KISHIDA Fumio", a headline in
 * capitals) are written as names are, since CoreNLP's models read capitals as acronyms (short ones, UN, NATO, COAS,
 * stay); a line broken inside a sentence is joined; letters with diacritics are written as their base letters, which
 * its English models know ("Mevlüt Çavuşoğlu" is a PERSON only as "Mevlut Cavusoglu"). The drafter takes names from
 * the report's own text.
 */
export function textForReading(text: string): string {
  // The break takes the form the rest of the text gives its paragraphs: a blank line, or a line of its own.
  const blank = hasBlankLines(text);
  const dated = text.replace(/^\s?date (\d{4}-\d{2}-\d{2})[ \t]{1,2}(?=\S)/, (m, day: string) =>
    `date ${day}${blank ? '\n\n' : '\n '}`.slice(0, m.length).padEnd(m.length, blank ? '\n' : ' '),
  );
  const capitals = dated.match(/\b\p{Lu}{5,}\b/gu)?.length ?? 0;
  const words = dated.match(/\b\p{L}+\b/gu)?.length ?? 1;
  // A text in capitals throughout is left to CoreNLP as it is: there is no mixed case to restore.
  const cased =
    capitals / words > 0.5
      ? dated
      : dated.replace(/\b(\p{Lu})(\p{Lu}{4,})\b/gu, (_, first: string, rest: string) => first + rest.toLowerCase());
  // A line broken inside a sentence (the next line goes on in lower case) is one line: pages without blank lines
  // give a paragraph a line, and CoreNLP is told so.
  const joined = cased.replace(/([^.!?:;"”’)\s])[ \t]*\n(?=[ \t]*\p{Ll})/gu, (m, last: string) => last + ' '.repeat(m.length - 1));
  return joined.replace(/[^\p{ASCII}]/gu, baseLetter);
}
