import type { Db, Tx } from '../db/run-query.js';
import { blockKeys } from '../domain/name-words.js';
import type { Verdict } from '../domain/registry/index.js';
import { AppError, ErrorCode } from '../errors.js';
import { TAKE_INGEST_LOCK } from '../repositories/ingest.repository.js';
import { findCurrentPersonId, movePerson } from '../repositories/merge.repository.js';
import type { JudgementModel, PersonModel, PersonProfileModel } from '../repositories/models.js';
import { findPersonById } from '../repositories/person.repository.js';
import {
  FIND_PEOPLE_WITHOUT_BLOCK_KEYS,
  findBlockKeys,
  findJudgedKeys,
  findNamesByBlockKeys,
  findProfiles,
  mergeCandidates,
  mergeJudgement,
  SET_BLOCK_KEYS,
} from '../repositories/resolution.repository.js';
import { blockPartners, type Candidate, type Named, pairsAmong, proposeAmong, proposeCandidates } from '../resolution/candidates.js';
import { namesMayMatch } from '../resolution/score.js';

/**
 * Compares the people an ingest created with the people they might be (the graph's, found by blocking keys, and
 * each other) and records every pair worth a look as an open candidate. Nothing is merged on a guess. Runs in the
 * ingest's transaction, after the write, so profiles include what the batch said of posts and countries.
 */
export async function raiseCandidates(tx: Tx, newcomerIds: string[]): Promise<Candidate[]> {
  if (newcomerIds.length === 0) return [];
  const newcomers = await findProfiles(tx, newcomerIds);
  // Names first, on everyone the blocking keys found; countries and posts only for those whose names could match.
  const named = await findNamesByBlockKeys(tx, await findBlockKeys(tx, newcomerIds));
  // Newcomers found this way are profiled already.
  const byId = new Map(newcomers.map((p) => [p.id, p]));
  const worthProfiling = new Set<string>();
  for (const [id, partners] of blockPartners(newcomers, named)) {
    for (const other of partners) {
      if (!byId.has(other.id) && !worthProfiling.has(other.id) && namesMayMatch(byId.get(id)!, other)) worthProfiling.add(other.id);
    }
  }
  const neighbours = await findProfiles(tx, [...worthProfiling]);
  const candidates = proposeCandidates(newcomers, neighbours, await findJudgedKeys(tx));
  await mergeCandidates(tx, candidates);
  return candidates;
}

/** People per statement when a first load reads profiles and writes candidates. */
const FIRST_LOAD_SLICE = 5_000;

/**
 * Candidates among people a first load brought in all at once: blocked in memory from the names the load wrote
 * (no statement per blocking key), each pair compared once, where raising them as one ingest's newcomers would
 * compare each pair from both sides; countries and posts read only for people in a pair whose names could match.
 */
export async function raiseCandidatesAmong(db: Db, people: readonly Named[]): Promise<number> {
  const pairs = pairsAmong(people);
  const ids = [...new Set(pairs.flatMap(([a, b]) => [a.id, b.id]))];
  const profiles = new Map<string, PersonProfileModel>();
  for (let i = 0; i < ids.length; i += FIRST_LOAD_SLICE) {
    const slice = ids.slice(i, i + FIRST_LOAD_SLICE);
    for (const profile of await db.writeTransaction((tx) => findProfiles(tx, slice))) profiles.set(profile.id, profile);
  }
  const judged = await db.writeTransaction(findJudgedKeys);
  const candidates = proposeAmong(
    pairs.map(([a, b]) => [profiles.get(a.id)!, profiles.get(b.id)!]),
    judged,
  );
  for (let i = 0; i < candidates.length; i += FIRST_LOAD_SLICE) {
    await db.writeTransaction((tx) => mergeCandidates(tx, candidates.slice(i, i + FIRST_LOAD_SLICE)));
  }
  return candidates.length;
}

/**
 * Records a verdict on two people in the caller's transaction: SAME merges `b` into `a` (former ids keep
 * resolving), DIFFERENT keeps the pair from being proposed again, UNSURE records the doubt. Either id may be one a
 * person had before a merge. Answers the ids the verdict resolved to, or names the id that resolves to nobody.
 */
export async function applyJudgement(tx: Tx, judgement: JudgementModel): Promise<{ a: string; b: string } | { missing: 'a' | 'b' }> {
  const a = await findCurrentPersonId(tx, judgement.a);
  if (!a) return { missing: 'a' };
  const b = await findCurrentPersonId(tx, judgement.b);
  if (!b) return { missing: 'b' };
  await mergeJudgement(tx, judgement, [a, b].sort().join('|'));
  if (judgement.verdict === 'SAME' && a !== b) await movePerson(tx, a, b);
  return { a, b };
}

/**
 * A person's verdict on a pair, in one transaction under the ingest lock, so it never meets an ingest half way.
 * Throws NOT_FOUND naming the argument when an id resolves to nobody, BAD_USER_INPUT when both ids are the same.
 */
export async function judgeMatch(
  db: Db,
  input: { a: string; b: string; verdict: Verdict; by: string; note: string | null },
): Promise<JudgementModel & { person: PersonModel }> {
  if (input.a === input.b) throw new AppError(ErrorCode.BAD_USER_INPUT, 'a and b name the same person', { argument: 'b' });
  const judgement: JudgementModel = { ...input, at: new Date().toISOString() };
  const kept = await db.writeTransaction(async (tx) => {
    await tx.run(TAKE_INGEST_LOCK);
    const applied = await applyJudgement(tx, judgement);
    if ('missing' in applied) {
      throw new AppError(ErrorCode.NOT_FOUND, `No person has the id "${input[applied.missing]}"`, { argument: applied.missing });
    }
    return applied.a;
  });
  return { ...judgement, person: (await findPersonById(db, kept))! };
}

/** Stores blocking keys for people written before they existed; after one start it finds nobody. */
export async function backfillBlockKeys(db: Db): Promise<void> {
  const rows = await db.read<{ id: string; names: string[] }>(FIND_PEOPLE_WITHOUT_BLOCK_KEYS);
  if (rows.length > 0) await db.write(SET_BLOCK_KEYS, { rows: rows.map((r) => ({ id: r.id, keys: blockKeys(r.names) })) });
}
