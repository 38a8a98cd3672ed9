/**
 * The text the drafter reads, as long as the report's own so that every character offset holds in both: a
 * stored page's leading "date YYYY-MM-DD" stands on a paragraph of its own, and words in capitals ("KISHIDA
 * Fumio", a headline in capitals) are written as names are, since CoreNLP's models read capitals as acronyms.
 * Short capitals (UN, NATO, COAS) stay as they are.
 */
export function textForReading(text: string): string {
  // The break takes the form the rest of the text gives its paragraphs: a blank line, or a line of its own.
  const blank = /\n[ \t]*\n/.test(text);
  const dated = text.replace(/^\s?date (\d{4}-\d{2}-\d{2})[ \t]{1,2}(?=\S)/, (m, day: string) =>
    `date ${day}${blank ? '\n\n' : '\n '}`.slice(0, m.length).padEnd(m.length, blank ? '\n' : ' '),
  );
  const capitals = dated.match(/\b\p{Lu}{5,}\b/gu)?.length ?? 0;
  const words = dated.match(/\b\p{L}+\b/gu)?.length ?? 1;
  // A text in capitals throughout is left to CoreNLP as it is: there is no mixed case to restore.
  if (capitals / words > 0.5) return dated;
  return dated.replace(/\b(\p{Lu})(\p{Lu}{4,})\b/gu, (_, first: string, rest: string) => first + rest.toLowerCase());
}
