import type { Db } from '../db/run-query.js';
import { nameKey } from '../domain/names.js';
import { personNamedBy } from './current-person.js';
import type { PersonModel } from './models.js';
import { listPage, type Page } from './pagination.js';
import { project } from './projections.js';

/** Why a person matched a name, best first; the GraphQL enum MatchReason names the same. */
export type MatchReason = 'NAME' | 'ALIAS' | 'TRANSLITERATION' | 'PARTIAL';

export interface PersonMatchModel {
  person: PersonModel;
  reason: MatchReason;
  matched: string;
}

export const FIND_PERSON_BY_ID = `
WITH ${personNamedBy('$id')} AS p
WITH p WHERE p IS NOT NULL
RETURN ${project('Person', 'p')} AS person`;

/** The person an id names now: by current id, or by an id the person had before a merge or an alias link. */
export async function findPersonById(db: Db, id: string): Promise<PersonModel | null> {
  const [row] = await db.read(FIND_PERSON_BY_ID, { id });
  return (row?.person as PersonModel | undefined) ?? null;
}

/**
 * Whole words of the query, as name keys: the text index narrows on the first word (the caller puts the longest
 * first), then every word must be a word of the name or of an alias.
 */
export const SEARCH_PEOPLE_BY_NAME_KEY = `
MATCH (p:Person)
WHERE p.nameKeyText CONTAINS $words[0]
  AND all(w IN $words WHERE any(k IN p.nameKeys WHERE (' ' + k + ' ') CONTAINS (' ' + w + ' ')))
RETURN ${project('Person', 'p')} AS person
ORDER BY p.name
LIMIT toInteger($limit)`;

const RANK: Record<MatchReason, number> = { NAME: 0, ALIAS: 1, TRANSLITERATION: 2, PARTIAL: 3 };

function sameText(a: string, b: string): boolean {
  return a.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ') === b.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Says why a person matched a query, and which of the names matched. Pure; exported for unit tests. */
export function explainMatch(query: string, person: Pick<PersonModel, 'name' | 'aliases'>): { reason: MatchReason; matched: string } {
  if (sameText(query, person.name)) return { reason: 'NAME', matched: person.name };
  const alias = person.aliases.find((a) => sameText(query, a));
  if (alias) return { reason: 'ALIAS', matched: alias };
  const key = nameKey(query);
  const names = [person.name, ...person.aliases];
  const sameKey = names.find((n) => nameKey(n) === key);
  if (sameKey) return { reason: 'TRANSLITERATION', matched: sameKey };
  const words = key.split(' ');
  const partial = names.find((n) => words.every((w) => ` ${nameKey(n)} `.includes(` ${w} `)));
  return { reason: 'PARTIAL', matched: partial ?? person.name };
}

/** People whose name or alias contains every word of `name` after transliteration; best reasons first. */
export async function searchPeople(db: Db, name: string, first: number): Promise<PersonMatchModel[]> {
  // Longest first: the index narrows on it, and an initial such as "a" is in nearly every name (at 100k people,
  // narrowing on it scanned them all: 150 ms a search).
  const words = nameKey(name)
    .split(' ')
    .filter((w) => w.length > 0)
    .sort((a, b) => b.length - a.length);
  if (words.length === 0) return [];
  const rows = await db.read(SEARCH_PEOPLE_BY_NAME_KEY, { words, limit: first * 5 + 20 });
  return rows
    .map((row) => {
      const person = row.person as PersonModel;
      return { person, ...explainMatch(name, person) };
    })
    .sort((a, b) => RANK[a.reason] - RANK[b.reason] || a.person.name.localeCompare(b.person.name))
    .slice(0, first);
}

export interface PersonFilter {
  country?: string | null;
  organization?: string | null;
  post?: string | null;
}

/** People that pass the filter, by name, one page with the total. */
export function listPeople(db: Db, where: PersonFilter, first: number, after: string | null | undefined): Promise<Page<PersonModel>> {
  const conditions: string[] = [];
  if (where.country) conditions.push('EXISTS { (n)-[:CITIZEN_OF]->(:Country {id: $country}) }');
  if (where.post) conditions.push('EXISTS { (n)-[:HELD]->(:Tenure)-[:OF_POST]->(:Post {id: $post}) }');
  if (where.organization)
    conditions.push('EXISTS { (n)-[:HELD]->(:Tenure)-[:OF_POST]->(:Post)-[:IN_ORGANIZATION]->(:Organization {id: $organization}) }');
  return listPage<PersonModel>(
    db,
    {
      match: 'MATCH (n:Person)',
      conditions,
      params: { country: where.country, post: where.post, organization: where.organization },
      orderBy: 'n.name, n.id',
      projection: project('Person', 'n'),
    },
    first,
    after,
  );
}
