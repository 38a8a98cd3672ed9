import type { Problem } from '../../domain/problem.js';

/** A verdict as a judgements file holds it, as far as the log's rules read it. */
interface LoggedVerdict {
  a: string;
  b: string;
  verdict: string;
  at: string;
}

/**
 * The judgements of a batch are one log across its files, read in `at` order: a pair may be judged again (UNSURE,
 * then DIFFERENT, then SAME: the judge changed their mind), but after a SAME only that SAME again, since the two
 * are one person from then on; two verdicts of one pair at one instant that disagree leave it without a latest
 * verdict; and no one is judged against themselves. Pairs are the two ids as written, in either order (verdicts
 * reaching one person through former ids are told apart when applied, against the graph). Lists every problem.
 */
export function checkJudgementLog(files: readonly { file: string; judgements: readonly LoggedVerdict[] }[]): Problem[] {
  const problems: Problem[] = [];
  const log = files
    .flatMap(({ file, judgements }) => judgements.map((judgement, index) => ({ file, index, judgement, at: Date.parse(judgement.at) })))
    .sort((x, y) => x.at - y.at);
  const where = (entry: { file: string; index: number }) => `${entry.file} /judgements/${entry.index}`;
  const pairs = new Map<string, { merged?: (typeof log)[number]; last: (typeof log)[number] }>();
  for (const entry of log) {
    const { file, index, judgement } = entry;
    if (judgement.a === judgement.b) {
      problems.push({
        file,
        path: `/judgements/${index}/b`,
        message: `names the same person as a ("${judgement.a}")`,
        expected: 'the ids of two people',
      });
      continue;
    }
    const key = [judgement.a, judgement.b].sort().join('|');
    const pair = pairs.get(key);
    if (pair?.merged && judgement.verdict !== 'SAME') {
      problems.push({
        file,
        path: `/judgements/${index}/verdict`,
        message: `is ${judgement.verdict}, after ${where(pair.merged)} judged the pair SAME: they are one person from then on`,
        expected: 'no verdict after a SAME on the same pair but that SAME again',
      });
      continue;
    }
    if (pair && pair.last.at === entry.at && pair.last.judgement.verdict !== judgement.verdict) {
      problems.push({
        file,
        path: `/judgements/${index}/at`,
        message: `is the instant ${where(pair.last)} judges the pair ${pair.last.judgement.verdict}, and this says ${judgement.verdict}`,
        expected: 'one verdict per pair at a time, so that the latest is known',
      });
      continue;
    }
    pairs.set(key, { merged: pair?.merged ?? (judgement.verdict === 'SAME' ? entry : undefined), last: entry });
  }
  return problems;
}
