import { createRequire } from 'node:module';

/**
 * The drafter's word tables that read a sentence's words rather than its parse: formats of the meeting under way
 * ("in an expanded format") and topics. Data in rules/, read once per process.
 */
export interface Lexicon {
  formats: { id: string; pattern: string; format: string; examples: { pos: string[]; neg: string[] } }[];
  topics: { code: string; pattern: string }[];
}

let loaded: Lexicon | undefined;

export function lexicon(): Lexicon {
  if (!loaded) {
    const load = createRequire(import.meta.url);
    loaded = {
      formats: (load('./rules/formats.json') as { rules: Lexicon['formats'] }).rules,
      topics: (load('./rules/topics.json') as { topics: Lexicon['topics'] }).topics,
    };
  }
  return loaded;
}
