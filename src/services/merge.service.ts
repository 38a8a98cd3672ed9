import type { Db } from '../db/run-query.js';
import { AppError, ErrorCode } from '../errors.js';
import { TAKE_INGEST_LOCK } from '../repositories/ingest.repository.js';
import { findCurrentPersonId, movePerson } from '../repositories/merge.repository.js';
import type { PersonModel } from '../repositories/models.js';
import { findPersonById } from '../repositories/person.repository.js';
import { findPairJudgements } from '../repositories/resolution.repository.js';

/**
 * Merges person `merge` into person `keep` in one transaction, under the lock ingests take, so an ingest naming
 * either id never runs half before and half after the merge. Either id may be one the person had before an
 * earlier merge. Merging two ids that already name one person changes nothing and answers that person.
 * Throws BAD_USER_INPUT when both arguments are the same id, NOT_FOUND when either names no person, and CONFLICT
 * when the pair's latest verdict is DIFFERENT: a merge would contradict it (a SAME verdict supersedes it).
 */
export async function mergePeople(db: Db, keep: string, merge: string): Promise<PersonModel> {
  if (keep === merge) throw new AppError(ErrorCode.BAD_USER_INPUT, 'keep and merge name the same person', { argument: 'merge' });
  const keptId = await db.writeTransaction(async (tx) => {
    await tx.run(TAKE_INGEST_LOCK);
    const [keepId, mergeId] = [await findCurrentPersonId(tx, keep), await findCurrentPersonId(tx, merge)];
    for (const [found, id, argument] of [
      [keepId, keep, 'keep'],
      [mergeId, merge, 'merge'],
    ] as const) {
      if (!found) throw new AppError(ErrorCode.NOT_FOUND, `No person has the id "${id}"`, { argument });
    }
    if (keepId === mergeId) return keepId!;
    const [latest] = await findPairJudgements(tx, keepId!, mergeId!);
    if (latest?.verdict === 'DIFFERENT') {
      throw new AppError(
        ErrorCode.CONFLICT,
        `"${keep}" and "${merge}" were judged DIFFERENT by ${latest.by} on ${latest.at}; judge them SAME (judgeMatch) to merge them`,
        { argument: 'merge' },
      );
    }
    await movePerson(tx, keepId!, mergeId!);
    return keepId!;
  });
  return (await findPersonById(db, keptId))!;
}
