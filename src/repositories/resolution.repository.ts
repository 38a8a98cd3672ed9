import type { Db, Tx } from '../db/run-query.js';
import { PEOPLE_PER_BLOCK_KEY } from '../domain/name-words.js';
import { barredTextCypher } from '../domain/names.js';
import { personNamedBy } from './current-person.js';
import type { JudgementModel, MatchCandidateModel, PersonProfileModel } from './models.js';
import { listPage, type Page } from './pagination.js';
import { project } from './projections.js';

/**
 * Match candidates and judgements. A candidate, (:MatchCandidate {id: 'a|b'}), is a pair of people that may be one,
 * with a score and reasons; it outlives a SAME, with its status, so the pairs judged one person can be reviewed. A
 * judgement, (:Judgement), is one verdict on a pair, who gave it, when and why: SAME (merged), DIFFERENT (never
 * proposed again) or UNSURE. Judgements are a log, never rewritten: a pair judged again gets a record more, and its
 * latest is its verdict. A record keeps the ids it names, so it can be applied again to a graph rebuilt from
 * documents.
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

/** A side of a candidate as the person its id names now: for a SAME, both sides are the person kept. */
const side = (field: 'a' | 'b') =>
  `head(COLLECT { WITH ${personNamedBy(`n.${field}`)} AS x WHERE x IS NOT NULL RETURN ${project('Person', 'x')} })`;

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
      conditions: ['n.status = $status', `${personNamedBy('n.a')} IS NOT NULL`, `${personNamedBy('n.b')} IS NOT NULL`],
      orderBy: 'n.score DESC, n.id',
      projection: `n {.id, .score, .reasons, .status, a: ${side('a')}, b: ${side('b')}}`,
      params: { status },
    },
    first,
    after,
  );
}

/** A judgement's id is the record itself, so that a record applied twice (a file ingested again) is written once. */
const JUDGEMENT_KEY = (value: (field: string) => string) => ['a', 'b', 'verdict', 'at', 'by'].map(value).join(" + '|' + ");
const KEY_OF_NODE = JUDGEMENT_KEY((field) => `j.${field}`);
const KEY_OF_PARAMS = JUDGEMENT_KEY((field) => `$${field}`);

/** Judgements of graphs that kept one per pair, under the pair's key, get the key of their record; after one start, none. */
export const REKEY_JUDGEMENTS = `MATCH (j:Judgement) WHERE j.id <> ${KEY_OF_NODE} SET j.id = ${KEY_OF_NODE}`;

export const APPEND_JUDGEMENT = `
OPTIONAL MATCH (held:Judgement {id: ${KEY_OF_PARAMS}})
MERGE (j:Judgement {id: ${KEY_OF_PARAMS}})
ON CREATE SET j.a = $a, j.b = $b, j.verdict = $verdict, j.by = $by, j.at = $at, j.note = $note, j.score = $score, j.reasons = $reasons
RETURN held IS NULL AS written`;

/** Adds a verdict to the log; answers false when the log holds this very record already. */
export async function appendJudgement(tx: Tx, judgement: JudgementModel): Promise<boolean> {
  const [row] = await tx.run(APPEND_JUDGEMENT, { score: null, reasons: null, ...judgement });
  return row!.written as boolean;
}

/**
 * The candidate of a pair takes the status of the verdict on it, and a SAME names in `a` the person kept. A SAME
 * that carries the score of the candidate it settled brings that candidate back when the graph lacks it (a graph
 * rebuilt from documents that already hold the merge). Answers the candidate's score and reasons, if there is one.
 */
export const SETTLE_CANDIDATE = `
OPTIONAL MATCH (held:MatchCandidate {id: $key})
WITH held WHERE held IS NOT NULL OR ($verdict = 'SAME' AND $score IS NOT NULL)
MERGE (c:MatchCandidate {id: $key})
ON CREATE SET c.score = $score, c.reasons = $reasons
SET c.status = $verdict
FOREACH (kept IN CASE WHEN $verdict = 'SAME' THEN [$a] ELSE [] END | SET c.a = kept, c.b = $b)
RETURN c.score AS score, c.reasons AS reasons`;

export async function settleCandidate(
  tx: Tx,
  judgement: Pick<JudgementModel, 'a' | 'b' | 'verdict' | 'score' | 'reasons'>,
): Promise<{ score: number; reasons: string[] } | null> {
  const key = [judgement.a, judgement.b].sort().join('|');
  const [row] = await tx.run(SETTLE_CANDIDATE, { score: null, reasons: null, ...judgement, key });
  return row ? { score: row.score as number, reasons: row.reasons as string[] } : null;
}

/**
 * Every verdict on the pair two people are now, latest first: records naming each person by any id it had (its
 * own and its former ids), found through the index on a record's first id, since a pair key stored with a record
 * would go stale with the next merge. For one person (a == b), the verdicts among the ids it holds.
 */
export const FIND_PAIR_JUDGEMENTS = `
MATCH (pa:Person {id: $a}), (pb:Person {id: $b})
WITH [pa.id] + coalesce(pa.otherIds, []) AS idsA, [pb.id] + coalesce(pb.otherIds, []) AS idsB
CALL (idsA, idsB) {
  UNWIND idsA AS first MATCH (j:Judgement {a: first}) WHERE j.b IN idsB RETURN j
  UNION
  UNWIND idsB AS first MATCH (j:Judgement {a: first}) WHERE j.b IN idsA RETURN j
}
RETURN ${judgementOf('j')} AS judgement
ORDER BY j.at DESC, j.id DESC`;

export async function findPairJudgements(tx: Tx, a: string, b: string): Promise<JudgementModel[]> {
  return (await tx.run(FIND_PAIR_JUDGEMENTS, { a, b })).map((r) => withoutNulls(r.judgement as JudgementModel));
}

export const READ_JUDGEMENTS = `MATCH (j:Judgement) RETURN ${judgementOf('j')} AS judgement ORDER BY j.at, j.id`;

/** The log in `at` order, each record as a judgements file holds it. */
export async function readJudgements(db: Db): Promise<JudgementModel[]> {
  return (await db.read<{ judgement: JudgementModel }>(READ_JUDGEMENTS)).map((r) => withoutNulls(r.judgement));
}

function judgementOf(j: string): string {
  return `${j} {.a, .b, .verdict, .by, .at, .note, .score, .reasons}`;
}

/** A record without the score and reasons it does not carry (a note is kept, null or not, as files always held it). */
function withoutNulls(judgement: JudgementModel): JudgementModel {
  const { score, reasons, ...rest } = judgement;
  return score === null || score === undefined ? rest : { ...rest, score, reasons: reasons ?? [] };
}

/** People written before block keys existed: their names, so the keys can be computed and stored. */
export const FIND_PEOPLE_WITHOUT_BLOCK_KEYS = `
MATCH (p:Person) WHERE p.blockKeyText IS NULL
RETURN p.id AS id, [p.name] + coalesce(p.aliases, []) AS names`;

export const SET_BLOCK_KEYS = `
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
SET p.blockKeys = row.keys, p.blockKeyText = ${barredTextCypher('row.keys')}`;
