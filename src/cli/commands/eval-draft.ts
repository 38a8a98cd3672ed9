import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { evaluateDrafts } from '../../drafting/draft-evaluation.service.js';
import { evaluateAgainstKeys, type KeyEvaluation, type KeySet, readReportKeys } from '../../drafting/key-evaluation.service.js';
import { precision, recall } from '../../drafting/pipeline/evaluate.js';
import { type KeyScores, pairPrecision, pairRecall } from '../../drafting/pipeline/score-key.js';
import { nlpServer } from '../../nlp/nlp-server.js';
import { projectPath } from '../../project-root.js';
import { applyConstraints } from '../../services/constraints.service.js';
import { defineCommand } from '../command.js';
import { log, logProblems, withDb } from '../shared.js';

type Evaluation = Awaited<ReturnType<typeof evaluateDrafts>>;

/** The scores as a Markdown table: one row per report, then all of them together. */
function scoreTable({ reports, total }: Evaluation): string[] {
  const pr = (s: { truePositives: number; proposed: number; expected: number }) => `${precision(s).toFixed(2)} / ${recall(s).toFixed(2)}`;
  const rows = [
    ...reports.map((r) => ({ name: r.report, words: r.words, ms: r.ms, s: r.scores })),
    { name: 'all', words: 0, ms: 0, s: total },
  ];
  return [
    '| report | pairs P / R | meetings P / R | people P / R | dates exact | posts exact | mentioned as participant | ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${pr(r.s.pairs)} | ${pr(r.s.meetings)} | ${pr(r.s.people)} | ${r.s.dates.exact}/${r.s.dates.total} | ` +
        `${r.s.posts.exact}/${r.s.posts.total} | ${r.s.mentionedAsParticipants} | ${r.name === 'all' ? '' : r.ms.toFixed(0)} |`,
    ),
  ];
}

/** One row of the keyed table: the counts behind each figure, so a reader sees what a ratio rests on. */
function keyRow(name: string, s: KeyScores, ms: string): string {
  const { pairs, people, meetings, dates, places, formats } = s;
  return (
    `| ${name} | ${pairs.truePositives} / ${pairs.falsePositives} / ${pairs.falseNegatives} (${pairs.neutral}) | ` +
    `${pairPrecision(pairs).toFixed(2)} / ${pairRecall(pairs).toFixed(2)} | ${people.linked}/${people.expected} (${people.split}) | ` +
    `${people.unkeyed} | ${meetings.matched}/${meetings.drafted} (${meetings.notHeld}) | ${dates.exact} / ${dates.invented} | ` +
    `${places.invented} | ${formats.agree}/${meetings.matched} | ${s.mentionedAsParticipants} | ${ms} |`
  );
}

/** The keyed scores as a Markdown table: each dev report, the dev total, held-out reports only when shown, the held-out total. */
function keyTable(evaluation: KeyEvaluation, show: boolean): string[] {
  const rows = (set: KeySet) => [
    ...evaluation.reports
      .filter((r) => r.set === set)
      .map((r) => keyRow(r.refused ? `${r.id} (refused)` : r.id, r.scores, r.ms.toFixed(0))),
  ];
  const total = (set: KeySet) => keyRow(`**${set}** (${evaluation.totals[set].reports})`, evaluation.totals[set].scores, '');
  return [
    '| report | pairs TP / FP / FN (secondary) | pairs P / R | people linked (split) | people not in key | meetings matched (not held) | ' +
      'dates exact / invented | places invented | format agrees | mentioned as participant | ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows('dev'),
    total('dev'),
    ...(show ? rows('held-out') : []),
    total('held-out'),
  ];
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  log(`wrote ${file}`);
}

/** Drafts and scores the keyed reports; held-out reports stay out of the output unless shown. */
async function evaluateKeys(keyDir: string, textsDir: string, show: boolean, out: string | undefined): Promise<number> {
  const { keys, problems } = readReportKeys(keyDir);
  if (problems.length > 0) {
    logProblems(`${problems.length} problem(s) in the keys; nothing was drafted:`, problems);
    return 1;
  }
  return withDb(async (db) => {
    await applyConstraints(db);
    const evaluation = await evaluateAgainstKeys(db, nlpServer(log), keys, textsDir);
    const lines = keyTable(evaluation, show);
    const skipped = evaluation.skipped.map((s) => s.id);
    if (skipped.length > 0) lines.push('', `skipped, no text in ${textsDir}: ${skipped.join(', ')}`);
    for (const r of evaluation.reports.filter((r) => r.refused && (show || r.set === 'dev'))) lines.push(`${r.id}: ${r.refused}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    writeJson(out ?? projectPath('tests', 'artifacts', 'eval-draft-keys.json'), {
      ...evaluation,
      reports: evaluation.reports.filter((r) => show || r.set === 'dev'),
    });
    return 0;
  });
}

export const evalDraftCommand = defineCommand({
  name: 'eval-draft',
  summary: 'draft each report and score it: against the reviewed *.json beside it, or against the key of a real report',
  usage: `Usage: npm run eval:draft -- DIR [--out FILE]
       npm run eval:draft -- --key DIR --texts DIR [--show] [--out FILE]

  Drafts each DIR/REPORT.txt (published as REPORT.meta.json says) and scores it against the reviewed REPORT.json
  beside it; prints precision and recall per report as a table.

  With --key, drafts the text TEXTS/ID.txt of each key DIR/**/ID.json as the API does and scores it against the
  key: pairs, people linking, invented dates and places, formats, mentioned people made participants. Prints a
  row per report of dev/, only the total of held-out/, and lists the keys without a text (skipped).

  --key DIR   a folder of report keys (tests/fixtures/real-reports), held-out ones under a folder named held-out
  --texts DIR the folder of the reports' texts, ID.txt each, outside the repository
  --show      also print and write each held-out report's row
  --out FILE  where to write the scores as JSON (default: tests/artifacts/eval-draft.json, with --key
              tests/artifacts/eval-draft-keys.json)`,
  options: { out: { type: 'string' }, key: { type: 'string' }, texts: { type: 'string' }, show: { type: 'boolean' } },
  async run({ positionals: [dir], values }) {
    if (values.key !== undefined || values.texts !== undefined) {
      if (!values.key || !values.texts || dir) {
        log('eval-draft --key needs both --key DIR and --texts DIR, and no other DIR');
        return 2;
      }
      return evaluateKeys(values.key, values.texts, values.show ?? false, values.out);
    }
    if (!dir) {
      log('eval-draft needs a DIR of REPORT.txt, REPORT.json and REPORT.meta.json, or --key DIR --texts DIR');
      return 2;
    }
    return withDb(async (db) => {
      await applyConstraints(db);
      const evaluation = await evaluateDrafts(db, nlpServer(log), dir);
      process.stdout.write(`${scoreTable(evaluation).join('\n')}\n`);
      writeJson(values.out ?? projectPath('tests', 'artifacts', 'eval-draft.json'), evaluation);
      return 0;
    });
  },
});
