import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { evaluateDrafts } from '../../drafting/draft-evaluation.service.js';
import { precision, recall } from '../../drafting/pipeline/evaluate.js';
import { projectPath } from '../../project-root.js';
import { applyConstraints } from '../../services/constraints.service.js';
import { defineCommand } from '../command.js';
import { log, withDb } from '../shared.js';

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

export const evalDraftCommand = defineCommand({
  name: 'eval-draft',
  summary: 'draft each DIR/*.txt and score it against the reviewed *.json beside it',
  usage: `Usage: npm run eval:draft -- DIR [--out FILE]

  Drafts each DIR/REPORT.txt (published as REPORT.meta.json says) and scores it against the reviewed REPORT.json
  beside it; prints precision and recall per report as a table.

  --out FILE where to write the scores as JSON (default: tests/artifacts/eval-draft.json)`,
  options: { out: { type: 'string' } },
  async run({ positionals: [dir], values }) {
    if (!dir) {
      log('eval-draft needs a DIR of REPORT.txt, REPORT.json and REPORT.meta.json');
      return 2;
    }
    return withDb(async (db) => {
      await applyConstraints(db);
      const evaluation = await evaluateDrafts(db, dir);
      process.stdout.write(`${scoreTable(evaluation).join('\n')}\n`);
      const file = values.out ?? projectPath('tests', 'artifacts', 'eval-draft.json');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(evaluation, null, 2)}\n`);
      log(`wrote ${file}`);
      return 0;
    });
  },
});
