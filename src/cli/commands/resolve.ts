import { createInterface, type Interface } from 'node:readline/promises';
import type { Db } from '../../db/run-query.js';
import type { Verdict } from '../../domain/registry/index.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { MatchCandidateModel } from '../../repositories/models.js';
import type { Page } from '../../repositories/pagination.js';
import { listCandidates } from '../../repositories/resolution.repository.js';
import { applyConstraints } from '../../services/constraints.service.js';
import { judgeMatch } from '../../services/resolution.service.js';
import { defineCommand } from '../command.js';
import { log, withDb } from '../shared.js';

/** One candidate as a reviewer reads it: both people, the score and the reasons. */
function describeCandidate(c: MatchCandidateModel): string {
  const person = (p: MatchCandidateModel['a']) => `${p.name} (${p.id})${p.aliases.length > 0 ? `, also ${p.aliases.join(', ')}` : ''}`;
  return [`${c.score.toFixed(2)}  ${person(c.a)}`, `      ${person(c.b)}`, ...c.reasons.map((r) => `      - ${r}`)].join('\n');
}

const VERDICT_KEYS: Record<string, Verdict> = { s: 'SAME', d: 'DIFFERENT', u: 'UNSURE' };

async function openCandidates(db: Db): Promise<MatchCandidateModel[]> {
  const open: MatchCandidateModel[] = [];
  for (let after: string | null = null; ; ) {
    const page: Page<MatchCandidateModel> = await listCandidates(db, 'OPEN', 100, after);
    open.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return open;
    after = page.pageInfo.endCursor;
  }
}

/** SAME at or above the score given, else the reviewer's answer (none to skip); 'quit' ends the review. */
async function verdictOn(
  candidate: MatchCandidateModel,
  yesAbove: number | undefined,
  prompt: Interface | undefined,
): Promise<Verdict | 'quit' | undefined> {
  if (yesAbove !== undefined) {
    if (candidate.score < yesAbove) return undefined;
    process.stdout.write(`SAME (score at or above ${yesAbove})\n`);
    return 'SAME';
  }
  const answer = (await prompt!.question('[s]ame, [d]ifferent, [u]nsure, Enter to skip, [q]uit: ')).trim().toLowerCase();
  return answer === 'q' ? 'quit' : VERDICT_KEYS[answer];
}

/** Records the verdict; answers whether it was, or says why the pair was skipped. */
async function judge(db: Db, candidate: MatchCandidateModel, verdict: Verdict, by: string): Promise<boolean> {
  // An earlier SAME may have made the pair one person by now: a verdict on it then says so and is skipped.
  const person = await judgeMatch(db, { a: candidate.a.id, b: candidate.b.id, verdict, by, note: null }).catch((error: unknown) => {
    if (!(error instanceof AppError) || (error.code !== ErrorCode.NOT_FOUND && error.code !== ErrorCode.CONFLICT)) throw error;
    process.stdout.write(`skipped: ${error.message}\n`);
    return undefined;
  });
  return Boolean(person);
}

/** Shows each open candidate and, unless only listing, judges it; answers how many pairs were judged. */
async function review(db: Db, options: { yesAbove: number | undefined; by: string; list: boolean }): Promise<number> {
  const open = await openCandidates(db);
  process.stdout.write(`${open.length} open match candidate${open.length === 1 ? '' : 's'}\n`);
  const prompt = options.list ? undefined : createInterface({ input: process.stdin, output: process.stdout });
  let judged = 0;
  try {
    for (const candidate of open) {
      process.stdout.write(`\n${describeCandidate(candidate)}\n`);
      if (options.list) continue;
      const verdict = await verdictOn(candidate, options.yesAbove, prompt);
      if (verdict === 'quit') break;
      if (verdict && (await judge(db, candidate, verdict, options.by))) judged++;
    }
  } finally {
    prompt?.close();
  }
  return judged;
}

export const resolveCommand = defineCommand({
  name: 'resolve',
  summary: 'review open match candidates one by one: same, different, unsure, skip or quit',
  usage: `Usage: npm run resolve -- [--yes-above S] [--by NAME] [--list]

  Reviews the open match candidates one by one: [s]ame, [d]ifferent, [u]nsure, Enter to skip, [q]uit.

  --yes-above S judge SAME every pair scoring S (from 0 to 1) or more, without asking; skip the others
  --by NAME     who judges, as the judgements record it (default: $USER, else cli)
  --list        only print the open candidates`,
  options: { 'yes-above': { type: 'string' }, by: { type: 'string' }, list: { type: 'boolean', default: false } },
  async run({ values }) {
    const yesAbove = values['yes-above'] === undefined ? undefined : Number(values['yes-above']);
    if (yesAbove !== undefined && !(yesAbove >= 0 && yesAbove <= 1)) {
      log('--yes-above takes a score from 0 to 1');
      return 2;
    }
    const by = values.by ?? process.env.USER ?? 'cli';
    return withDb(async (db) => {
      await applyConstraints(db);
      const judged = await review(db, { yesAbove, by, list: values.list });
      log(`judged ${judged} pair${judged === 1 ? '' : 's'}`);
      return 0;
    });
  },
});
