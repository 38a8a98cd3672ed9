import type { Db, Tx } from '../db/run-query.js';
import { blockKeys } from '../domain/name-words.js';
import type { Problem } from '../domain/problem.js';
import { JUDGEMENT_LIMITS, type Verdict } from '../domain/registry/index.js';
import { AppError, ErrorCode } from '../errors.js';
import { forbiddenCharacterIn } from '../ingest/validation/shape.js';
import { TAKE_INGEST_LOCK } from '../repositories/ingest.repository.js';
import { findCurrentPersonId, movePerson } from '../repositories/merge.repository.js';
import type { JudgementModel, PersonModel, PersonProfileModel } from '../repositories/models.js';
import { findPersonById } from '../repositories/person.repository.js';
import {
  appendJudgement,
  FIND_PEOPLE_WITHOUT_BLOCK_KEYS,
  findBlockKeys,
  findJudgedKeys,
  findNamesByBlockKeys,
  findPairJudgements,
  findProfiles,
  mergeCandidates,
  SET_BLOCK_KEYS,
  settleCandidate,
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
 * Applies a verdict on the two people `pair` names (current ids, two people): the pair's candidate takes its
 * status, the verdict joins the log, and SAME merges `pair.b` into `pair.a`, its record keeping the score and
 * reasons of the candidate it settled. Answers the record, and whether the log lacked it.
 */
async function applyVerdict(
  tx: Tx,
  judgement: JudgementModel,
  pair: { a: string; b: string },
): Promise<{ record: JudgementModel; written: boolean }> {
  const candidate = await settleCandidate(tx, { ...judgement, ...pair });
  const record: JudgementModel =
    judgement.verdict === 'SAME' && candidate && judgement.score === undefined ? { ...judgement, ...candidate } : judgement;
  const written = await appendJudgement(tx, record);
  if (judgement.verdict === 'SAME') await movePerson(tx, pair.a, pair.b);
  return { record, written };
}

/** Why a verdict on two ids that name one person is refused: the SAME that joined them, by whom and when, if one did. */
function oneAlready(input: { a: string; b: string }, person: string, merge: JudgementModel | undefined): AppError {
  const joined = merge
    ? `already merged by ${merge.by} on ${merge.at} (SAME on "${merge.a}" and "${merge.b}")`
    : 'already one person, merged without a verdict';
  return new AppError(ErrorCode.CONFLICT, `"${input.a}" and "${input.b}" are ${joined}: both name "${person}"`, {
    argument: 'b',
    person,
  });
}

/**
 * A person's verdict on a pair, in one transaction under the ingest lock, so it never meets an ingest half way.
 * Either id may be one a person had before a merge: the verdict is on the people the ids name now, and is recorded
 * with their current ids (for SAME, `a` is the person kept). SAME merges `b` into `a`; DIFFERENT keeps the pair from
 * being proposed again; UNSURE records the doubt. Each verdict is a record of its own, and the pair's latest is its
 * verdict, so a verdict the pair has already (same judge, same note) answers that record and writes nothing.
 * Throws BAD_USER_INPUT when both ids are the same or the note is longer than a judgements file allows or holds a
 * character it refuses, NOT_FOUND naming the argument when an id names nobody, and CONFLICT for a verdict on two
 * ids that name one person now, saying who merged them and when, except that SAME then answers the SAME that
 * merged them.
 */
export async function judgeMatch(
  db: Db,
  input: { a: string; b: string; verdict: Verdict; by: string; note: string | null },
): Promise<JudgementModel & { person: PersonModel }> {
  if (input.a === input.b) throw new AppError(ErrorCode.BAD_USER_INPUT, 'a and b name the same person', { argument: 'b' });
  for (const field of ['note', 'by'] as const) {
    const length = input[field]?.length ?? 0;
    if (length > JUDGEMENT_LIMITS[field]) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `${field} is ${length} characters long, more than the ${JUDGEMENT_LIMITS[field]} allowed`,
        {
          argument: field,
        },
      );
    }
    const forbidden = forbiddenCharacterIn(input[field] ?? '');
    if (forbidden) throw new AppError(ErrorCode.BAD_USER_INPUT, `${field} ${forbidden}`, { argument: field });
  }
  const judgement = await db.writeTransaction(async (tx) => {
    await tx.run(TAKE_INGEST_LOCK);
    const a = await findCurrentPersonId(tx, input.a);
    if (!a) throw new AppError(ErrorCode.NOT_FOUND, `No person has the id "${input.a}"`, { argument: 'a' });
    const b = await findCurrentPersonId(tx, input.b);
    if (!b) throw new AppError(ErrorCode.NOT_FOUND, `No person has the id "${input.b}"`, { argument: 'b' });
    const history = await findPairJudgements(tx, a, b);
    if (a === b) {
      const merges = history.filter((j) => j.verdict === 'SAME');
      const merge = merges.find((j) => [j.a, j.b].sort().join('|') === [input.a, input.b].sort().join('|')) ?? merges[0];
      if (input.verdict === 'SAME' && merge) return merge;
      throw oneAlready(input, a, merge);
    }
    const latest = history[0];
    if (latest && latest.verdict === input.verdict && latest.by === input.by && latest.note === input.note) return latest;
    // The time is taken under the lock, so the log's order is the order verdicts were applied in.
    return (await applyVerdict(tx, { ...input, a, b, at: new Date().toISOString() }, { a, b })).record;
  });
  return { ...judgement, person: (await findPersonById(db, judgement.a))! };
}

/** Judgements files of a batch, each with its verdicts as read. */
export type JudgementFiles = readonly { file: string; judgements: readonly JudgementModel[] }[];

/**
 * Applies the verdicts of judgements files, in the caller's transaction, as one log in `at` order. Each record is
 * written as the file gives it, once: a file ingested again writes nothing. A verdict on two people applies as a
 * new one would (SAME merges); one older than the pair's latest in the graph is history, and a SAME then would
 * merge two people a later verdict keeps apart, so it is refused. A record naming one person now is what documents
 * exported after the merge give back: a SAME is recorded (with the candidate it carries), a DIFFERENT or UNSURE
 * is history when a later SAME, in the graph or the files, joined the two, and is refused otherwise. Answers the
 * problems (paths into the files), how many records were written, and the pairs (current ids) a verdict settled.
 */
export async function replayJudgements(
  tx: Tx,
  files: JudgementFiles,
): Promise<{ problems: Problem[]; written: number; settled: Set<string> }> {
  const problems: Problem[] = [];
  const settled = new Set<string>();
  let written = 0;
  const log = files
    .flatMap(({ file, judgements }) => judgements.map((judgement, index) => ({ file, index, judgement })))
    .sort((x, y) => Date.parse(x.judgement.at) - Date.parse(y.judgement.at));
  const laterThanOneAlready: typeof log = [];
  for (const entry of log) {
    const { file, index, judgement } = entry;
    const a = await findCurrentPersonId(tx, judgement.a);
    const b = a && (await findCurrentPersonId(tx, judgement.b));
    if (!a || !b) {
      const side = a ? 'b' : 'a';
      problems.push({
        file,
        path: `/judgements/${index}/${side}`,
        message: `names "${judgement[side]}", which is no person`,
        expected: 'the id of a person in the graph or in these documents',
      });
      continue;
    }
    if (a === b) {
      if (judgement.verdict !== 'SAME') laterThanOneAlready.push(entry);
      else {
        if (await appendJudgement(tx, judgement)) written++;
        if (judgement.score !== undefined) await settleCandidate(tx, judgement);
      }
      continue;
    }
    const [latest] = await findPairJudgements(tx, a, b);
    if (latest && Date.parse(latest.at) > Date.parse(judgement.at)) {
      if (judgement.verdict === 'SAME') {
        problems.push({
          file,
          path: `/judgements/${index}/verdict`,
          message: `is SAME, but the graph judged the pair ${latest.verdict} later (${latest.by}, ${latest.at})`,
          expected: 'a SAME later than the pair’s latest verdict in the graph',
        });
      } else if (await appendJudgement(tx, judgement)) written++;
      continue;
    }
    if ((await applyVerdict(tx, judgement, { a, b })).written) written++;
    settled.add([a, b].sort().join('|'));
  }
  for (const { file, index, judgement } of laterThanOneAlready) {
    const person = (await findCurrentPersonId(tx, judgement.a))!;
    const merge = (await findPairJudgements(tx, person, person)).find(
      (j) => j.verdict === 'SAME' && Date.parse(j.at) > Date.parse(judgement.at),
    );
    if (merge) {
      if (await appendJudgement(tx, judgement)) written++;
    } else {
      problems.push({
        file,
        path: `/judgements/${index}/verdict`,
        message:
          `is ${judgement.verdict}, but "${judgement.a}" and "${judgement.b}" name one person now, "${person}", ` +
          'and no later SAME joined them',
        expected: 'a verdict on two people, or one older than the SAME that merged them',
      });
    }
  }
  return { problems, written, settled };
}

/** Stores blocking keys for people written before they existed; after one start it finds nobody. */
export async function backfillBlockKeys(db: Db): Promise<void> {
  const rows = await db.read<{ id: string; names: string[] }>(FIND_PEOPLE_WITHOUT_BLOCK_KEYS);
  if (rows.length > 0) await db.write(SET_BLOCK_KEYS, { rows: rows.map((r) => ({ id: r.id, keys: blockKeys(r.names) })) });
}
