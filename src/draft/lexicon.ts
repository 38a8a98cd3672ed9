import { readFileSync } from 'node:fs';
import { projectPath } from '../project-root.js';

/**
 * The drafter's tables, as data in src/draft/rules/: titles, countries, event and statement triggers, topics.
 * Read once per process; code interprets them and holds no phrasing of its own.
 */

function table<T>(name: string): T {
  return JSON.parse(readFileSync(projectPath('src', 'draft', 'rules', `${name}.json`), 'utf8')) as T;
}

export interface EventRule {
  id: string;
  family: string;
  pattern: string;
  format: string;
  roles: Record<string, string>;
  withContext?: 'A';
  everyone?: boolean;
  prior: number;
  note: string;
}

export interface StatementRule {
  id: string;
  kind: string;
  pattern: string;
  note: string;
}

export interface Lexicon {
  titles: string[];
  ranks: string[];
  plurals: string[];
  countries: { id: string; name: string; forms: string[] }[];
  events: EventRule[];
  notProposed: { id: string; reason: string; pattern: string }[];
  context: { id: string; pattern: string; note: string }[];
  formats: { id: string; pattern: string; format: string }[];
  statements: StatementRule[];
  topics: { code: string; pattern: string }[];
}

let loaded: Lexicon | undefined;

export function lexicon(): Lexicon {
  if (!loaded) {
    const titles = table<{ titles: string[]; ranks: string[]; plurals: string[] }>('titles');
    const events = table<Pick<Lexicon, 'notProposed' | 'context' | 'formats'> & { rules: EventRule[] }>('events');
    loaded = {
      titles: [...titles.titles].sort((a, b) => b.length - a.length),
      ranks: titles.ranks,
      plurals: [...titles.plurals].sort((a, b) => b.length - a.length),
      countries: table<{ countries: Lexicon['countries'] }>('countries').countries,
      events: events.rules,
      notProposed: events.notProposed,
      context: events.context,
      formats: events.formats,
      statements: table<{ rules: StatementRule[] }>('statements').rules,
      topics: table<{ topics: Lexicon['topics'] }>('topics').topics,
    };
  }
  return loaded;
}

/** A rule's pattern as a regular expression over a sentence whose mentions read @P<n>@. */
export function compilePattern(pattern: string): RegExp {
  const source = pattern
    .replaceAll('{A}', '(?<A>@P\\d+@)')
    .replaceAll('{B}', '(?<B>@P\\d+@)')
    .replaceAll('{X}', '(?<X>@P\\d+@)')
    .replaceAll('{GAP}', '[^@.;]{0,80}?');
  return new RegExp(source, 'iu');
}
