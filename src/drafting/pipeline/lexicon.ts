import { readFileSync } from 'node:fs';
import { projectPath } from '../../project-root.js';

/**
 * A rule file of the drafter, from its one place in the sources (src/drafting/pipeline/rules/, which the production
 * image copies): the drafter's tables are data, read once per process by the stage that uses them.
 */
export function readRules<T>(file: string): T {
  return JSON.parse(readFileSync(projectPath('src', 'drafting', 'pipeline', 'rules', file), 'utf8')) as T;
}

/**
 * The drafter's word tables that read a sentence's words rather than its parse: formats of the meeting under way
 * ("in an expanded format") and topics.
 */
export interface Lexicon {
  formats: { id: string; pattern: string; format: string; examples: { pos: string[]; neg: string[] } }[];
  topics: { code: string; pattern: string }[];
}

let loaded: Lexicon | undefined;

export function lexicon(): Lexicon {
  loaded ??= {
    formats: readRules<{ rules: Lexicon['formats'] }>('formats.json').rules,
    topics: readRules<{ topics: Lexicon['topics'] }>('topics.json').topics,
  };
  return loaded;
}
