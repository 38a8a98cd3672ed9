import { readFileSync, writeFileSync } from 'node:fs';
import { draftFromText } from '../../drafting/draft.service.js';
import { AppError, ErrorCode } from '../../errors.js';
import { defineCommand } from '../command.js';
import { log, logProblems, withDb } from '../shared.js';

export const draftCommand = defineCommand({
  name: 'draft',
  summary: "propose a source document from a report's text, for review before ingest; print the problems validation finds in it",
  usage: `Usage: npm run draft -- REPORT.txt [--published YYYY-MM-DD] [--publisher NAME] [--url URL] [--out FILE]

  Proposes a source document from a report's text, with the graph's people it names, for review before ingest;
  prints the problems validation finds in it.

  --published YYYY-MM-DD when the report was published
  --publisher NAME       who published it (default: Unknown publisher)
  --url URL              where it was published
  --out FILE             write the document to FILE (default: standard output)`,
  options: { published: { type: 'string' }, publisher: { type: 'string' }, url: { type: 'string' }, out: { type: 'string' } },
  async run({ positionals: [file], values: options }) {
    if (!file) {
      log('draft needs a REPORT file');
      return 2;
    }
    const text = readFileSync(file, 'utf8');
    return withDb(async (db) => {
      const drafted = await draftFromText(db, text, {
        published: options.published ?? null,
        publisher: options.publisher ?? 'Unknown publisher',
        url: options.url ?? null,
      }).catch((error: unknown) => {
        // A date the calendar lacks, a text past the limits, a draft past its time: said as the API says it.
        if (error instanceof AppError && (error.code === ErrorCode.BAD_USER_INPUT || error.code === ErrorCode.DRAFT_TIMEOUT)) return error;
        throw error;
      });
      if (drafted instanceof AppError) {
        log(drafted.message);
        return 2;
      }
      const { document, problems } = drafted;
      const json = `${JSON.stringify(document, null, 2)}\n`;
      if (options.out) writeFileSync(options.out, json);
      else process.stdout.write(json);
      const meetings = (document.meetings as unknown[]).length;
      log(`drafted ${(document.people as unknown[]).length} people, ${meetings} meeting(s)${options.out ? ` to ${options.out}` : ''}`);
      if (problems.length > 0) logProblems(`${problems.length} problem(s) to fix before ingest:`, problems);
      return 0;
    });
  },
});
