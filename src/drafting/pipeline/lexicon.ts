import { readdirSync, readFileSync } from 'node:fs';
import { projectPath } from '../../project-root.js';

/**
 * The drafter's tables, as data in src/drafting/pipeline/rules/: titles, countries, event and statement triggers, topics.
 * Read once per process; code interprets them and holds no phrasing of its own.
 */

function table<T>(name: string): T {
  return JSON.parse(readFileSync(projectPath('src', 'drafting', 'pipeline', 'rules', `${name}.json`), 'utf8')) as T;
}

/** A rule's invented example sentences: what it must find, and what it must not. */
export interface Examples {
  pos: string[];
  neg: string[];
}

/**
 * Families of event rules are tried in this order, so a reception or a call is read as such before the looser
 * "met" rules; a family file not named here comes after them.
 */
const FAMILY_ORDER = ['receive', 'call', 'meet', 'multilateral'];

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
  examples: Examples;
}

export interface StatementRule {
  id: string;
  kind: string;
  pattern: string;
  note: string;
  examples: Examples;
}

export interface Lexicon {
  titles: string[];
  ranks: string[];
  plurals: string[];
  countries: { id: string; name: string; forms: string[] }[];
  events: EventRule[];
  notProposed: { id: string; reason: string; pattern: string; examples: Examples }[];
  context: { id: string; pattern: string; note: string; examples: Examples }[];
  formats: { id: string; pattern: string; format: string; examples: Examples }[];
  statements: StatementRule[];
  topics: { code: string; pattern: string }[];
}

const rank = (family: string) => (FAMILY_ORDER.includes(family) ? FAMILY_ORDER.indexOf(family) : FAMILY_ORDER.length);

let loaded: Lexicon | undefined;

export function lexicon(): Lexicon {
  if (!loaded) {
    const titles = table<{ titles: string[]; ranks: string[]; plurals: string[] }>('titles');
    const families = readdirSync(projectPath('src', 'drafting', 'pipeline', 'rules', 'events'))
      .map((file) => file.replace(/\.json$/, ''))
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    loaded = {
      titles: [...titles.titles].sort((a, b) => b.length - a.length),
      ranks: titles.ranks,
      plurals: [...titles.plurals].sort((a, b) => b.length - a.length),
      countries: table<{ countries: Lexicon['countries'] }>('countries').countries,
      events: families.flatMap((family) => table<{ rules: EventRule[] }>(`events/${family}`).rules),
      notProposed: table<{ rules: Lexicon['notProposed'] }>('not-proposed').rules,
      context: table<{ rules: Lexicon['context'] }>('visits').rules,
      formats: table<{ rules: Lexicon['formats'] }>('formats').rules,
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
