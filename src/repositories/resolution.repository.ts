import type { Db, Tx } from '../db/run-query.js';
import { PEOPLE_PER_BLOCK_KEY } from '../domain/name-words.js';
import { barredTextCypher } from '../domain/names.js';
import { personNamedBy } from './current-person.js';
import type { JudgementModel, MatchCandidateModel, PersonProfileModel } from './models.js';
import { listPage, type Page } from './pagination.js';
import { project } from './projections.js';

/**
 * Match candidates and judgements. A candidate, (:MatchCandidate {id: 'a|b'}), is a pair of people that may be one,
 * with a score and reasons; a judgement, (:Judgement {id: 'a|b'}), is a person's verdict on a pair: SAME (merged),
 * DIFFERENT (never proposed again) or UNSURE. Judgements keep the ids they were given, so they can be applied
 * again to a graph rebuilt from documents.
 */

const PROFILE = (p: string) => `{
  id: ${p}.id, name: ${p}.name, aliases: coalesce(${p}.aliases, []),
  country: head(COLLECT { MATCH (${p})-[:CITIZEN_OF]->(c:Country) RETURN c.id }),
  posts: COLLECT { MATCH (${p})-[:HELD]->(:Tenure)-[:OF_POST]->(post:Post)
                   RETURN {post: post.id, organization: head(COLLECT { MATCH (post)-[:IN_ORGANIZATION]->(o) RETURN o.id })} }
}`;

export const FIND_PROFILES = `
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN ${PROFILE('p')} AS profile`;

/** Blocking: people sharing a name word's skeleton, at most `perKey` for each, so a common name cannot flood. */
export const FIND_NAMES_BY_BLOCK_KEYS = `
UNWIND $keys AS key
CALL (key) {
  MATCH (p:Person) WHERE p.blockKeyText CONTAINS '|' + key + '|'
  RETURN p LIMIT toInteger($perKey)
}
WITH DISTINCT p
RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, coalesce(p.blockKeys, []) AS blockKeys`;

export async function findProfiles(tx: Tx, ids: string[]): Promise<PersonProfileModel[]> {
  if (ids.length === 0) return [];
  return (await tx.run(FIND_PROFILES, { ids })).map((r) => r.profile as PersonProfileModel);
}

/** Ids and names of the people sharing a blocking key, the cheap first stage of finding candidates. */
export async function findNamesByBlockKeys(tx: Tx, keys: string[], perKey = PEOPLE_PER_BLOCK_KEY): Promise<BlockedPerson[]> {
  if (keys.length === 0) return [];
  return (await tx.run(FIND_NAMES_BY_BLOCK_KEYS, { keys, perKey })) as BlockedPerson[];
}

/** A person found by a blocking key: names and the keys the graph stored for them. */
export type BlockedPerson = Pick<PersonProfileModel, 'id' | 'name' | 'aliases'> & { blockKeys: string[] };

export const FIND_BLOCK_KEYS = `UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN coalesce(p.blockKeys, []) AS keys`;

export async function findBlockKeys(tx: Tx, ids: string[]): Promise<string[]> {
  const rows = await tx.run(FIND_BLOCK_KEYS, { ids });
  return [...new Set(rows.flatMap((r) => r.keys as string[]))];
}

/** Pairs (by current ids) that a judgement already settled, so they are not proposed again. */
export const FIND_JUDGED_KEYS = `
MATCH (j:Judgement)
RETURN [id IN [j.a, j.b] | coalesce(${personNamedBy('id')}.id, id)] AS pair`;

export async function findJudgedKeys(tx: Tx): Promise<Set<string>> {
  const rows = await tx.run(FIND_JUDGED_KEYS);
  return new Set(rows.map((r) => [...(r.pair as string[])].sort().join('|')));
}

/** Raises or refreshes candidates; a pair under review keeps its status. */
export const MERGE_CANDIDATES = `
UNWIND $rows AS row
MERGE (c:MatchCandidate {id: row.key})
SET c.a = row.a, c.b = row.b, c.score = row.score, c.reasons = row.reasons, c.status = coalesce(c.status, 'OPEN')`;

export async function mergeCandidates(
  tx: Tx,
  rows: { key: string; a: string; b: string; score: number; reasons: string[] }[],
): Promise<void> {
  if (rows.length > 0) await tx.run(MERGE_CANDIDATES, { rows });
}

const side = (field: 'a' | 'b') => `head(COLLECT { MATCH (x:Person {id: n.${field}}) RETURN ${project('Person', 'x')} })`;

/** Candidates with a status, best score first, a page at a time. */
export async function listCandidates(
  db: Db,
  status: string,
  first: number,
  after: string | null | undefined,
): Promise<Page<MatchCandidateModel>> {
  return listPage<MatchCandidateModel>(
    db,
    {
      match: 'MATCH (n:MatchCandidate)',
      conditions: ['n.status = $status', 'EXISTS { (:Person {id: n.a}) }', 'EXISTS { (:Person {id: n.b}) }'],
      orderBy: 'n.score DESC, n.id',
      projection: `n {.id, .score, .reasons, .status, a: ${side('a')}, b: ${side('b')}}`,
      params: { status },
    },
    first,
    after,
  );
}

export const MERGE_JUDGEMENT = `
MERGE (j:Judgement {id: $key})
SET j.a = $a, j.b = $b, j.verdict = $verdict, j.by = $by, j.at = $at, j.note = $note
WITH j
OPTIONAL MATCH (c:MatchCandidate {id: $currentKey})
SET c.status = $verdict
RETURN j {.a, .b, .verdict, .by, .at, .note} AS judgement`;

export async function mergeJudgement(tx: Tx, judgement: JudgementModel, currentKey: string): Promise<void> {
  const key = [judgement.a, judgement.b].sort().join('|');
  await tx.run(MERGE_JUDGEMENT, { ...judgement, key, currentKey });
}

export const READ_JUDGEMENTS = `MATCH (j:Judgement) RETURN j {.a, .b, .verdict, .by, .at, .note} AS judgement ORDER BY j.at, j.id`;

export async function readJudgements(db: Db): Promise<JudgementModel[]> {
  return (await db.read<{ judgement: JudgementModel }>(READ_JUDGEMENTS)).map((r) => r.judgement);
}

/** People written before block keys existed: their names, so the keys can be computed and stored. */
export const FIND_PEOPLE_WITHOUT_BLOCK_KEYS = `
MATCH (p:Person) WHERE p.blockKeyText IS NULL
RETURN p.id AS id, [p.name] + coalesce(p.aliases, []) AS names`;

export const SET_BLOCK_KEYS = `
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
SET p.blockKeys = row.keys, p.blockKeyText = ${barredTextCypher('row.keys')}`;
